#!/usr/bin/env bash
# Makes sure a PostgreSQL server is installed (Debian's, version 15) and prints its bin dir.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(find_bin)" ] || [ ! -x "$(find_bin)/postgres" ]; then
  install_debian_packages postgresql
fi
bin=$(find_bin)
[ -x "$bin/postgres" ] || fail "PostgreSQL server binaries not found after install"
echo "$bin"
