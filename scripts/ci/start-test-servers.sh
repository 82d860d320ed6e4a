#!/usr/bin/env bash
# Starts throw-away PostgreSQL, NATS JetStream, S3-compatible (versitygw) and ClamAV (clamd)
# servers on loopback for the test suite and
# prints the variables to export:   eval "$(scripts/ci/start-test-servers.sh)"
# Stop them with scripts/ci/stop-test-servers.sh. Everything lives in one temp folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

pg_bin=$("$here/ensure-postgres.sh")
nats=$("$here/ensure-nats.sh")
versitygw=$("$here/ensure-versitygw.sh")
clamd=$("$here/ensure-clamav.sh")

dir=$(mktemp -d /tmp/okno-test-servers.XXXXXX)
chmod 755 "$dir"
echo "$dir" > /tmp/okno-test-servers.current

pg_port=$(free_port)
# fsync and synchronous_commit are off only because this cluster is thrown away after the run.
start_postgres "$pg_bin" "$dir/pg" "$pg_port" fsync=off synchronous_commit=off full_page_writes=off

nats_port=$(free_port)
mkdir -p "$dir/nats"
"$nats" -js -a 127.0.0.1 -p "$nats_port" -sd "$dir/nats/jetstream" >"$dir/nats/server.log" 2>&1 &
echo $! > "$dir/nats/pid"
wait_for_port "$nats_port" nats-server 30

s3_port=$(free_port)
s3_access=okno$(node -p 'require("crypto").randomBytes(6).toString("hex")')
s3_secret=$(node -p 'require("crypto").randomBytes(24).toString("hex")')
mkdir -p "$dir/s3/data"
"$versitygw" --access "$s3_access" --secret "$s3_secret" --port "127.0.0.1:$s3_port" \
  posix "$dir/s3/data" >"$dir/s3/server.log" 2>&1 &
echo $! > "$dir/s3/pid"
wait_for_port "$s3_port" versitygw 30

# clamd with a signature database of its own: the EICAR test file's MD5 (ClamAV's hash
# signature format). The official databases come from freshclam's servers, which CI cannot
# reach; the INSTREAM protocol and the verdicts are the same with any database.
clamd_port=$(free_port)
mkdir -p "$dir/clamd/db"
echo "44d88612fea8a8f36de82e1278abb02f:68:Okno.Test.EICAR" > "$dir/clamd/db/okno-test.hdb"
# And the EICAR string anywhere in a file (a body signature), as a PDF carrying it would.
echo "Okno.Test.EICAR-Anywhere:0:*:58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a" > "$dir/clamd/db/okno-test.ndb"
cat > "$dir/clamd/clamd.conf" <<CONF
Foreground yes
DatabaseDirectory $dir/clamd/db
TCPSocket $clamd_port
TCPAddr 127.0.0.1
LogFile $dir/clamd/clamd.log
StreamMaxLength 200M
CONF
"$clamd" -c "$dir/clamd/clamd.conf" >"$dir/clamd/server.log" 2>&1 &
echo $! > "$dir/clamd/pid"
wait_for_port "$clamd_port" clamd 60

echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "export TEST_NATS_URL=nats://127.0.0.1:$nats_port"
echo "export TEST_S3_URL=http://$s3_access:$s3_secret@127.0.0.1:$s3_port"
echo "export TEST_CLAMD_ADDRESS=127.0.0.1:$clamd_port"
echo "export OKNO_TEST_SERVERS_DIR=$dir"
