#!/usr/bin/env bash
# Start a local PostgreSQL server on loopback for the test suite and print its URL.
# Installs the Debian server where it is missing. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    apt-get install -y -q postgresql >&2
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start >&2
fi
for _ in $(seq 1 30); do
    if su postgres -c "psql -p $port -Atqc 'select 1'" >/dev/null 2>&1; then break; fi
    sleep 1
done
su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -Atq" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'judging_test') THEN
    CREATE ROLE judging_test LOGIN CREATEDB PASSWORD 'judging_test';
  END IF;
END \$\$;
-- judging_test plays the server's administrator in the tests of 'judging-app server init'
-- (each test's roles carry its database's prefix and are dropped with it)
ALTER ROLE judging_test CREATEDB CREATEROLE;
-- the tests' databases are thrown away: their commits need not wait for the disk (about
-- half the PostgreSQL tests' time on a busy machine); this role's sessions only
ALTER ROLE judging_test SET synchronous_commit = off;
SQL
echo "postgresql+psycopg://judging_test:judging_test@127.0.0.1:${port}/postgres"
