# shellcheck shell=bash
# web-console: the 督办工作台 users open in the browser, relaying to this stack's services (sourced by ./stack).
# Its session cookies are encrypted with a secret of this stack's own, made once.
[[ -s $RUN/console-session-secret ]] \
  || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$RUN/console-session-secret")
service web-console "${STACK_CONSOLE_PORT:-8080}" - \
  CONSOLE_RELAY_REPORT="http://127.0.0.1:${SERVICE_PORT[report-service]}" \
  CONSOLE_RELAY_TASK="http://127.0.0.1:${SERVICE_PORT[task-service]}" \
  CONSOLE_RELAY_NOTIFICATION="http://127.0.0.1:${SERVICE_PORT[notification-service]}" \
  CONSOLE_SESSION_SECRET="$(cat "$RUN/console-session-secret")"
