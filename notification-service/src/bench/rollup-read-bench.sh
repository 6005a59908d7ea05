#!/usr/bin/env bash
# Rollup read benchmark (docs/benchmarks.md): seeds 1,000,000 open tasks into a running stack's notification
# database and measures GET /api/rollups and GET /api/rankings with wrk. Ports as for ./stack (STACK_*).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PG_PORT=${STACK_PG_PORT:-25432}
KEYCLOAK_PORT=${STACK_KEYCLOAK_PORT:-28180}
NOTIFICATION_PORT=${STACK_NOTIFICATION_PORT:-8083}
TASKS=${TASKS:-1000000}
DURATION=${DURATION:-30s}
# one connection: the latency of a read, not the queueing of a saturated 2-core machine
CONNECTIONS=${CONNECTIONS:-1}
base=http://127.0.0.1:$NOTIFICATION_PORT

if [[ ${SEED:-1} == 1 ]]; then
  echo "seeding $TASKS open tasks"
  time PGPASSWORD=notification psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U notification -d notification \
    -v tasks="$TASKS" -f "$here/rollups-seed.sql"
fi

token() {
  curl -s -d client_id=rol-cli -d grant_type=password -d username="$1" -d password="$1" \
    "http://localhost:$KEYCLOAK_PORT/realms/rule-of-law/protocol/openid-connect/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
office=$(token office1)
judicial=$(token judicial1)

run() { # label token path
  echo "== $1: GET $3"
  curl -s -o /dev/null -w "   status %{http_code}\n" -H "Authorization: Bearer $2" "$base$3"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $2" "$base$3" \
    | grep -E 'Latency  |Requests/sec|50%|90%|99%|Non-2xx'
}
echo "warming up (JIT) for 20 s"
wrk -t1 -c2 -d20s -H "Authorization: Bearer $office" "$base/api/rollups?scope=district&year=2025" >/dev/null
wrk -t1 -c2 -d10s -H "Authorization: Bearer $office" "$base/api/rankings" >/dev/null
echo "load before: $(uptime)"
run "district, one year" "$office" "/api/rollups?scope=district&year=2025"
run "one department, one year" "$office" "/api/rollups?scope=department&year=2025&id=dept-07"
run "every department, all years" "$office" "/api/rollups?scope=department"
run "a department reads its own" "$judicial" "/api/rollups?scope=department"
run "ranking, one year" "$office" "/api/rankings?year=2025"
echo "load after: $(uptime)"
