#!/usr/bin/env bash
# Install (when missing) the command-line tools the test suite drives besides the servers:
# each line below is one idempotent installer, quick when the tool is already there.
SCRIPT_NAME=test-tools
source "$(dirname "$0")/lib.sh"

log "test tools ready"
