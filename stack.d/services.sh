# shellcheck shell=bash
# The Quarkus services: built with Maven when their sources changed, started from their fast-jars against this
# stack's PostgreSQL, Kafka, Keycloak and SMTP (sourced by ./stack). Each service is one line in a file of its own,
# stack.d/NAME.sh:
#   service NAME PORT DATABASE [VARIABLE=VALUE ...]
# (DATABASE - when it has none; the variables are extra environment for that service only).
# A further instance NAME@N (N >= 2) shares the database and broker; only its port differs (see service_port).
# JVM options of the services: a young generation large enough that requests in flight under load die young
# instead of filling the old generation (docs/benchmarks.md measured 256 MB against 768 MB)
SERVICE_JAVA_OPTS=${STACK_SERVICE_JAVA_OPTS:--Xmx768m -Xmn384m -XX:+UseSerialGC}
# instance N listens on the service's port + (N-1) * this step: 10 keeps the instances of the default stack (8091…)
# and of the test stacks (offsets in steps of 20) clear of every other port
INSTANCE_PORT_STEP=${STACK_INSTANCE_PORT_STEP:-10}
# how long to wait for a service to become healthy, in seconds
SERVICE_WAIT=${STACK_SERVICE_WAIT:-120}
SERVICES=()
declare -A SERVICE_PORT=() SERVICE_DB=() SERVICE_ENV=()

service() { # name port database [variable=value ...]
  local name=$1; SERVICES+=("$name"); SERVICE_PORT[$name]=$2; SERVICE_DB[$name]=$3; shift 3
  SERVICE_ENV[$name]="$*"
  component "$name" service instances
}

# the port of a service or of one of its instances (NAME@N)
service_port() {
  local base=${1%@*} n=1
  [[ $1 == "$base" ]] || n=${1#*@}
  echo $((SERVICE_PORT[$base] + (n - 1) * INSTANCE_PORT_STEP))
}

# the databases the services own, in the order they were declared (postgres creates them)
service_databases() {
  local svc dbs=()
  for svc in "${SERVICES[@]}"; do [[ ${SERVICE_DB[$svc]} == - ]] || dbs+=("${SERVICE_DB[$svc]}"); done
  echo "${dbs[*]}"
}

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# A service is rebuilt when its jar is missing or older than any source it is built from (the web console's installed
# npm packages and built files are not sources).
service_stale() {
  local jar; jar=$(service_jar "$1")
  [[ -f $jar ]] || return 0
  [[ -n $(find "$ROOT/$1/src/main" "$ROOT/$1/pom.xml" "$ROOT/platform/src/main" "$ROOT/platform/pom.xml" "$ROOT/pom.xml" \
    \( -name node_modules -o -name dist \) -prune -o -newer "$jar" -print -quit 2>/dev/null) ]]
}

services_build() { # service or instance names; each service is built once
  local stale=() svc
  for svc in "$@"; do
    svc=${svc%@*}
    [[ " ${stale[*]} " == *" $svc "* ]] || ! service_stale "$svc" || stale+=("$svc")
  done
  ((${#stale[@]})) || return 0
  local list; list=$(IFS=,; echo "${stale[*]}")
  say "building ${stale[*]} with Maven (a first build downloads dependencies for several minutes)"
  local log=$LOGS/build.log
  # progress: Maven announces each module it builds; show those lines as they come
  "$ROOT/mvnw" -B -f "$ROOT/pom.xml" -pl "$list" -am package -DskipTests >"$log" 2>&1 &
  local mvn=$! shown=0 start=$SECONDS next=15
  while kill -0 $mvn 2>/dev/null; do
    local lines; lines=$(grep -E '^\[INFO\] Building .*\[[0-9]+/[0-9]+\]' "$log" || true)
    local n; n=$(printf '%s' "$lines" | grep -c . || true)
    if ((n > shown)); then
      printf '%s\n' "$lines" | tail -n +$((shown + 1)) | sed -E 's/^\[INFO\] Building /[stack] building /'
      shown=$n
    elif ((SECONDS - start >= next)); then
      say "  maven still working ($((SECONDS - start))s, $(grep -c 'Downloaded from' "$log" || true) files downloaded)"
    fi
    ((SECONDS - start >= next)) && next=$((SECONDS - start + 15))
    sleep 1
  done
  wait $mvn || { tail -n 40 "$log" >&2; fail "building ${stale[*]} failed; read $log"; }
  say "build finished in $((SECONDS - start))s"
}

service_healthy() { curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready"; }

service_up() {
  local svc=$1 port base=${1%@*}; port=$(service_port "$1")
  local db=${SERVICE_DB[$base]}
  if alive "$svc" && service_healthy "$port"; then say "$svc already running on :$port"; return; fi
  alive "$svc" && { say "$svc is running but not healthy: restarting it"; stop_pid "$svc"; }
  say "starting $svc on :$port"
  local env=(QUARKUS_HTTP_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER"
    QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT")
  [[ $db == - ]] || env+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db"
    QUARKUS_DATASOURCE_USERNAME="$db" QUARKUS_DATASOURCE_PASSWORD="$db")
  local extra opts
  read -r -a extra <<<"${SERVICE_ENV[$base]}"
  read -r -a opts <<<"$SERVICE_JAVA_OPTS"
  spawn "$svc" "$LOGS/$svc.log" env "${env[@]}" "${extra[@]}" java "${opts[@]}" -jar "$(service_jar "$base")"
}

service_wait() {
  local svc=$1
  wait_for "$svc" "$SERVICE_WAIT" "$LOGS/$svc.log" service_healthy "$(service_port "$svc")"
  say "$svc healthy on http://127.0.0.1:$(service_port "$svc")"
}

service_state() {
  if ! alive "$1"; then echo down; elif service_healthy "$(service_port "$1")"; then echo healthy; else echo unhealthy; fi
}

service_where() {
  printf '  %-21s %s\n' "$1" "http://127.0.0.1:$(service_port "$1")   (Swagger UI /q/swagger-ui, health /q/health)"
}
