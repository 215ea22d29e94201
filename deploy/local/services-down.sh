#!/usr/bin/env bash
# Stop the local servers started by services-up.sh. Data stays under .data/services.
SCRIPT_NAME=services-down
source "$(dirname "$0")/lib.sh"

for server in kafka ferretdb redis postgres; do
  "$ROOT/deploy/local/$server.sh" down
done
rm -f "$ENV_FILE"
log "servers stopped"
