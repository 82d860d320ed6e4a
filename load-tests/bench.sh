#!/usr/bin/env bash
# `pnpm bench`: starts a PostgreSQL cluster with production's durability (fsync and
# synchronous commit on) on loopback, then tools/bench.ts measures this machine's limits and
# the node against them and writes docs/performance.md; then tools/import-bench.ts imports a
# region pack of 17,000 services. Everything is removed afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$repo/scripts/ci/lib.sh"

pg_bin=$("$repo/scripts/ci/ensure-postgres.sh")
work=$(mktemp -d /tmp/okno-bench.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
pg_port=$(free_port)
start_postgres "$pg_bin" "$work/pg" "$pg_port" shared_buffers=256MB
cd "$here"
BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres" PG_BIN="$pg_bin" \
  node --import tsx tools/bench.ts
# A region pack of 17,000 services imported into a node on the embedded default.
node --import tsx tools/import-bench.ts
