#!/usr/bin/env bash
# Makes sure the PostgreSQL server the tests use answers on 127.0.0.1:5432.
# Exit 0: it answers. Exit 1: it does not (the caller decides whether that fails the run).
set -uo pipefail
host=127.0.0.1 port=5432

answers() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

answers && exit 0
if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]] && [[ $(id -u) -eq 0 ]]; then
  echo "PostgreSQL is down; starting it."
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 20); do answers && exit 0; sleep 1; done
fi
exit 1
