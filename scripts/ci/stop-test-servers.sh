#!/usr/bin/env bash
# Stops the servers started by start-test-servers.sh and removes their folder.
set -uo pipefail
dir=${OKNO_TEST_SERVERS_DIR:-$(cat /tmp/okno-test-servers.current 2>/dev/null || true)}
[ -n "$dir" ] && [ -d "$dir" ] || exit 0
pg_ctl=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/pg_ctl
if [ -f "$dir/pg/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null
  else "$pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null; fi
fi
[ -f "$dir/nats/pid" ] && kill "$(cat "$dir/nats/pid")" 2>/dev/null
[ -f "$dir/s3/pid" ] && kill "$(cat "$dir/s3/pid")" 2>/dev/null
[ -f "$dir/clamd/pid" ] && kill "$(cat "$dir/clamd/pid")" 2>/dev/null
rm -rf "$dir" /tmp/okno-test-servers.current
exit 0
