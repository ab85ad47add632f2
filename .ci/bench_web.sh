#!/usr/bin/env bash
# `make bench-web`: the review screens' latency at 10k and at 1M statements side by side, served by
# gunicorn against PostgreSQL, in two dedicated databases (factcheck_benchweb_small, factcheck_benchweb):
#   seed both (bench_seed tops up; BENCH_FRESH=1 recreates them) → bench_web on the small one --against
#   the large one: an isolated pass alternating the two request by request, EXPLAIN of the queue on
#   both, a Locust load pass on each, one comparison table.
# `make bench-load` (BENCH_WEB_MODE=load): the Locust load pass alone, on the large database.
# Arguments go to `manage.py bench_web`, e.g. `make bench-web ARGS="--users 20 --duration 30"`.
# BENCH_SMALL / BENCH_LARGE change the two archive sizes. Prints figures; it is not a pass/fail test.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
ensure_debian_packages || exit 1
ensure_venv requirements/bench.txt || exit 1  # test.txt + Locust
trap stop_services EXIT
start_postgres || exit 1

SMALL="${BENCH_SMALL:-10000}"
LARGE="${BENCH_LARGE:-1000000}"
MODE="${BENCH_WEB_MODE:-web}"
OUT="$PWD/.ci/.state/bench_web"
mkdir -p "$OUT"
export FACTCHECK_BENCH=1  # installs the workshop app (factcheck/bench, its floor page) for this run
unset CELERY_BROKER_URL  # web only: /healthz then costs one SELECT 1 and no broker round trip
SMALL_URL="${BENCH_WEB_SMALL_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:$PG_PORT/factcheck_benchweb_small}"
LARGE_URL="${BENCH_WEB_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:$PG_PORT/factcheck_benchweb}"

prepare() {  # prepare DATABASE_URL STATEMENTS: create (or recreate) the database, migrate, seed
  local url="$1" name="${1##*/}" exists
  exists=$(as_root runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")
  if [ "${BENCH_FRESH:-0}" = 1 ] && [ -n "$exists" ]; then
    log "dropping the database $name"
    as_root runuser -u postgres -- psql -q -c "DROP DATABASE $name" || return 1
    exists=""
  fi
  if [ -z "$exists" ]; then
    log "creating the database $name"
    as_root runuser -u postgres -- psql -q -c "CREATE DATABASE $name" || return 1
  fi
  DATABASE_URL="$url" .venv/bin/python manage.py migrate -v0 || return 1
  log "seeding $name up to $2 statements"
  DATABASE_URL="$url" .venv/bin/python manage.py bench_seed --statements "$2" || return 1
}

log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$MODE" = load ]; then
  prepare "$LARGE_URL" "$LARGE" || exit 1
  DATABASE_URL="$LARGE_URL" .venv/bin/python manage.py bench_web --no-isolated --json "$OUT/load.json" "$@"
  exit $?
fi
prepare "$SMALL_URL" "$SMALL" || exit 1
prepare "$LARGE_URL" "$LARGE" || exit 1
DATABASE_URL="$SMALL_URL" .venv/bin/python manage.py bench_web --against "$LARGE_URL" --explain \
  --json "$OUT/small.json" --json-against "$OUT/large.json" "$@"
