#!/usr/bin/env bash
# `make bench-web`: the review screens' latency at 10k and at 1M statements, served by gunicorn
# against PostgreSQL, in a dedicated database (factcheck_benchweb) that this script recreates.
#   seed 10k → measure → seed up to 1M → measure (+ EXPLAIN of the queue) → one comparison table.
# Arguments go to both `manage.py bench_web` runs, e.g. `make bench-web ARGS="--users 20 --duration 30"`.
# BENCH_SMALL / BENCH_LARGE change the two archive sizes. Prints figures; it is not a pass/fail test.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
ensure_debian_packages || exit 1
ensure_venv requirements/test.txt || exit 1
trap stop_services EXIT
start_postgres || exit 1

SMALL="${BENCH_SMALL:-10000}"
LARGE="${BENCH_LARGE:-1000000}"
OUT="$PWD/.ci/.state/bench_web"
mkdir -p "$OUT"
export FACTCHECK_BENCH=1  # installs the workshop app (factcheck/bench) for this run
export DATABASE_URL="${BENCH_WEB_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:$PG_PORT/factcheck_benchweb}"
unset CELERY_BROKER_URL  # web only: /healthz (the floor) then costs one SELECT 1 and no broker round trip
DB_NAME="${DATABASE_URL##*/}"

log "recreating the database $DB_NAME"
as_root runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS $DB_NAME" || exit 1
as_root runuser -u postgres -- psql -q -c "CREATE DATABASE $DB_NAME" || exit 1
.venv/bin/python manage.py migrate -v0 || exit 1

log "seeding $SMALL statements"
.venv/bin/python manage.py bench_seed --statements "$SMALL" || exit 1
log "measuring at $SMALL statements"
.venv/bin/python manage.py bench_web --label "$SMALL statements" --json "$OUT/small.json" "$@" || exit 1
log "seeding up to $LARGE statements"
.venv/bin/python manage.py bench_seed --statements "$LARGE" || exit 1
log "measuring at $LARGE statements"
.venv/bin/python manage.py bench_web --label "$LARGE statements" --json "$OUT/large.json" --explain "$@" || exit 1
.venv/bin/python manage.py bench_web --compare "$OUT/small.json" "$OUT/large.json"
