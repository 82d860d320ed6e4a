#!/usr/bin/env bash
# Builds versitygw, an S3-compatible object storage gateway (Apache-2.0), from the Go module
# proxy, once, into ~/.cache/okno/versitygw/<version>; prints the binary's path. The S3
# adapter's tests run against it: real S3 protocol, multipart uploads and all, on loopback.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
go_tool versitygw github.com/versity/versitygw/cmd/versitygw v1.8.0
