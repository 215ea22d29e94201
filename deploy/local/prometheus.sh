#!/usr/bin/env bash
# Prometheus (Debian package, which brings promtool) on 127.0.0.1:$PROM_PORT: our own server
# process, not the package's system service, with its config, data, pid and log under
# .data/services/prometheus. It loads deploy/prometheus/prometheus.yml and its alert rules,
# and scrapes the targets listed in .data/services/prometheus/targets/*.json
# (file-based discovery: write one file per running platform; see docs/observability.md).
#
#   deploy/local/prometheus.sh install|up|down|status|reload
#
# ES_LOCAL_PROMETHEUS_PORT, ES_PROMETHEUS_DIR and ES_PROMETHEUS_CONFIG move the port, the
# directory and the configuration (tests run a private instance this way).
SCRIPT_NAME=prometheus
source "$(dirname "$0")/lib.sh"

PROM_PORT="${ES_LOCAL_PROMETHEUS_PORT:-29090}"
DIR="${ES_PROMETHEUS_DIR:-$SERVICES_DIR/prometheus}"
CONFIG="${ES_PROMETHEUS_CONFIG:-$DIR/prometheus.yml}"
PIDFILE="$DIR/prometheus.pid"
LOGFILE="$DIR/prometheus.log"
URL="http://127.0.0.1:$PROM_PORT"

install() {
  { have prometheus && have promtool; } && return 0
  # The package's own service is not started here (no init system; policy-rc.d), and we
  # never use it: `up` runs a server of our own.
  apt_install prometheus
  have promtool || die "the prometheus package did not install promtool"
}

ready() { curl -fsS --max-time 2 "$URL/-/ready" >/dev/null 2>&1; }

# The default configuration: the repository's, with its rules linked beside it and an
# empty targets directory for file-based discovery.
write_default_config() {
  mkdir -p "$DIR/targets" "$DIR/data"
  ln -sfn "$ROOT/deploy/prometheus/rules" "$DIR/rules"
  cp "$ROOT/deploy/prometheus/prometheus.yml" "$CONFIG.tmp"
  mv "$CONFIG.tmp" "$CONFIG"
}

up() {
  install
  if pid_alive "$PIDFILE" && ready; then
    log "running on $URL"
    return 0
  fi
  stop_pidfile "$PIDFILE"
  port_open "$PROM_PORT" && die "port $PROM_PORT is taken by another process"
  mkdir -p "$DIR/data"
  [ -n "${ES_PROMETHEUS_CONFIG:-}" ] || write_default_config
  promtool check config "$CONFIG" >"$DIR/check.log" 2>&1 || {
    cat "$DIR/check.log" >&2
    die "promtool rejected $CONFIG"
  }
  log "starting on $URL (data under ${DIR#"$ROOT/"}/data)"
  prometheus \
    --config.file="$CONFIG" \
    --storage.tsdb.path="$DIR/data" \
    --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PROM_PORT" \
    --web.enable-lifecycle \
    </dev/null >>"$LOGFILE" 2>&1 &
  echo $! >"$PIDFILE"
  local deadline=$((SECONDS + 60))
  until ready; do
    pid_alive "$PIDFILE" || {
      tail -n 20 "$LOGFILE" >&2 || true
      die "Prometheus exited; log: ${LOGFILE#"$ROOT/"}"
    }
    [ "$SECONDS" -lt "$deadline" ] || die "Prometheus not ready within 60s"
    sleep 0.2
  done
  log "running on $URL"
}

reload() {
  ready || die "not running"
  curl -fsS -X POST "$URL/-/reload" >/dev/null || die "reload refused; see ${LOGFILE#"$ROOT/"}"
  log "configuration reloaded"
}

down() {
  stop_pidfile "$PIDFILE"
  log "stopped"
}

status() {
  if pid_alive "$PIDFILE" && ready; then
    log "running on $URL (pid $(cat "$PIDFILE"))"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  install | up | down | status | reload) "$1" ;;
  *) die "usage: $0 install|up|down|status|reload" ;;
esac
