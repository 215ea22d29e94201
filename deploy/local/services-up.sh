#!/usr/bin/env bash
# Install (when missing) and start PostgreSQL, Redis, FerretDB and Kafka on loopback,
# then write the ES_* settings that point the platform at them to .data/services/services.env.
# Idempotent: servers already running are left alone.
SCRIPT_NAME=services-up
source "$(dirname "$0")/lib.sh"

for server in postgres redis ferretdb kafka; do
  "$ROOT/deploy/local/$server.sh" up
done

cat >"$ENV_FILE.tmp" <<ENV
ES_DATABASE_URL=postgresql+asyncpg://emergisphere:emergisphere@127.0.0.1:$PG_PORT/emergisphere
ES_DOCUMENT_STORE_URL=mongodb://127.0.0.1:$FERRETDB_PORT/emergisphere
ES_CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
ES_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
ENV
mv "$ENV_FILE.tmp" "$ENV_FILE"
log "servers up; settings in ${ENV_FILE#"$ROOT/"}"
