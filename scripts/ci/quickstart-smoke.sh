#!/usr/bin/env bash
# Proves the README's first Quick-start command on a fresh clone with a fresh HOME: it must
# install, start the node on the embedded default with demo data, and answer /readyz, /docs,
# /openapi.json and /info, and let a demo person sign in; then SIGTERM must stop it cleanly.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/lib.sh"

work=$(mktemp -d /tmp/okno-quickstart.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/okno"
mkdir -p "$work/home"
# The first command of the README's Quick start, exactly as a newcomer would paste it.
command=$(awk '/^## Quick start/{q=1} q && /^```sh/{getline; print; exit}' "$repo/README.md")
[ -n "$command" ] || fail "no command found in README.md's Quick start"
port=$(free_port)
echo "running: $command   (fresh clone, fresh HOME, PORT=$port)"

cd "$work/okno"
# A fresh HOME, but npm's download cache is reused so the run does not fetch everything again.
HOME="$work/home" npm_config_cache="${npm_config_cache:-$HOME/.npm}" PORT=$port \
  setsid bash -c "$command" >"$work/node.log" 2>&1 &
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
