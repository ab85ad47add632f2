#!/usr/bin/env bash
# `make chaos`: fault scenarios against a throwaway PostgreSQL cluster (port 5433) and Redis (port 6390)
# that this script creates, breaks on purpose (through `manage.py chaos`) and removes at the end.
# The shared PostgreSQL on 5432 and Redis on 6379 are never touched. Exit code is the command's.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
STATE_DIR="$PWD/.ci/.state/chaos"
CHAOS_PG_PORT="${CHAOS_PG_PORT:-5433}"
CHAOS_REDIS_PORT="${CHAOS_REDIS_PORT:-6390}"
CLUSTER=chaos

ensure_debian_packages || exit 1
ensure_venv requirements/test.txt || exit 1
mkdir -p "$STATE_DIR"
PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

for port in "$CHAOS_PG_PORT" "$CHAOS_REDIS_PORT"; do
  if port_open "$port"; then log "port $port is already in use: not ours to break; set CHAOS_PG_PORT/CHAOS_REDIS_PORT"; exit 1; fi
done

cleanup() {
  log "removing the chaos Redis and PostgreSQL cluster"
  if [ -f "$STATE_DIR/redis.pid" ]; then
    kill "$(cat "$STATE_DIR/redis.pid")" 2>/dev/null || true
    rm -f "$STATE_DIR/redis.pid"
  fi
  if pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION $CLUSTER$"; then
    as_root pg_dropcluster --stop "$PG_VERSION" "$CLUSTER" || true
  fi
}

# A cluster left by an interrupted run (same name, our port) is dropped first.
if pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION $CLUSTER$"; then
  as_root pg_dropcluster --stop "$PG_VERSION" "$CLUSTER" || exit 1
fi
trap cleanup EXIT

log "creating PostgreSQL $PG_VERSION cluster '$CLUSTER' on 127.0.0.1:$CHAOS_PG_PORT"
as_root pg_createcluster "$PG_VERSION" "$CLUSTER" -p "$CHAOS_PG_PORT" --start-conf manual >/dev/null || exit 1
as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$CLUSTER" start || exit 1
wait_port "$CHAOS_PG_PORT" 30 || exit 1
as_root runuser -u postgres -- psql -p "$CHAOS_PG_PORT" -q -c "ALTER USER postgres PASSWORD 'postgres'" >/dev/null || exit 1
as_root runuser -u postgres -- psql -p "$CHAOS_PG_PORT" -q -c "CREATE DATABASE factcheck_chaos" >/dev/null || exit 1

REDIS_START="redis-server --daemonize yes --bind 127.0.0.1 --port $CHAOS_REDIS_PORT --save '' --appendonly no \
--pidfile $STATE_DIR/redis.pid --logfile $STATE_DIR/redis.log"
REDIS_UP="for i in \$(seq 100); do redis-cli -p $CHAOS_REDIS_PORT ping >/dev/null 2>&1 && exit 0; sleep 0.1; done; exit 1"
REDIS_DOWN="for i in \$(seq 100); do redis-cli -p $CHAOS_REDIS_PORT ping >/dev/null 2>&1 || exit 0; sleep 0.1; done; exit 1"
log "starting Redis on 127.0.0.1:$CHAOS_REDIS_PORT"
sh -c "$REDIS_START && $REDIS_UP" || exit 1

export FACTCHECK_BENCH=1  # installs the workshop app (factcheck/bench) for this run
export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:$CHAOS_PG_PORT/factcheck_chaos"
export CELERY_BROKER_URL="redis://127.0.0.1:$CHAOS_REDIS_PORT/0"
export CHAOS_REDIS_STOP="kill \$(cat $STATE_DIR/redis.pid); $REDIS_DOWN"
export CHAOS_REDIS_START="$REDIS_START && $REDIS_UP"
export CHAOS_PG_STOP="$SUDO pg_ctlcluster --skip-systemctl-redirect $PG_VERSION $CLUSTER stop -m fast"
export CHAOS_PG_START="$SUDO pg_ctlcluster --skip-systemctl-redirect $PG_VERSION $CLUSTER start"

.venv/bin/python manage.py migrate -v0 || exit 1
.venv/bin/python manage.py chaos "$@"
