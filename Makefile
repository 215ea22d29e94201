# Developer interface. Every target installs what it needs first.
SHELL := /bin/bash
UV_VERSION := 0.13.9
UV := .tools/bin/uv
PYTHON ?= python3
export UV_PYTHON_DOWNLOADS := never

.PHONY: help sync run test test-tools test-fast lint format typecheck proto bench clean services-up services-down run-distributed

help:
	@echo "make run    start the platform on embedded defaults at http://127.0.0.1:8000"
	@echo "make test   lint, type-check and run every test"
	@echo "make proto  regenerate the Python contracts from proto/"
	@echo "make bench  run the benchmarks"
	@echo "make run-distributed  the ten services as separate processes on the local servers"
	@echo "make services-up / services-down  local PostgreSQL, Redis, FerretDB and Kafka"

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

sync: $(UV)
	$(UV) sync --locked --all-packages

run: sync
	$(UV) run --no-sync emergisphere dev

run-distributed: sync services-up
	$(UV) run --no-sync emergisphere distributed

test: sync lint typecheck services-up test-tools
	ES_REQUIRE_SERVERS=1 $(UV) run --no-sync pytest

test-fast: sync
	$(UV) run --no-sync pytest -m "not e2e"

lint: sync
	$(UV) run --no-sync ruff check --no-cache .
	$(UV) run --no-sync ruff format --no-cache --check .

format: sync
	$(UV) run --no-sync ruff check --fix .
	$(UV) run --no-sync ruff format .

typecheck: sync
	$(UV) run --no-sync mypy libs/runtime/src libs/clinical/src $(wildcard services/*/src)

proto: sync
	$(UV) run --no-sync python -m grpc_tools.protoc -I proto \
		--python_out=libs/contracts/src --mypy_out=libs/contracts/src \
		$(wildcard proto/emergisphere/v1/*.proto)

services-up:
	deploy/local/services-up.sh

services-down:
	deploy/local/services-down.sh

test-tools:
	deploy/local/test-tools.sh

bench: sync services-up
	$(UV) run --no-sync python -m emergisphere_runtime.benchmarks

clean:
	rm -rf .data .venv .tools
