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
# The Kubernetes version Helm assumes without --kube-version: its release build derives it
# from the client-go it links (v0.36 in Helm v3.21.4, so Kubernetes 1.36).
HELM_KUBE_MAJOR=1
HELM_KUBE_MINOR=36
BIN="$TOOLS_DIR/bin/helm"
STAMP="$TOOLS_DIR/bin/.helm-build"
BUILD_ID="$HELM_VERSION kubernetes-$HELM_KUBE_MAJOR.$HELM_KUBE_MINOR"

installed_version() {
  [ -x "$BIN" ] || return 0
  "$BIN" version --template '{{.Version}}' 2>/dev/null || true
}

install() {
  [ "$(installed_version)" = "$HELM_VERSION" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$BUILD_ID" ] &&
    return 0
  have go || die "Go is needed to build Helm: install Go 1.26 or newer"
  log "building Helm $HELM_VERSION (first time takes a few minutes)"
  local started=$SECONDS
  # GOBIN puts the binary straight into .tools/bin; -modcacherw lets `rm -rf .tools`
  # remove the module cache. Helm's version string is normally stamped by its release
  # build, so stamp it here too (the check above relies on it), with the default
  # Kubernetes version, or Helm would assume 1.20.
  env GOPATH="$TOOLS_DIR/go" GOCACHE="$TOOLS_DIR/go-cache" GOBIN="$TOOLS_DIR/bin" \
    GOFLAGS="-modcacherw -buildvcs=false" GOTOOLCHAIN=local CGO_ENABLED=0 \
    go install -trimpath \
    -ldflags "-s -w -X $HELM_MODULE/internal/version.version=$HELM_VERSION
      -X $HELM_MODULE/pkg/chartutil.k8sVersionMajor=$HELM_KUBE_MAJOR
      -X $HELM_MODULE/pkg/chartutil.k8sVersionMinor=$HELM_KUBE_MINOR
      -X $HELM_MODULE/pkg/lint/rules.k8sVersionMajor=$HELM_KUBE_MAJOR
      -X $HELM_MODULE/pkg/lint/rules.k8sVersionMinor=$HELM_KUBE_MINOR" \
    "$HELM_MODULE/cmd/helm@$HELM_VERSION"
  [ "$(installed_version)" = "$HELM_VERSION" ] || die "the Helm build reports another version"
  echo "$BUILD_ID" >"$STAMP"
  log "built Helm $HELM_VERSION in $((SECONDS - started))s"
}

case "${1:-install}" in
  install) install ;;
  version) installed_version ;;
  *) die "usage: $0 [install|version]" ;;
esac
