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
pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM -- "-$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=$(free_port)
url="http://127.0.0.1:$port"
cd "$repo"
PORT=$port HOST=127.0.0.1 OKNO_DATA_DIR="$work/data" LOG_LEVEL=warn \
  DATABASE_URL="${TEST_DATABASE_URL%/*}/$database" OKNO_PUBLIC_URL="$url" \
  setsid pnpm start >"$work/node.log" 2>&1 &
pid=$!
for _ in $(seq 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ] ||
  { tail -n 40 "$work/node.log"; fail "the node did not become ready"; }
K6="$k6" OKNO_URL="$url" "$repo/load-tests/run-smoke.sh"
