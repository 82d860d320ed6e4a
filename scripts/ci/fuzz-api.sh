#!/usr/bin/env bash
# Fuzzes the node's API with schemathesis: a development node on the embedded database, the
# published /openapi.json, every phase (examples, coverage, fuzzing, stateful) for a bounded
# time as each of a few people in turn. Fails on any 5xx, any status or content type the
# schema does not declare, and any response body that violates its declared schema.
#   scripts/ci/fuzz-api.sh            FUZZ_SECONDS (per person, default 45), FUZZ_AS
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/lib.sh"

st=$("$here/ensure-schemathesis.sh")
work=$(mktemp -d /tmp/okno-fuzz.XXXXXX)
trap 'stop_dev_node; rm -rf "$work"' EXIT

url="http://127.0.0.1:$(free_port)"
# The fuzzer is one caller sending thousands of writes a minute: no per-caller write limit.
start_dev_node "$repo" "$url" "$work/node.log" OKNO_DATA_DIR="$work/data" \
  OKNO_WRITES_PER_PERSON=1000000000 OKNO_WRITES_PER_ADDRESS=1000000000 \
  OKNO_SIGN_INS_PER_ADDRESS=1000000000

token() {
  curl -sf -X POST "$url/realms/ru-kem/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=okno-dev -d "username=$1" -d "password=$1" |
    node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).access_token)'
}

status=0
total=0
for person in ${FUZZ_AS:-citizen1 officer2 editor1 admin1}; do
  # Its full report goes to a file: its closing banner has the shape of a pytest summary,
  # which log readers would take for a test run of its own. One line a person instead.
  log="$work/st-$person.log"
  (cd "$work" && "$st" run "$url/openapi.json" \
    --header "Authorization: Bearer $(token "$person")" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-time "${FUZZ_SECONDS:-45}" --workers 1 --request-timeout 10 \
    --suppress-health-check all --no-color --report ndjson \
    --report-dir "$work/report-$person") > "$log" 2>&1 && ok=1 || ok=0
  cases=$(grep -o '[0-9]* generated' "$log" | tail -n 1 | cut -d' ' -f1)
  seed=$(grep -o 'Seed: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  total=$((total + ${cases:-0}))
  if [ "$ok" = 1 ]; then
    echo "schemathesis as $person, ${FUZZ_SECONDS:-45} s: ${cases:-0} cases, no failure (seed ${seed:-?})"
  else
    status=1
    echo "schemathesis as $person FAILED (seed ${seed:-?}); its report:"
    cat "$log"
  fi
done
echo "schemathesis: $total test cases generated and checked"
if [ "$status" != 0 ]; then
  echo "--- the node's log (last 40 lines)" >&2
  tail -n 40 "$work/node.log" >&2
fi
exit "$status"
