#!/usr/bin/env bash
# FerretDB (a MongoDB-wire server) on 127.0.0.1:$FERRETDB_PORT with its SQLite backend,
# so the document store needs no other server. Built from source with the Go toolchain
# into .tools/bin; data, state and log under .data/services/ferretdb.
#
#   deploy/local/ferretdb.sh up|down|status
SCRIPT_NAME=ferretdb
source "$(dirname "$0")/lib.sh"

FERRETDB_VERSION="v1.24.2"
FERRETDB_MODULE="github.com/FerretDB/FerretDB"
# Metrics and pprof; loopback on a non-default port ("-" turns the listener off).
FERRETDB_DEBUG_ADDR="${ES_LOCAL_FERRETDB_DEBUG_ADDR:-127.0.0.1:28088}"

BIN="$TOOLS_DIR/bin/ferretdb"
DIR="$SERVICES_DIR/ferretdb"
PIDFILE="$DIR/ferretdb.pid"
LOGFILE="$DIR/ferretdb.log"

installed_version() {
  [ -x "$BIN" ] || return 0
  "$BIN" --version 2>/dev/null | awk '$1 == "version:" { print $2 }'
}

install() {
  [ "$(installed_version)" = "$FERRETDB_VERSION" ] && return 0
  have go || die "Go is needed to build FerretDB: install Go 1.22 or newer"
  log "building FerretDB $FERRETDB_VERSION (first time takes a few minutes)"
  local started=$SECONDS
  # Module and build caches stay under .tools, so nothing is left outside the project;
  # -modcacherw lets `rm -rf .tools` remove the module cache.
  local goenv=(env GOPATH="$TOOLS_DIR/go" GOCACHE="$TOOLS_DIR/go-cache"
    GOFLAGS="-modcacherw -buildvcs=false" GOTOOLCHAIN=local CGO_ENABLED=0)
  # `go install .../cmd/ferretdb@version` builds a binary that panics at start: FerretDB
  # reads its version from build/version/version.txt, a generated file that the module
  # does not contain. So: fetch the module, write that file as FerretDB's panic message
  # says, and build it with the module's own go.sum.
  local module_dir
  module_dir="$("${goenv[@]}" go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -d "$module_dir" ] || die "could not fetch $FERRETDB_MODULE@$FERRETDB_VERSION"
  local src="$TOOLS_DIR/go/src/ferretdb-$FERRETDB_VERSION"
  rm -rf "$src"
  mkdir -p "$(dirname "$src")"
  cp -R "$module_dir" "$src"
  chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  echo "local" >"$src/build/version/package.txt"
  (cd "$src" && "${goenv[@]}" go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb)
  mv "$BIN.tmp" "$BIN"
  rm -rf "$src"
  [ "$(installed_version)" = "$FERRETDB_VERSION" ] || die "the FerretDB build reports another version"
  log "built FerretDB $FERRETDB_VERSION in $((SECONDS - started))s"
}

# An OP_MSG {ping: 1, $db: "admin"}; true when the reply carries ok: 1.0.
ping() {
  timeout 2 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "\x33\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00\x00\x00\x00\x00\x00\x1e\x00\x00\x00\x10ping\x00\x01\x00\x00\x00\x02\$db\x00\x06\x00\x00\x00admin\x00\x00" >&3
    len=$(head -c 4 <&3 | od -An -tu4 | tr -d " ")
    [ -n "$len" ] && [ "$len" -gt 4 ] || exit 1
    head -c $((len - 4)) <&3 | od -An -tx1 | tr -d " \n" | grep -q "016f6b00000000000000f03f"
  ' _ "$FERRETDB_PORT" 2>/dev/null
}

up() {
  install
  if pid_alive "$PIDFILE" && ping; then
    log "running on 127.0.0.1:$FERRETDB_PORT"
    return 0
  fi
  stop_pidfile "$PIDFILE"
  port_open "$FERRETDB_PORT" && die "port $FERRETDB_PORT is taken by another process"
  mkdir -p "$DIR/data" "$DIR/state"
  log "starting on 127.0.0.1:$FERRETDB_PORT (SQLite under ${DIR#"$ROOT/"}/data)"
  nohup "$BIN" \
    --handler=sqlite \
    --sqlite-url="file:$DIR/data/" \
    --listen-addr="127.0.0.1:$FERRETDB_PORT" \
    --debug-addr="$FERRETDB_DEBUG_ADDR" \
    --state-dir="$DIR/state" \
    --telemetry=disable \
    --log-level=warn \
    </dev/null >>"$LOGFILE" 2>&1 &
  echo $! >"$PIDFILE"
  local deadline=$((SECONDS + 30))
  until ping; do
    if ! pid_alive "$PIDFILE"; then
      tail -n 20 "$LOGFILE" >&2 || true
      die "FerretDB exited during start-up; log: ${LOGFILE#"$ROOT/"}"
    fi
    [ "$SECONDS" -lt "$deadline" ] || die "FerretDB did not answer a ping within 30s"
    sleep 0.2
  done
  log "running on 127.0.0.1:$FERRETDB_PORT"
}

down() {
  stop_pidfile "$PIDFILE"
  log "stopped"
}

status() {
  if pid_alive "$PIDFILE" && ping; then
    log "running on 127.0.0.1:$FERRETDB_PORT (pid $(cat "$PIDFILE"))"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  up | down | status) "$1" ;;
  *) die "usage: $0 up|down|status" ;;
esac
