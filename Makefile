# CRM suite for Odoo 18.0. Every target sets up whatever is still missing.
# Variables (also from the environment): HTTP_PORT, ODOO_SRC, DB_HOST, DB_PORT, DB_USER,
# DB_PASSWORD, PG_PORT, PG_DIR, RUN_DIR, VENV_DIR, PYTEST_ARGS, TEST_MODULES, TEST_PATHS.
# See README.md. stop, logs and clean find what `make run` started (.run/state).
SHELL := /bin/bash
export HTTP_PORT ODOO_SRC DB_HOST DB_PORT DB_USER DB_PASSWORD PG_PORT PYTEST_ARGS \
	TEST_MODULES TEST_PATHS

.PHONY: help setup run stop test lint shell logs clean

help:
	@echo "make setup  - install what is missing (system packages, Odoo 18.0, virtualenv)"
	@echo "make run    - serve http://127.0.0.1:$${HTTP_PORT:-8069} on the demo database (admin/admin)"
	@echo "make stop   - stop the server and the embedded PostgreSQL"
	@echo "make test   - run every test on a fresh throw-away database"
	@echo "make lint   - ruff and pylint-odoo"
	@echo "make shell  - odoo shell on the demo database"
	@echo "make logs   - follow the server log"
	@echo "make clean  - stop, then delete .run (databases, filestore) and .venv"
	@echo "(stop, logs and clean find what 'make run' started, even with RUN_DIR, PG_DIR or VENV_DIR)"

setup:
	@scripts/setup.sh

run:
	@scripts/run.sh

stop:
	@scripts/stop.sh

test:
	@scripts/test.sh

lint:
	@scripts/lint.sh

shell:
	@scripts/shell.sh

logs:
	@scripts/logs.sh

clean:
	@scripts/clean.sh
