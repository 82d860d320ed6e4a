#!/usr/bin/env bash
# Starts a throw-away Keycloak on loopback that imports the given realm files, and prints the
# variables to export:   eval "$(scripts/ci/start-keycloak.sh deploy/keycloak/dev/*.json)"
# Stop it with scripts/ci/stop-keycloak.sh. Its database and logs live in one temp folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -gt 0 ] || fail "usage: start-keycloak.sh <realm-file.json>..."

dist=$("$here/ensure-keycloak.sh")
dir=$(mktemp -d /tmp/okno-keycloak.XXXXXX)
echo "$dir" > /tmp/okno-keycloak.current
# A private copy of the built server (hard links: instant, no space), so each run gets its
# own data folder while the cached build is shared.
cp -al "$dist" "$dir/home"
rm -rf "$dir/home/data"
mkdir -p "$dir/home/data/import"
cp "$@" "$dir/home/data/import/"

port=$(free_port)
management_port=$(free_port)
admin_password=$(node -e 'console.log(require("crypto").randomBytes(18).toString("base64url"))')
url="http://127.0.0.1:$port"
KC_BOOTSTRAP_ADMIN_USERNAME=okno-ci-admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
JAVA_OPTS_KC_HEAP="-Xms128m -Xmx768m" \
  "$dir/home/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" --hostname-strict=false \
    --http-management-port="$management_port" --log-level=warn \
    >"$dir/server.log" 2>&1 &
echo $! > "$dir/pid"

for _ in $(seq 240); do
  if curl -fs "http://127.0.0.1:$management_port/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || { tail -n 40 "$dir/server.log" >&2; fail "Keycloak exited"; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$management_port/health/ready" >/dev/null \
  || { tail -n 40 "$dir/server.log" >&2; fail "Keycloak was not ready within 120 s"; }

echo "export TEST_KEYCLOAK_URL=$url"
echo "export TEST_KEYCLOAK_ADMIN=okno-ci-admin"
echo "export TEST_KEYCLOAK_ADMIN_PASSWORD=$admin_password"
echo "export OKNO_KEYCLOAK_DIR=$dir"
