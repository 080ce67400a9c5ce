#!/usr/bin/env bash
# Installs, from Debian, the services the tests need, and starts PostgreSQL on 127.0.0.1 only (the tests
# start their own Redis servers and TLS proxies, on free loopback ports). Idempotent. The tests read
# TEST_DATABASE_URL, or use the URL printed here.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
# The scale-out tests start their own redis-server processes on free loopback ports.
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# The reverse-proxy tests run the README's Caddy and nginx examples in front of Polyphony, with TLS;
# certutil (libnss3-tools) makes a Chromium profile of their own trust the test CA, and openssl makes
# nginx's certificate. Debian's packages do not start the daemons where services may not start (a
# container's policy-rc.d); where they do, the tests do not need them and use ports of their own.
command -v caddy >/dev/null 2>&1 || missing+=(caddy)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "services: installing ${missing[*]} from Debian" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! as_root pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  # Debian's cluster listens on localhost by default; say so explicitly, and never on other addresses.
  as_root sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "/etc/postgresql/$version/main/postgresql.conf"
  as_root pg_ctlcluster "$version" main start
fi

# A login role and a database for the tests (trust nothing: a password over TCP on loopback).
as_root su postgres -c "psql -q -v ON_ERROR_STOP=1" >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'polyphony') THEN
    CREATE ROLE polyphony LOGIN PASSWORD 'polyphony' CREATEDB;
  END IF;
END $$;
SELECT 'CREATE DATABASE polyphony_test OWNER polyphony'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'polyphony_test')\gexec
SQL
echo "postgres://polyphony:polyphony@127.0.0.1:5432/polyphony_test"
