#!/usr/bin/env bash
# A private PostgreSQL cluster for this checkout: start | stop | restart | status | reset | psql | url
# Data lives in .data/pg (or /tmp/pgdev-<hash> when the checkout is under a folder the postgres
# user cannot enter). PostgreSQL refuses to run as root, so as root it runs as the OS user postgres.
#   PGDEV_NAME   cluster name under .data (default pg; the test suites use pg-test)
#   PGDEV_PORT   port (default 55432)
#   PGDEV_FAST=1 test cluster: no fsync (never for a cluster that keeps real data)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PGDEV_PORT:-55432}
PASS=${PGDEV_PASSWORD:-postgres}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$BIN" ]; then
  echo "PostgreSQL is not installed: run 'make setup' (apt-get install postgresql)." >&2
  exit 1
fi

NAME=${PGDEV_NAME:-pg}
BASE=${PGDEV_DIR:-$ROOT/.data/$NAME}
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_pg() { runuser -u postgres -- "$@"; }
  if [ -z "${PGDEV_DIR:-}" ] && ! as_pg test -x "$ROOT"; then
    BASE=/tmp/pgdev-$(printf %s "$ROOT" | md5sum | cut -c1-8)-$NAME
  fi
else
  as_pg() { "$@"; }
fi
DATA=$BASE/data
RUN=$BASE/run
# Unix socket paths are limited to 107 bytes.
if [ ${#RUN} -gt 90 ]; then RUN=/tmp/pgdev-run-$(printf %s "$BASE" | md5sum | cut -c1-8); fi

init() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  mkdir -p "$BASE" "$RUN"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$BASE" "$RUN"
  local pwfile; pwfile=$(mktemp); echo "$PASS" > "$pwfile"; chmod 644 "$pwfile"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >/dev/null
  rm -f "$pwfile"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PORT"
    echo "unix_socket_directories = '$RUN'"
    echo "max_connections = 300"
    echo "shared_buffers = 128MB"
    if [ "${PGDEV_FAST:-0}" = 1 ]; then
      echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
    fi
  } | as_pg tee -a "$DATA/postgresql.conf" >/dev/null
}

running() { as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  init
  mkdir -p "$RUN"; [ "$(id -u)" = 0 ] && chown postgres: "$RUN"
  running || as_pg "$BIN/pg_ctl" -D "$DATA" -l "$BASE/postgres.log" -w -t 60 -o "-p $PORT -k $RUN" start >/dev/null
}

case "${1:-status}" in
  start) start; echo "PostgreSQL running on 127.0.0.1:$PORT (data: $DATA)" ;;
  stop) running && as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; echo "PostgreSQL stopped" ;;
  restart) "$0" stop; "$0" start ;;
  status) if running; then echo "running on 127.0.0.1:$PORT"; else echo "stopped"; exit 3; fi ;;
  reset) "$0" stop || true; rm -rf "$BASE"; echo "cluster removed" ;;
  psql) shift; start; exec psql -h "$RUN" -p "$PORT" -U postgres "$@" ;;
  url) echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Password=$PASS" ;;
  *) echo "usage: $0 start|stop|restart|status|reset|psql|url" >&2; exit 2 ;;
esac
