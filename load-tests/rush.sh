#!/usr/bin/env bash
# The enrolment rush, from one command: `pnpm rush` (or `load-tests/rush.sh`).
#
# Starts a PostgreSQL cluster with production's durability (fsync and synchronous commit on)
# and a development node on it, runs scenarios/enrolment-rush.ts with real k6 (the peak, three
# times the peak, recovery), stops the node, and proves against the database that every
# acknowledged submission is there exactly once (tools/rush-check.ts). Exits non-zero if a
# threshold or the check fails. Everything runs on loopback and is removed afterwards.
#
#   RUSH_PEAK=100      applications per second at the peak (the overload is three times it)
#   PROFILE=load       `smoke` runs each phase for a few seconds
#   RUSH_OUT=dir       where the k6 summary, the log of acknowledgements and the node's log go
#   OKNO_NODE_ENV=...  extra node settings, e.g. "OKNO_MAX_IN_FLIGHT=32 OKNO_WORKERS=2"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$repo/scripts/ci/lib.sh"

k6=$("$repo/scripts/ci/ensure-k6.sh")
pg_bin=$("$repo/scripts/ci/ensure-postgres.sh")
run=$(date +%s)
out=${RUSH_OUT:-/tmp/okno-rush-$run}
mkdir -p "$out"
work=$(mktemp -d /tmp/okno-rush.XXXXXX)
chmod 755 "$work"
cleanup() {
  stop_dev_node
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

step "PostgreSQL (durable: fsync and synchronous_commit on)"
pg_port=$(free_port)
start_postgres "$pg_bin" "$work/pg" "$pg_port" shared_buffers=256MB
database_url="postgres://postgres@127.0.0.1:$pg_port/postgres"

step "a development node on it"
url="http://127.0.0.1:$(free_port)"
# Two demo accounts stand for every parent in the rush: no per-person write limit.
# shellcheck disable=SC2086 # OKNO_NODE_ENV is a list of NAME=value words
start_dev_node "$repo" "$url" "$out/node.log" \
  DATABASE_URL="$database_url" OKNO_DATA_DIR="$work/data" OKNO_WRITES_PER_PERSON=1000000000 \
  ${OKNO_NODE_ENV:-}

step "k6: the enrolment rush (PROFILE=${PROFILE:-load}, peak ${RUSH_PEAK:-100}/s)"
status=0
PROFILE=${PROFILE:-load} OKNO_URL="$url" RUN_ID="$run" "$k6" run --quiet --no-color \
  --log-format raw --console-output "$out/acknowledged.log" \
  --summary-export "$out/summary.json" "$here/scenarios/enrolment-rush.ts" || status=1
stop_dev_node

step "every acknowledged write in the database, once"
DATABASE_URL="$database_url" pnpm --dir "$here" exec tsx tools/rush-check.ts \
  "$out/acknowledged.log" "$run" | tee "$out/check.json" || status=1
echo "results in $out"
exit $status
