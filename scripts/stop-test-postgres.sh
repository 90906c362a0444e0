#!/usr/bin/env bash
# Stops and deletes a cluster started by start-test-postgres.sh.
set -u
dir="$1"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "'$bindir/pg_ctl' -D '$dir/data' stop -m fast" >/dev/null 2>&1
else "$bindir/pg_ctl" -D "$dir/data" stop -m fast >/dev/null 2>&1; fi
rm -rf "$dir"
