# Shared helpers for the CI scripts. Source it; it defines functions only.

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# Installs Debian packages only when a command is missing (a clean machine has neither
# PostgreSQL nor nats-server; a developer's machine usually has both already).
ensure_debian_package() { # command package...
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 || install_debian_packages "$@"
}

install_debian_packages() { # package...
  echo "installing Debian packages: $*" >&2
  if [ -z "${OKNO_APT_UPDATED:-}" ]; then
    apt-get update -qq >&2
    export OKNO_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# A TCP port nobody listens on, picked by the kernel.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Waits until a TCP port accepts connections.
wait_for_port() { # port name seconds
  local port=$1 name=$2 seconds=${3:-30}
  for _ in $(seq $((seconds * 10))); do
    if node -e 'const c=require("net").connect(+process.argv[1],"127.0.0.1");c.on("connect",()=>process.exit(0));c.on("error",()=>process.exit(1))' "$port"; then
      return 0
    fi
    sleep 0.1
  done
  fail "$name did not accept connections on 127.0.0.1:$port within ${seconds}s"
}
