#!/usr/bin/env bash
# Builds k6 (Grafana's load-testing tool, AGPL-3.0) from the Go module proxy, once, into
# ~/.cache/okno/k6/<version>; prints the binary's path. The load tests run on real k6.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
version=v1.8.1
dir=${OKNO_CACHE_DIR:-$HOME/.cache/okno}/k6/$version
if [ ! -x "$dir/k6" ]; then
  command -v go >/dev/null 2>&1 || fail "Go is needed to build k6"
  echo "building k6 $version (once; cached in $dir)" >&2
  mkdir -p "$dir"
  GOBIN="$dir" GOFLAGS=-mod=mod go install "go.k6.io/k6@$version" >&2
fi
echo "$dir/k6"
