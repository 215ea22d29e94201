#!/usr/bin/env bash
# Install (when missing) the command-line tools the test suite drives besides the servers:
# each line below is one idempotent installer, quick when the tool is already there.
SCRIPT_NAME=test-tools
source "$(dirname "$0")/lib.sh"

"$(dirname "$0")/helm.sh" install    # helm, for the chart's lint and render tests
apt_install docker-compose              # docker-compose 1.29, for `docker-compose config`
"$(dirname "$0")/prometheus.sh" install  # prometheus and promtool, for the dashboard and alert tests
log "test tools ready"
