#!/usr/bin/env bash
# Proves the README's Quick start as a newcomer meets it: a fresh clone, a fresh HOME and a PATH
# with no pnpm on it (npm's download cache may be shared). Both commands run exactly as printed:
# the first must install, start the node on the embedded default with demo data, answer
# /readyz, /docs, /openapi.json and /info, let a demo person sign in, and stop cleanly on
# SIGTERM; the second must run the test suite and pass. It is CI's pass on the embedded
# database: with OKNO_TEST_REPORT set (vitest.config.ts) the suite also writes a JSON report.
#   scripts/ci/quickstart-smoke.sh [report.json]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
report=${1:-}

work=$(mktemp -d /tmp/okno-quickstart.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The Quick start's commands: the first line of each ```sh block in that section.
commands=$(awk '/^## /{q=/^## Quick start/} q && /^```sh/{getline; print}' "$repo/README.md")
start_command=$(sed -n 1p <<<"$commands")
test_command=$(sed -n 2p <<<"$commands")
[ -n "$start_command" ] && [ -n "$test_command" ] || fail "README.md's Quick start does not have two commands"
[ "$(wc -l <<<"$commands")" = 2 ] || fail "README.md's Quick start has more than two commands: $commands"
# pnpm switches to package.json's packageManager version, and that switch fails on machines
# that cannot verify the registry's signatures: the commands must name that exact version.
pinned=$(node -p 'require(process.argv[1]).packageManager' "$repo/package.json")
for command in "$start_command" "$test_command"; do
  grep -qF "npx --yes $pinned " <<<"$command" || fail "the Quick start command '$command' does not run $pinned (package.json's packageManager)"
done

# A PATH without pnpm: every directory holding a pnpm executable is left out.
path=""
IFS=: read -ra dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  [ -n "$dir" ] && [ ! -x "$dir/pnpm" ] && path="${path:+$path:}$dir"
done
for tool in node npm npx git; do
  PATH=$path command -v "$tool" >/dev/null || fail "$tool is not on PATH once pnpm's directories are left out ($path)"
done
if PATH=$path command -v pnpm >/dev/null; then fail "pnpm is still on PATH ($path)"; fi

git clone --quiet "$repo" "$work/okno"
mkdir -p "$work/home"
# A command prefix: the clone, as a newcomer runs it (a simple command, so that `$!` below is
# the process that becomes the session leader).
newcomer=(env -C "$work/okno" PATH="$path" HOME="$work/home"
  npm_config_cache="${npm_config_cache:-$HOME/.npm}" npm_config_update_notifier=false)

port=$(free_port)
echo "running: $start_command   (fresh clone, fresh HOME, no pnpm on PATH, PORT=$port)"
PORT=$port "${newcomer[@]}" setsid bash -c "$start_command" >"$work/node.log" 2>&1 &
pid=$!

url="http://127.0.0.1:$port"
ready=""
for _ in $(seq 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ]; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
[ -n "$ready" ] || { tail -n 40 "$work/node.log"; fail "/readyz did not answer 200 within 300 s"; }
echo "PASS /readyz answers 200"

check() { # path expected-text
  local body
  body=$(curl -sf "$url$1") || fail "$1 did not answer 200"
  grep -q -- "$2" <<<"$body" || fail "$1 does not contain $2"
  echo "PASS $1 answers 200 with $2"
}
check /docs 'swagger-ui'
check /openapi.json '"openapi":"3.1'
check /info '"services"'
check /api/catalogue/services/school-enrolment '"school-enrolment"'
check '/api/catalogue/services?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%D0%B0' 'internal-passport'
check /realms/ru-kem/.well-known/openid-configuration '"issuer"'

# A demo person signs in with the embedded provider, as docs/identity.md shows.
token=$(curl -sf "$url/realms/ru-kem/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=okno-dev -d username=officer1 -d password=officer1 \
  | node -p 'JSON.parse(require("fs").readFileSync(0)).access_token') \
  || fail "the demo person officer1 could not sign in"
me=$(curl -sf "$url/api/identity/me" -H "authorization: Bearer $token") \
  || fail "/api/identity/me refused officer1's token"
grep -q '"back-office-officer"' <<<"$me" || fail "/api/identity/me does not show officer1's role: $me"
echo "PASS officer1 signs in with the embedded provider and /api/identity/me knows them"

kill -TERM -- "-$pid"
for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then fail "the node did not stop within 30 s of SIGTERM"; fi
grep -q '"msg":"stopped"' "$work/node.log" || { tail -n 20 "$work/node.log"; fail "the node did not log a clean stop"; }
pid=""
echo "PASS SIGTERM stops the node cleanly"

echo "running: $test_command   (the same clone, HOME and PATH)"
OKNO_TEST_REPORT=$report "${newcomer[@]}" bash -c "$test_command" || fail "the Quick start's test command failed"
echo "PASS the Quick start's test command passes"
