# Shared helpers for the local-server scripts. Source it; do not run it.
# Every server listens on loopback on a non-default port below the kernel's ephemeral
# range (32768-60999), so no client connection can take the port first; keeps its data under
# .data/services/<server> and its installed tools under .tools/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES_DIR="${ES_SERVICES_DIR:-$ROOT/.data/services}"
TOOLS_DIR="$ROOT/.tools"
ENV_FILE="$SERVICES_DIR/services.env"

PG_PORT="${ES_LOCAL_PG_PORT:-25432}"
REDIS_PORT="${ES_LOCAL_REDIS_PORT:-26379}"
FERRETDB_PORT="${ES_LOCAL_FERRETDB_PORT:-27117}"
KAFKA_PORT="${ES_LOCAL_KAFKA_PORT:-29092}"
KAFKA_CONTROLLER_PORT="${ES_LOCAL_KAFKA_CONTROLLER_PORT:-29093}"

mkdir -p "$SERVICES_DIR" "$TOOLS_DIR/bin"

log() { printf '[%s] %s\n' "${SCRIPT_NAME:-local}" "$*" >&2; }
die() { log "error: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Install Debian packages that are not installed yet (one apt-get update per run).
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ -z "${_ES_APT_UPDATED:-}" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    _ES_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Wait until something accepts connections on the loopback port.
wait_port() {
  local port="$1" seconds="${2:-60}" what="${3:-port $1}"
  local deadline=$((SECONDS + seconds))
  until port_open "$port"; do
    [ "$SECONDS" -lt "$deadline" ] || die "$what did not open port $port within ${seconds}s"
    sleep 0.2
  done
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stop the process in a pid file: TERM, then KILL after a grace period.
stop_pidfile() {
  local pidfile="$1" grace="${2:-20}"
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  local pid; pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then kill -9 "$pid" 2>/dev/null || true; break; fi
    sleep 0.2
  done
  rm -f "$pidfile"
}
