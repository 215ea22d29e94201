#!/usr/bin/env bash
# A single-node Apache Kafka (KRaft: one process is broker and controller) on loopback.
#
#   deploy/local/kafka.sh up       install when missing, format storage once, start, wait
#   deploy/local/kafka.sh down     stop
#   deploy/local/kafka.sh status   exit 0 when the broker answers
#
# The jars come from Maven Central (deploy/local/kafka/pom.xml) into .tools/kafka/libs and
# run on the machine's JDK (17+). Data and logs live under .data/services/kafka.
# Topics are not created automatically: `emergisphere topics ensure` creates them.
SCRIPT_NAME=kafka
source "$(dirname "$0")/lib.sh"

KAFKA_HOME="$TOOLS_DIR/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_POM="$ROOT/deploy/local/kafka/pom.xml"
KAFKA_DIR="$SERVICES_DIR/kafka"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_LOGS="$KAFKA_DIR/logs"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_PIDFILE="$KAFKA_DIR/kafka.pid"
KAFKA_HEAP="${ES_LOCAL_KAFKA_HEAP:--Xms256m -Xmx512m}"
KAFKA_START_SECONDS="${ES_LOCAL_KAFKA_START_SECONDS:-90}"

# The jar set depends only on the pom: a changed pom reinstalls.
pom_stamp() { sha256sum "$KAFKA_POM" | cut -d' ' -f1; }

install_kafka() {
  if [ -f "$KAFKA_HOME/.pom-sha256" ] && [ "$(cat "$KAFKA_HOME/.pom-sha256")" = "$(pom_stamp)" ]; then
    return 0
  fi
  have java || apt_install openjdk-17-jre-headless
  have mvn || apt_install maven
  log "resolving Kafka jars from Maven Central"
  rm -rf "$KAFKA_LIBS.tmp"
  # A repository of our own keeps ~/.m2 untouched and makes `rm -rf .tools` a clean slate.
  mkdir -p "$KAFKA_HOME"
  mvn -q -B -f "$KAFKA_POM" \
    -Dmaven.repo.local="$TOOLS_DIR/maven/repository" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS.tmp" \
    >"$KAFKA_HOME/maven.log" 2>&1 \
    || { cat "$KAFKA_HOME/maven.log" >&2; die "Maven could not resolve the Kafka jars"; }
  rm -rf "$KAFKA_LIBS"
  mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  pom_stamp >"$KAFKA_HOME/.pom-sha256"
}

write_config() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_LOGS"
  cat >"$KAFKA_CONFIG.tmp" <<PROPS
# Written by deploy/local/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DATA

# One node: every internal topic has one replica.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

# Topics come from \`emergisphere topics ensure\`; a typo must not create a new one.
auto.create.topics.enable=false
num.partitions=8
# A new consumer group starts at once instead of waiting for more members.
group.initial.rebalance.delay.ms=0

# Small machine: few threads, small buffers.
num.network.threads=2
num.io.threads=4
background.threads=4
num.recovery.threads.per.data.dir=1
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=8388608
log.retention.hours=72
log.segment.bytes=67108864
PROPS
  mv "$KAFKA_CONFIG.tmp" "$KAFKA_CONFIG"
}

# The JVM command line, in the array JAVA_CMD, before the main class and its arguments.
# C1 only (TieredStopAtLevel=1): starts in about 4s instead of 6-7s on two busy cores; the
# optimising compiler would only pay off under loads a local broker never sees.
java_cmd() {
  # shellcheck disable=SC2206  # KAFKA_HEAP holds several options
  JAVA_CMD=(java $KAFKA_HEAP -XX:TieredStopAtLevel=1 -XX:+UseG1GC -XX:MaxGCPauseMillis=20
    -Djava.awt.headless=true
    -Dkafka.logs.dir="$KAFKA_LOGS"
    -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties"
    -cp "$KAFKA_LIBS/*")
}

format_storage() {
  [ -f "$KAFKA_DATA/meta.properties" ] && return 0
  # A cluster id is 16 random bytes in URL-safe base64 without padding; Kafka refuses
  # one that starts with '-'.
  local cluster_id
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-22)"
  cluster_id="A${cluster_id:1}"
  log "formatting storage (cluster $cluster_id)"
  java_cmd
  "${JAVA_CMD[@]}" kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" -c "$KAFKA_CONFIG" \
    >"$KAFKA_LOGS/format.log" 2>&1 || { cat "$KAFKA_LOGS/format.log" >&2; die "storage format failed"; }
}

# True when the broker answers a Metadata request (v4) listing at least one broker.
# A KRaft broker lists itself only once it has caught up and is unfenced, so this means
# "ready for clients", not merely "port open".
broker_ready() {
  local reply
  reply="$( (
    exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT" || exit 1
    # size=17 | api_key=3 (Metadata) version=4 correlation=1 client_id="es" | topics=[] auto_create=false
    printf '\x00\x00\x00\x11\x00\x03\x00\x04\x00\x00\x00\x01\x00\x02es\x00\x00\x00\x00\x00' >&3
    timeout 5 head -c 16 <&3 | od -An -tu1
  ) 2>/dev/null)" || return 1
  # bytes: size(4) correlation(4) throttle(4) broker_count(4, big-endian)
  set -- $reply
  [ "$#" -eq 16 ] && [ "$8" -eq 1 ] && [ $(($13 + $14 + $15 + $16)) -gt 0 ]
}

# 0 once the broker answers; 1 when the process exited; dies when it takes too long.
wait_ready() {
  local deadline=$((SECONDS + KAFKA_START_SECONDS))
  until broker_ready; do
    pid_alive "$KAFKA_PIDFILE" || return 1
    [ "$SECONDS" -lt "$deadline" ] || die "Kafka did not answer on port $KAFKA_PORT within ${KAFKA_START_SECONDS}s"
    sleep 0.2
  done
}

start_broker() {
  java_cmd
  # Its own session, so a Ctrl-C meant for the caller does not reach the broker.
  nohup setsid "${JAVA_CMD[@]}" kafka.Kafka "$KAFKA_CONFIG" >>"$KAFKA_LOGS/kafka.out" 2>&1 </dev/null &
  echo "$!" >"$KAFKA_PIDFILE"
}

up() {
  if pid_alive "$KAFKA_PIDFILE"; then
    wait_ready || die "Kafka exited during start-up (logs in ${KAFKA_LOGS#"$ROOT/"})"
    log "running on 127.0.0.1:$KAFKA_PORT (pid $(cat "$KAFKA_PIDFILE"))"
    return 0
  fi
  local started=$SECONDS attempt seen
  install_kafka
  write_config
  format_storage
  for attempt in 1 2 3 4 5; do
    for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
      port_open "$port" && die "port $port is taken by another process"
    done
    seen="$( { wc -l <"$KAFKA_LOGS/server.log"; } 2>/dev/null || echo 0)"
    start_broker
    if wait_ready; then
      log "started on 127.0.0.1:$KAFKA_PORT in $((SECONDS - started))s (pid $(cat "$KAFKA_PIDFILE"))"
      return 0
    fi
    rm -f "$KAFKA_PIDFILE"
    # The ports lie in the kernel's ephemeral range: a client retrying 127.0.0.1:$KAFKA_PORT
    # while the broker is away can briefly be connected to itself on exactly that port.
    if tail -n +"$((seen + 1))" "$KAFKA_LOGS/server.log" 2>/dev/null | grep -q "Address already in use"; then
      log "a port was briefly in use (attempt $attempt); starting again"
      sleep 1
      continue
    fi
    break
  done
  tail -n 40 "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/kafka.out" >&2 2>/dev/null || true
  die "Kafka exited during start-up (logs in ${KAFKA_LOGS#"$ROOT/"})"
}

down() {
  if pid_alive "$KAFKA_PIDFILE"; then
    log "stopping (pid $(cat "$KAFKA_PIDFILE"))"
    stop_pidfile "$KAFKA_PIDFILE" 60
  fi
  log "stopped"
}

status() {
  if pid_alive "$KAFKA_PIDFILE" && { broker_ready || broker_ready; }; then
    log "running on 127.0.0.1:$KAFKA_PORT (pid $(cat "$KAFKA_PIDFILE"))"
  elif pid_alive "$KAFKA_PIDFILE"; then
    log "process $(cat "$KAFKA_PIDFILE") is up but the broker does not answer yet"
    return 1
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
