#!/usr/bin/env bash
# Redis on 127.0.0.1:$REDIS_PORT with append-only persistence: our own server process
# (not the system service), with its config, data, pid and log under .data/services/redis.
#
#   deploy/local/redis.sh up|down|status
SCRIPT_NAME=redis
source "$(dirname "$0")/lib.sh"

DIR="$SERVICES_DIR/redis"
CONF="$DIR/redis.conf"
PIDFILE="$DIR/redis.pid"
LOGFILE="$DIR/redis.log"

ping() { [ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }

write_config() {
  mkdir -p "$DIR/data"
  cat >"$CONF.tmp" <<CONF
bind 127.0.0.1
protected-mode yes
port $REDIS_PORT
daemonize yes
supervised no
pidfile $PIDFILE
logfile $LOGFILE
loglevel notice
dir $DIR/data
appendonly yes
appendfsync everysec
CONF
  mv "$CONF.tmp" "$CONF"
}

up() {
  { have redis-server && have redis-cli; } || apt_install redis-server
  if pid_alive "$PIDFILE" && ping; then
    log "running on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  stop_pidfile "$PIDFILE"
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by another process"
  write_config
  log "starting on 127.0.0.1:$REDIS_PORT (data under ${DIR#"$ROOT/"}/data)"
  redis-server "$CONF" || die "redis-server did not start; log: ${LOGFILE#"$ROOT/"}"
  local deadline=$((SECONDS + 30))
  until ping; do
    [ "$SECONDS" -lt "$deadline" ] || {
      tail -n 20 "$LOGFILE" >&2 || true
      die "Redis did not answer a ping within 30s"
    }
    sleep 0.1
  done
  log "running on 127.0.0.1:$REDIS_PORT"
}

down() {
  # SIGTERM makes Redis flush the append-only file and exit cleanly.
  stop_pidfile "$PIDFILE"
  log "stopped"
}

status() {
  if pid_alive "$PIDFILE" && ping; then
    log "running on 127.0.0.1:$REDIS_PORT (pid $(cat "$PIDFILE"))"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  up | down | status) "$1" ;;
  *) die "usage: $0 up|down|status" ;;
esac
