#!/usr/bin/env bash
# `make bench-pipeline ARGS="--articles 1000"`: the pipeline benchmark against real PostgreSQL and Redis.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
ensure_debian_packages || exit 1
ensure_venv requirements/test.txt || exit 1
trap stop_services EXIT
start_postgres || exit 1
start_redis || exit 1
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:$PG_PORT/factcheck_bench}"
export CELERY_BROKER_URL="${BENCH_BROKER_URL:-redis://127.0.0.1:$REDIS_PORT/9}"
as_root runuser -u postgres -- psql -q -c "CREATE DATABASE factcheck_bench" 2>/dev/null || true
.venv/bin/python manage.py migrate -v0 || exit 1
.venv/bin/python manage.py bench_pipeline "$@"
