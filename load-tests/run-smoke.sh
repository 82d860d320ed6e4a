#!/usr/bin/env bash
# Runs every scenario briefly (PROFILE=smoke) against the node at OKNO_URL with real k6;
# fails if any scenario misses a threshold. `scripts/ci/load-smoke.sh` starts a node for it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
k6=${K6:-$("$here/../scripts/ci/ensure-k6.sh")}
: "${OKNO_URL:?set OKNO_URL to the node under test, e.g. http://127.0.0.1:3000}"
status=0
for scenario in "$here"/scenarios/*.ts; do
  echo "== k6 smoke: $(basename "$scenario" .ts) against $OKNO_URL"
  PROFILE=smoke "$k6" run --quiet --no-color --console-output /dev/null "$scenario" || status=1
done
exit $status
