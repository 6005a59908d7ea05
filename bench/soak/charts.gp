# The soak's charts (bench/soak/run draws them): gnuplot -e "dir='target'; out='target'" charts.gp
# memory.tsv: minute, then per service (report, task, notification, web-console) its RSS and heap after GC in MB.
# latency.tsv: minute, then per kind (progress, list, rollup, inbox, export, upload) p50, p99, count; then errors.
set terminal pngcairo size 1100,760 font ",10"
set datafile separator "\t"
set datafile missing "NaN"
set grid
set key outside right top
set lmargin 10
set xrange [0:*]
set boxwidth 0.8
services = "report-service task-service notification-service web-console"
kinds = "progress list rollup inbox export upload"

set output out."/soak-memory.png"
set multiplot layout 2,1 title "Soak: memory of each service, sampled every 10 s"
set ylabel "resident set (MB)"
set yrange [0:*]
plot for [i=1:4] dir."/memory.tsv" using 1:(column(2*i)) with lines lw 2 title word(services, i)
set xlabel "minutes after warm-up"
set ylabel "heap after last GC (MB)"
plot for [i=1:4] dir."/memory.tsv" using 1:(column(2*i+1)) with lines lw 2 title word(services, i)
unset multiplot

set output out."/soak-latency.png"
set multiplot layout 3,1 title "Soak: latency per minute and errors"
unset xlabel
set logscale y
set yrange [1:*]
set ylabel "p99 (ms)"
plot for [i=1:6] dir."/latency.tsv" using 1:(column(3*i)) with linespoints lw 2 title word(kinds, i)
set ylabel "p50 (ms)"
plot for [i=1:6] dir."/latency.tsv" using 1:(column(3*i-1)) with linespoints lw 2 title word(kinds, i)
unset logscale y
set yrange [0:*]
set autoscale xfixmax
set xlabel "minute after warm-up"
set ylabel "errors"
plot dir."/latency.tsv" using 1:20 with boxes fill solid 0.5 title "errors (all kinds)"
unset multiplot
