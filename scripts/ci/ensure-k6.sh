#!/usr/bin/env bash
# Builds k6 (Grafana's load-testing tool, AGPL-3.0) from the Go module proxy, once, into
# ~/.cache/okno/k6/<version>; prints the binary's path. The load tests run on real k6.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
go_tool k6 go.k6.io/k6 v1.8.1
