#!/usr/bin/env bash
# `make test`: install what is missing, start PostgreSQL and Redis if needed, run the whole suite
# against them, stop what was started. Exit code is pytest's.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh

prepare_services || exit 1

export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:$PG_PORT/factcheck}"
export FACTCHECK_TEST_REDIS_URL="${FACTCHECK_TEST_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/15}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
unset CELERY_BROKER_URL  # tests choose their broker explicitly

.venv/bin/ruff check --quiet . || { log "ruff check failed"; exit 1; }
.venv/bin/python manage.py makemigrations --check --dry-run >/dev/null || { log "models changed without a migration"; exit 1; }
log "running pytest"
.venv/bin/pytest "$@"
