# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PY := .venv/bin/python

.PHONY: run test lint format migrate demo worker beat bench-extractor bench-adversarial evaluate bench-pipeline bench-exports chaos bench-web bench-load clean

run:  ## install, migrate, load the demo and serve http://127.0.0.1:8000 (SQLite + in-process tasks by default)
	@source .ci/lib.sh && ensure_venv requirements/base.txt
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py demo
	$(PY) manage.py runserver 127.0.0.1:8000

test:  ## install everything (Debian + Python), start PostgreSQL and Redis if needed, run the whole suite
	@bash .ci/test.sh $(PYTEST_ARGS)

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

worker:  ## a Celery worker for all queues (needs CELERY_BROKER_URL)
	.venv/bin/celery -A factcheck worker -l info -Q extraction,reports,default -c 2

beat:  ## the periodic sweep (needs CELERY_BROKER_URL)
	.venv/bin/celery -A factcheck beat -l info

evaluate:  ## check-worthiness, claim types, quantities and relations on ../shared/data (installs the tools)
	@source .ci/lib.sh && ensure_venv requirements/test.txt
	$(PY) -m factcheck.extraction.evaluate

bench-extractor:  ## extractor speed, model load and memory on the BBC dev articles
	@source .ci/lib.sh && ensure_venv requirements/test.txt
	$(PY) -m factcheck.extraction.bench

bench-adversarial:  ## 20k vs 200k characters of 50+ hostile shapes: every stage must stay linear
	$(PY) -m factcheck.extraction.tools.adversarial

bench-pipeline:  ## end-to-end pipeline benchmark against real PostgreSQL + Redis
	@bash .ci/bench_pipeline.sh $(ARGS)

bench-exports:  ## CSV 10k/100k, PDF 100/1,000, JSON-LD 10k on rolled-back data (configured database)
	FACTCHECK_BENCH=1 $(PY) manage.py bench_exports $(ARGS)

chaos:  ## fault scenarios on a throwaway PostgreSQL (5433) and Redis (6390); prints a table
	@bash .ci/chaos.sh $(ARGS)

bench-web:  ## screen latency at 10k vs 1M statements side by side, gunicorn + PostgreSQL, Locust load pass
	@bash .ci/bench_web.sh $(ARGS)

bench-load:  ## Locust, 50 signed-in users x 60 s against gunicorn at 1M statements (database factcheck_benchweb)
	@BENCH_WEB_MODE=load bash .ci/bench_web.sh $(ARGS)

clean:
	rm -rf .venv db.sqlite3 staticfiles media test-results .pytest_cache .hypothesis
