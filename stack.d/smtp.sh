# shellcheck shell=bash
# SMTP: GreenMail standalone, a real SMTP server that keeps every message it receives, readable over IMAP and its
# REST API (sourced by ./stack).
SMTP_PORT=${STACK_SMTP_PORT:-22525}
SMTP_IMAP_PORT=${STACK_SMTP_IMAP_PORT:-22143}
SMTP_API_PORT=${STACK_SMTP_API_PORT:-22580}
GREENMAIL_VERSION=2.1.13
SMTP_HOME=$STACK_DIR/smtp
component smtp smtp

smtp_download() { download_jars smtp "GreenMail" "$GREENMAIL_VERSION" "$SMTP_HOME"; }

smtp_ready() { curl -fs -o /dev/null "http://127.0.0.1:$SMTP_API_PORT/api/service/readiness"; }

# Accepts mail for any address without a login and keeps it in memory: a restart empties the mailboxes.
smtp_up() {
  if alive smtp && smtp_ready; then say "smtp already running on 127.0.0.1:$SMTP_PORT"; return; fi
  alive smtp && stop_pid smtp
  smtp_download
  say "starting smtp (GreenMail) on 127.0.0.1:$SMTP_PORT, IMAP $SMTP_IMAP_PORT, API http://127.0.0.1:$SMTP_API_PORT"
  spawn smtp "$LOGS/smtp.log" java -Xmx128m -XX:+UseSerialGC \
    -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$SMTP_IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SMTP_API_PORT" \
    -jar "$SMTP_HOME/lib/greenmail-standalone-$GREENMAIL_VERSION.jar"
  wait_for smtp 60 "$LOGS/smtp.log" smtp_ready
  say "smtp ready: messages at http://127.0.0.1:$SMTP_API_PORT/api/user/ADDRESS/messages/"
}

# in memory: a restart empties the mailboxes
smtp_fresh() { stop_pid smtp; }

smtp_state() { if alive smtp && smtp_ready; then echo healthy; else echo down; fi; }

smtp_where() {
  printf '  %-21s %s\n' "SMTP (GreenMail)" "127.0.0.1:$SMTP_PORT   IMAP $SMTP_IMAP_PORT, messages http://127.0.0.1:$SMTP_API_PORT/api/user/ADDRESS/messages/"
}
