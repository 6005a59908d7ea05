# shellcheck shell=bash
# PostgreSQL: a private cluster, one database and owner per service (sourced by ./stack).
# below Linux's ephemeral range (32768–60999), where an outgoing connection may already hold a port
PG_PORT=${STACK_PG_PORT:-25432}
# PostgreSQL settings given at every start (so an existing cluster gets them too): buffers for the working set of
# all three databases (with the default 128 MB backends wrote out dirty pages themselves under load); checkpoints
# rarer and full-page images compressed, because the burst of full-page writes after each checkpoint stalled every
# request for seconds (docs/benchmarks.md)
PG_OPTIONS=${STACK_PG_OPTIONS:--c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_compression=lz4}
component postgres pg

pg_bin() {
  local d
  while read -r d; do
    [[ -x $d/initdb && -x $d/pg_ctl ]] && { echo "$d"; return; }
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r)
}

pg_ensure_installed() {
  [[ -n $(pg_bin) ]] && return
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing PostgreSQL server binaries with apt (once)"
    apt-get update -q >"$LOGS/apt.log" 2>&1 || fail "apt-get update failed; read $LOGS/apt.log"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >>"$LOGS/apt.log" 2>&1 \
      || fail "apt-get install postgresql failed; read $LOGS/apt.log"
  else
    fail "PostgreSQL server binaries not found. Install them: sudo apt-get install postgresql"
  fi
}

# The cluster runs as 'postgres' when we are root (initdb refuses root). Its directory must be reachable by that
# user; a checkout inside a root-only home is not, so the data then lives under /var/lib/rol-stack instead.
pg_home() {
  if [[ $(id -u) -ne 0 ]]; then echo "$STACK_DIR/postgres"; return; fi
  if runuser -u postgres -- test -x "$STACK_DIR"; then echo "$STACK_DIR/postgres"; return; fi
  echo "/var/lib/rol-stack/$(echo -n "$STACK_DIR" | md5sum | cut -c1-12)/postgres"
}

as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_psql() { as_pg "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_home)" -p "$PG_PORT" -U postgres "$@"; }

pg_ready() { as_pg "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

pg_up() {
  pg_ensure_installed
  local home data bin
  home=$(pg_home); data=$home/data; bin=$(pg_bin)
  if [[ -f $data/postmaster.pid ]] && pg_ready; then say "postgres already running on 127.0.0.1:$PG_PORT"; return; fi
  mkdir -p "$home"
  [[ $(id -u) -eq 0 ]] && chown postgres "$home"
  if [[ ! -f $data/PG_VERSION ]]; then
    say "initializing PostgreSQL cluster in $data"
    as_pg "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 \
      >"$LOGS/postgres-initdb.log" 2>&1 || fail "initdb failed; read $LOGS/postgres-initdb.log"
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$home'
max_connections = 200
CONF
  fi
  say "starting postgres on 127.0.0.1:$PG_PORT"
  as_pg "$bin/pg_ctl" -D "$data" -l "$home/postgres.log" -o "$PG_OPTIONS" -w -t 60 start >/dev/null \
    || { tail -n 20 "$home/postgres.log" >&2; fail "postgres did not start; read $home/postgres.log"; }
  ln -sf "$home/postgres.log" "$LOGS/postgres.log"
  head -1 "$data/postmaster.pid" >"$RUN/postgres.pid"
  local db
  for db in $(service_databases); do
    pg_psql -d postgres <<SQL
SELECT 'CREATE ROLE $db LOGIN PASSWORD ''$db''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db')\gexec
SELECT 'CREATE DATABASE $db OWNER $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SQL
  done
  say "postgres ready (databases: $(service_databases))"
}

pg_down() {
  local data; data=$(pg_home)/data
  [[ -n $(pg_bin) && -f $data/postmaster.pid ]] || { rm -f "$RUN/postgres.pid"; return; }
  say "stopping postgres"
  as_pg "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
  rm -f "$RUN/postgres.pid"
}

pg_fresh() { pg_down; rm -rf "$(pg_home)"; }

pg_state() { if pg_ready; then echo healthy; else echo down; fi; }

pg_where() { printf '  %-21s %s\n' PostgreSQL "127.0.0.1:$PG_PORT   databases $(service_databases | tr ' ' ,)"; }
