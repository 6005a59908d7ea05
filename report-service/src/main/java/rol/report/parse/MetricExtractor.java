package rol.report.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures with their unit, kept as written ("257.3" "万元", "17.91" "%"). Years, dates and bare numbers are not
 * metrics: a number counts only when a unit from the table follows it. A qualifier written between number and
 * unit ("20 余条") stays in the unit.
 */
final class MetricExtractor {

    /** Longest first, so "万元" wins over "万" and "人次" over "人". */
    private static final String[] UNITS = {
        "个百分点", "万余人次", "万人次", "万余元", "亿余元", "平方米", "百分点",
        "亿元", "万元", "人次", "户次", "场次", "批次", "件次", "余场", "余件", "余条", "余人", "万条", "万件", "万户",
        "公里", "小时", "个", "件", "起", "宗", "次", "场", "期", "人", "名", "位", "份", "条", "家", "项", "所",
        "篇", "卷", "户", "部", "台", "套", "批", "支", "类", "元", "亩", "天", "%", "‰"
    };
    private static final Pattern METRIC;

    static {
        StringBuilder alt = new StringBuilder();
        for (String u : UNITS) {
            if (!alt.isEmpty()) alt.append('|');
            alt.append(Pattern.quote(u));
        }
        METRIC = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*((?:余|多)?(?:" + alt + "))");
    }

    private static final String LABEL_STOPS = ",。;:、()“”\"《》!?";

    static List<Metric> extract(List<TextRun> runs, String idPrefix) {
        List<Metric> out = new ArrayList<>();
        for (TextRun run : runs) {
            Matcher m = METRIC.matcher(run.match);
            while (m.find()) {
                // "2024 年" and "8+4" never match; "1-2个" is a range, not a figure
                if (m.start() > 0 && "-~—+".indexOf(run.match.charAt(m.start() - 1)) >= 0) continue;
                int labelStart = m.start();
                while (labelStart > 0 && LABEL_STOPS.indexOf(run.match.charAt(labelStart - 1)) < 0) labelStart--;
                String label = run.text.substring(labelStart, m.start()).strip();
                String value = run.text.substring(m.start(1), m.end(1));
                String unit = run.text.substring(m.start(2), m.end(2));
                out.add(new Metric(idPrefix + ".m" + (out.size() + 1), label, value, unit, run.span(m.start(1), m.end(2))));
            }
        }
        return out;
    }
}
