#!/usr/bin/env bash
# `make bench-pipeline ARGS="--articles 1000"`: the pipeline benchmark against real PostgreSQL and Redis.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
prepare_services || exit 1
export FACTCHECK_BENCH=1  # installs the workshop app (factcheck/bench) for this run
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:$PG_PORT/factcheck_bench}"
export CELERY_BROKER_URL="${BENCH_BROKER_URL:-redis://127.0.0.1:$REDIS_PORT/9}"
as_root runuser -u postgres -- psql -q -c "CREATE DATABASE factcheck_bench" 2>/dev/null || true
.venv/bin/python manage.py migrate -v0 || exit 1
.venv/bin/python manage.py bench_pipeline "$@"
