#!/usr/bin/env bash
# Local PostgreSQL for the platform: `postgres.sh up|down|status`.
# One cluster under .data/services/postgres/data, listening on 127.0.0.1:$PG_PORT only,
# its unix socket and log beside it. `up` installs the Debian packages when missing,
# creates the cluster on first run, starts it, and makes sure the `emergisphere` role
# (password `emergisphere`, CREATEDB for the tests' per-test databases) and database
# exist. Idempotent; fast when the server already runs.
SCRIPT_NAME=postgres
source "$(dirname "$0")/lib.sh"

PG_HOME="$SERVICES_DIR/postgres"
PG_DATA="$PG_HOME/data"
PG_LOG="$PG_HOME/postgres.log"
PG_ROLE=emergisphere
PG_PASSWORD=emergisphere
PG_DATABASE=emergisphere

# PostgreSQL refuses to run as root: then the server and its tools run as `postgres`.
if [ "$(id -u)" -eq 0 ]; then PG_OS_USER=postgres; else PG_OS_USER="$(id -un)"; fi

# Unix socket paths are limited to 107 bytes; a deep checkout falls back to /tmp.
PG_SOCKET_DIR="$PG_HOME"
if [ "${#PG_SOCKET_DIR}" -gt 90 ]; then PG_SOCKET_DIR="${TMPDIR:-/tmp}/emergisphere-pg-$PG_PORT"; fi

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# The server binaries: those of the cluster's major version when it exists, else the
# highest installed version.
find_bin() {
  local dir
  if [ -f "$PG_DATA/PG_VERSION" ]; then
    dir="/usr/lib/postgresql/$(cat "$PG_DATA/PG_VERSION")/bin"
    [ -x "$dir/pg_ctl" ] || die "cluster in $PG_DATA is PostgreSQL $(cat "$PG_DATA/PG_VERSION"), whose server is not installed"
  else
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 3 -path '*/bin/pg_ctl' -printf '%h\n' 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$dir" ] || return 1
  fi
  PG_BIN="$dir"
}

running() {
  [ -f "$PG_DATA/postmaster.pid" ] && kill -0 "$(head -n 1 "$PG_DATA/postmaster.pid")" 2>/dev/null
}

install_server() {
  if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
    # The package would create and start a default cluster on port 5432; we want only ours.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = off" | as_root tee /etc/postgresql-common/createcluster.d/emergisphere-no-main.conf >/dev/null
  fi
  apt_install postgresql
  find_bin || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
}

# The server user must reach the data directory through every parent (checked from the
# top, so only the directories that block it are opened).
ensure_traversable() {
  [ "$(id -u)" -eq 0 ] || return 0
  local dir="" part
  local IFS=/
  for part in $(dirname "$PG_HOME"); do
    [ -n "$part" ] || continue
    dir="$dir/$part"
    if ! runuser -u "$PG_OS_USER" -- test -x "$dir"; then
      log "letting $PG_OS_USER traverse $dir (chmod o+x)"
      chmod o+x "$dir"
    fi
  done
}

init_cluster() {
  mkdir -p "$PG_HOME" "$PG_SOCKET_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown "$PG_OS_USER:" "$PG_HOME" "$PG_SOCKET_DIR"; fi
  ensure_traversable
  [ -f "$PG_DATA/PG_VERSION" ] && return 0
  log "creating a cluster in ${PG_DATA#"$ROOT/"}"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_OS_USER" --encoding=UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 >"$PG_HOME/initdb.log" 2>&1 ||
    die "initdb failed; see ${PG_HOME#"$ROOT/"}/initdb.log"
}

# Settings for a development and test box, rewritten on every start.
write_config() {
  if ! grep -q "^include_if_exists 'emergisphere.conf'" "$PG_DATA/postgresql.conf"; then
    echo "include_if_exists 'emergisphere.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi
  as_pg tee "$PG_DATA/emergisphere.conf" >/dev/null <<CONF
# Written by deploy/local/postgres.sh; edits are overwritten on the next start.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
unix_socket_permissions = 0700
# Ten services with small pools each, plus tests creating databases in parallel.
max_connections = 300
shared_buffers = 128MB
work_mem = 4MB
maintenance_work_mem = 64MB
# Durable writes stay on; a crash of the box may lose the last few commits, never corrupt.
fsync = on
synchronous_commit = off
max_wal_size = 1GB
# Short queries on a small machine: no JIT, no parallel workers.
jit = off
max_parallel_workers_per_gather = 0
huge_pages = off
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = 1000
CONF
}

psql_admin() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" \
    -U "$PG_OS_USER" -d postgres "$@"
}

ensure_role_and_database() {
  psql_admin >/dev/null <<SQL
SET client_min_messages TO warning;
SELECT format('CREATE ROLE %I', '$PG_ROLE')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') \gexec
ALTER ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
-- DROP DATABASE ... WITH (FORCE) on a test database must also end an autovacuum worker
-- that happens to be in it, which only pg_signal_backend members may do.
GRANT pg_signal_backend TO $PG_ROLE;
SELECT format('CREATE DATABASE %I OWNER %I', '$PG_DATABASE', '$PG_ROLE')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DATABASE') \gexec
SQL
}

cmd_up() {
  if running; then
    find_bin || die "PostgreSQL server binaries not found"
    if port_open "$PG_PORT"; then
      ensure_role_and_database
      log "already running on 127.0.0.1:$PG_PORT"
      return 0
    fi
    # Running, but not where the settings say (the port changed): restart it there.
    log "running on another port; restarting on $PG_PORT"
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 -s
  fi
  port_open "$PG_PORT" && die "port $PG_PORT is taken by another process"
  install_server
  init_cluster
  write_config
  rm -f "$PG_DATA/postmaster.pid"  # stale after a crash of the box
  as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s ||
    die "PostgreSQL did not start; see ${PG_LOG#"$ROOT/"}"
  ensure_role_and_database
  log "running on 127.0.0.1:$PG_PORT (data in ${PG_DATA#"$ROOT/"})"
}

cmd_down() {
  if ! running; then
    log "not running"
    return 0
  fi
  find_bin || die "PostgreSQL server binaries not found"
  as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 -s
  log "stopped"
}

cmd_status() {
  if running; then
    log "running on 127.0.0.1:$PG_PORT (pid $(head -n 1 "$PG_DATA/postmaster.pid"))"
  else
    log "stopped"
    return 3
  fi
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 up|down|status" ;;
esac
