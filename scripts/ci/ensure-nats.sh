#!/usr/bin/env bash
# Makes sure nats-server (Debian's) is installed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_debian_package nats-server nats-server
command -v nats-server
