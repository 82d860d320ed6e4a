#!/usr/bin/env bash
# Makes sure ClamAV's daemon (Debian's clamav-daemon) is installed; prints clamd's path.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ] || install_debian_packages clamav-daemon
command -v clamd 2>/dev/null || echo /usr/sbin/clamd
