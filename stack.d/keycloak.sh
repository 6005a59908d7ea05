# shellcheck shell=bash
# Keycloak: the realm rule-of-law from stack.d/keycloak/rule-of-law-realm.json (sourced by ./stack).
# how long to wait for Keycloak to start, in seconds (a loaded machine may need more)
KEYCLOAK_WAIT=${STACK_KEYCLOAK_WAIT:-240}
KEYCLOAK_PORT=${STACK_KEYCLOAK_PORT:-28180}
KEYCLOAK_MANAGEMENT_PORT=${STACK_KEYCLOAK_MANAGEMENT_PORT:-$((KEYCLOAK_PORT + 1))}
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_HOME=$STACK_DIR/keycloak/keycloak-$KEYCLOAK_VERSION
# one host string everywhere, or tokens fail the issuer check
ISSUER=http://localhost:$KEYCLOAK_PORT/realms/rule-of-law
component keycloak keycloak

keycloak_download() {
  [[ -x $KEYCLOAK_HOME/bin/kc.sh ]] && return
  say "downloading Keycloak $KEYCLOAK_VERSION from Maven Central (once, about 170 MB)"
  "$ROOT/mvnw" -B -q -f "$ROOT/stack.d/keycloak/pom.xml" dependency:unpack \
    -DoutputDirectory="$STACK_DIR/keycloak" -Dmdep.overWriteReleases=true >"$LOGS/keycloak-download.log" 2>&1 \
    || fail "downloading Keycloak failed; read $LOGS/keycloak-download.log"
}

keycloak_ready() { curl -fs -o /dev/null "$ISSUER/.well-known/openid-configuration"; }

# An in-memory database: every start imports the realm from the repository, so the realm is always the one in git.
keycloak_up() {
  if alive keycloak && keycloak_ready; then say "keycloak already running on $ISSUER"; return; fi
  alive keycloak && stop_pid keycloak
  keycloak_download
  mkdir -p "$KEYCLOAK_HOME/data/import"
  # the web console signs in from this stack's console port (the realm in git names 8080)
  sed -E "s#//(localhost|127\.0\.0\.1):8080/#//\1:${STACK_CONSOLE_PORT:-8080}/#g" \
    "$ROOT/stack.d/keycloak/rule-of-law-realm.json" >"$KEYCLOAK_HOME/data/import/rule-of-law-realm.json"
  say "starting keycloak on 127.0.0.1:$KEYCLOAK_PORT (the first start builds it: about a minute)"
  # demo-only administrator; KC_* variables are Keycloak options, so only these two are set
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    spawn keycloak "$LOGS/keycloak.log" "$KEYCLOAK_HOME/bin/kc.sh" start-dev --db=dev-mem --import-realm \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="http://localhost:$KEYCLOAK_PORT" --health-enabled=true
  wait_for keycloak "$KEYCLOAK_WAIT" "$LOGS/keycloak.log" keycloak_ready
  say "keycloak ready: realm rule-of-law at $ISSUER"
}

# in memory: a restart is a fresh realm
keycloak_fresh() { stop_pid keycloak; }

keycloak_state() { if alive keycloak && keycloak_ready; then echo healthy; else echo down; fi; }

keycloak_where() {
  printf '  %-21s %s\n' Keycloak "$ISSUER   (admin console http://localhost:$KEYCLOAK_PORT/admin, admin/admin; demo users: office1 …, password = user name)"
}
