#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suites: listens on 127.0.0.1 only, trust auth for a
# loopback test role, data in a temp directory that `stop` deletes. Needs Debian's `postgresql`.
#   eval "$(scripts/test-postgres.sh start)"   # exports TEST_DATABASE_URL
#   scripts/test-postgres.sh stop
set -euo pipefail

dir=${SADAKAT_PG_DIR:-/tmp/sadakat-test-pg}
port=${SADAKAT_PG_PORT:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_postgres "'$bin/initdb' -D '$dir' -U sadakat -A trust --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    as_postgres "'$bin/pg_ctl' -D '$dir' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200\" start" >/dev/null
    echo "export TEST_DATABASE_URL=postgres://sadakat@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/PG_VERSION" ]; then
      as_postgres "'$bin/pg_ctl' -D '$dir' -m fast -w stop" >/dev/null || true
      rm -rf "$dir"
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
