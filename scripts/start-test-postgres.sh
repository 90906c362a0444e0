#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the real-PostgreSQL test pass, installing
# Debian's server first if needed. Prints the connection URL on stdout.
#   PG_TEST_DIR=/tmp/x bash scripts/start-test-postgres.sh   (default: a new temp dir)
#   bash scripts/stop-test-postgres.sh /tmp/x
set -euo pipefail
port="${PGPORT_TEST:-55432}"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "Installing PostgreSQL from Debian (apt-get install -y postgresql)..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
dir=${PG_TEST_DIR:-$(mktemp -d /tmp/atelier-pg.XXXXXX)}
mkdir -p "$dir"
chown postgres:postgres "$dir" 2>/dev/null || true
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "'$bindir/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >/dev/null"
run "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/log' -o \"-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off\" -w start >/dev/null"
echo "PostgreSQL test cluster in $dir/data (port $port)" >&2
echo "postgres://postgres@127.0.0.1:$port/postgres"
