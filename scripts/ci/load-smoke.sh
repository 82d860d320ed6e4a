#!/usr/bin/env bash
# Starts a development node (demo data, the bank simulator) on the PostgreSQL server CI
# started (TEST_DATABASE_URL), in a database of its own, and runs every k6 scenario's smoke
# against it over loopback; then stops the node.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
: "${TEST_DATABASE_URL:?the PostgreSQL test server must be running}"

k6=$("$here/ensure-k6.sh")
pgbin=$("$here/ensure-postgres.sh")
database="okno_load_$$"
"$pgbin/psql" -q "$TEST_DATABASE_URL" -c "create database $database" >/dev/null
work=$(mktemp -d /tmp/okno-load.XXXXXX)
trap 'stop_dev_node; rm -rf "$work"' EXIT

url="http://127.0.0.1:$(free_port)"
# Two demo accounts stand for thousands of people in the scenarios: no per-person write limit.
start_dev_node "$repo" "$url" "$work/node.log" \
  OKNO_DATA_DIR="$work/data" DATABASE_URL="${TEST_DATABASE_URL%/*}/$database" \
  OKNO_WRITES_PER_PERSON=1000000000
K6="$k6" OKNO_URL="$url" "$repo/load-tests/run-smoke.sh"
