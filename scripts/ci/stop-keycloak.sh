#!/usr/bin/env bash
# Stops the Keycloak started by start-keycloak.sh and removes its folder.
set -uo pipefail
dir=${OKNO_KEYCLOAK_DIR:-$(cat /tmp/okno-keycloak.current 2>/dev/null || true)}
[ -n "$dir" ] && [ -d "$dir" ] || exit 0
if [ -f "$dir/pid" ]; then
  pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
fi
rm -rf "$dir" /tmp/okno-keycloak.current
exit 0
