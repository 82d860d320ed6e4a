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

# PostgreSQL refuses to run as root, so a cluster belongs to the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Creates a throw-away PostgreSQL cluster in <dir>/data, owned by the postgres user when root.
init_postgres() { # pg_bin dir
  local pg_bin=$1 dir=$2
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
}

# Starts a throw-away PostgreSQL cluster in <dir> on <port>; extra `-c name=value` settings
# follow. Stop it with `as_pg "$pg_bin/pg_ctl" -D <dir>/data stop`.
start_postgres() { # pg_bin dir port [setting...]
  local pg_bin=$1 dir=$2 port=$3; shift 3
  local settings="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  for setting in "$@"; do settings="$settings -c $setting"; done
  init_postgres "$pg_bin" "$dir"
  as_pg "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "$settings" \
    >/dev/null || { cat "$dir/server.log" >&2; fail "PostgreSQL did not start"; }
  wait_for_port "$port" PostgreSQL 30
}

# Starts a development node (demo data, demo plugins) from the repository at <url>'s port,
# in its own process group, logging to <log>; sets node_pid and waits until it is ready.
# Extra environment (DATABASE_URL, OKNO_DATA_DIR, ...) is passed as NAME=value arguments.
start_dev_node() { # repo url log [NAME=value...]
  local repo=$1 url=$2 log=$3; shift 3
  local port=${url##*:}
  env -C "$repo" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn OKNO_PUBLIC_URL="$url" "$@" \
    setsid pnpm start >"$log" 2>&1 &
  node_pid=$!
  for _ in $(seq 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ] && return 0
    kill -0 "$node_pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 40 "$log" >&2
  fail "the node at $url did not become ready"
}

# Stops what start_dev_node started (SIGTERM to its process group: a graceful shutdown).
stop_dev_node() {
  [ -n "${node_pid:-}" ] || return 0
  kill -TERM -- "-$node_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.2; done
  node_pid=""
}

# Builds a Go tool from the Go module proxy once, into ~/.cache/okno/<name>/<version>, and
# prints the binary's path (later runs reuse it).
go_tool() { # name module-path version
  local name=$1 module=$2 version=$3
  local dir=${OKNO_CACHE_DIR:-$HOME/.cache/okno}/$name/$version
  if [ ! -x "$dir/$name" ]; then
    command -v go >/dev/null 2>&1 || fail "Go is needed to build $name"
    echo "building $name $version (once; cached in $dir)" >&2
    mkdir -p "$dir"
    GOBIN="$dir" GOFLAGS=-mod=mod go install "$module@$version" >&2
  fi
  echo "$dir/$name"
}
