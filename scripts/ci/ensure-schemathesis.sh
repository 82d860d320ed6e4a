#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI fuzzer, MIT) from PyPI into a virtualenv, once, in
# ~/.cache/okno/schemathesis/<version>; prints the path of its `st` command.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
version=4.32.5
dir=${OKNO_CACHE_DIR:-$HOME/.cache/okno}/schemathesis/$version
if [ ! -x "$dir/bin/st" ]; then
  command -v python3 >/dev/null 2>&1 || fail "Python 3 is needed for schemathesis"
  echo "installing schemathesis $version (once; cached in $dir)" >&2
  rm -rf "$dir"
  python3 -m venv "$dir" >&2
  "$dir/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version" >&2
fi
echo "$dir/bin/st"
