#!/usr/bin/env bash
# The crash runs, from one command: `pnpm crash` (or `load-tests/crash.sh`).
#
# For each of the node, PostgreSQL and nats-server in turn: a fresh durable PostgreSQL
# cluster, nats-server with JetStream on files and a development node on both (and, last, the
# all-in-one node on its embedded database, which is then the one killed); applicants
# submit applications and pay their fees while that one server is killed with SIGKILL at
# random moments and started again (tools/crash-run.ts), then the database is held against
# what was acknowledged. Exits non-zero if anything acknowledged is missing or doubled.
# Everything runs on loopback and is removed afterwards (results stay in CRASH_OUT).
#
#   CRASH_TARGETS="node postgres nats embedded"   which servers to kill, one run each
#   CRASH_KILLS=20                        kills per run
#   CRASH_OUT=dir                         where each run's figures and logs go
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$repo/scripts/ci/lib.sh"

pg_bin=$("$repo/scripts/ci/ensure-postgres.sh")
nats=$("$repo/scripts/ci/ensure-nats.sh")
out=${CRASH_OUT:-/tmp/okno-crash-$(date +%s)}
mkdir -p "$out"
work=$(mktemp -d /tmp/okno-crash.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

status=0
for target in ${CRASH_TARGETS:-node postgres nats embedded}; do
  step "crash run: SIGKILL to $target, ${CRASH_KILLS:-20} times, under submissions and payments"
  [ "$target" = embedded ] || init_postgres "$pg_bin" "$work/pg-$target"
  CRASH_PG_BIN="$pg_bin" CRASH_PG_DIR="$work/pg-$target" CRASH_NATS_BIN="$nats" CRASH_OUT="$out" \
    pnpm --dir "$here" exec tsx tools/crash-run.ts "$target" || status=1
done
echo "results in $out"
exit $status
