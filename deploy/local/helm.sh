#!/usr/bin/env bash
# Helm, built from its Go module into .tools/bin/helm (module and build caches under .tools),
# for the chart tests: `helm lint --strict` and `helm template`. Quick when the pinned
# version is already there.
#
#   deploy/local/helm.sh [install|version]
SCRIPT_NAME=helm
source "$(dirname "$0")/lib.sh"

HELM_VERSION="v3.21.4"
HELM_MODULE="helm.sh/helm/v3"
BIN="$TOOLS_DIR/bin/helm"

installed_version() {
  [ -x "$BIN" ] || return 0
  "$BIN" version --template '{{.Version}}' 2>/dev/null || true
}

install() {
  [ "$(installed_version)" = "$HELM_VERSION" ] && return 0
  have go || die "Go is needed to build Helm: install Go 1.26 or newer"
  log "building Helm $HELM_VERSION (first time takes a few minutes)"
  local started=$SECONDS
  # GOBIN puts the binary straight into .tools/bin; -modcacherw lets `rm -rf .tools`
  # remove the module cache. Helm's version string is normally stamped by its release
  # build, so stamp it here too: the check above relies on it.
  env GOPATH="$TOOLS_DIR/go" GOCACHE="$TOOLS_DIR/go-cache" GOBIN="$TOOLS_DIR/bin" \
    GOFLAGS="-modcacherw -buildvcs=false" GOTOOLCHAIN=local CGO_ENABLED=0 \
    go install -trimpath \
    -ldflags "-s -w -X $HELM_MODULE/internal/version.version=$HELM_VERSION" \
    "$HELM_MODULE/cmd/helm@$HELM_VERSION"
  [ "$(installed_version)" = "$HELM_VERSION" ] || die "the Helm build reports another version"
  log "built Helm $HELM_VERSION in $((SECONDS - started))s"
}

case "${1:-install}" in
  install) install ;;
  version) installed_version ;;
  *) die "usage: $0 [install|version]" ;;
esac
