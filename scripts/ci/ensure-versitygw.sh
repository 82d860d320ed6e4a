#!/usr/bin/env bash
# Builds versitygw, an S3-compatible object storage gateway (Apache-2.0), from the Go module
# proxy, once, into ~/.cache/okno/versitygw/<version>; prints the binary's path. The S3
# adapter's tests run against it: real S3 protocol, multipart uploads and all, on loopback.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
version=v1.8.0
dir=${OKNO_CACHE_DIR:-$HOME/.cache/okno}/versitygw/$version
if [ ! -x "$dir/versitygw" ]; then
  command -v go >/dev/null 2>&1 || fail "Go is needed to build versitygw"
  echo "building versitygw $version (once; cached in $dir)" >&2
  mkdir -p "$dir"
  GOBIN="$dir" GOFLAGS=-mod=mod go install "github.com/versity/versitygw/cmd/versitygw@$version" >&2
fi
echo "$dir/versitygw"
