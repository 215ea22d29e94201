# Developer interface. Every target installs what it needs first.
SHELL := /bin/bash
UV_VERSION := 0.13.9
UV := .tools/bin/uv
PYTHON ?= python3
export UV_PYTHON_DOWNLOADS := never

.PHONY: help sync run test test-fast lint format typecheck proto bench clean

help:
	@echo "make run    start the platform on embedded defaults at http://127.0.0.1:8000"
	@echo "make test   lint, type-check and run every test"
	@echo "make proto  regenerate the Python contracts from proto/"
	@echo "make bench  run the benchmarks"

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

sync: $(UV)
	$(UV) sync --locked --all-packages

run: sync
	$(UV) run --no-sync emergisphere dev

test: sync lint typecheck
	$(UV) run --no-sync pytest

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

bench: sync
	$(UV) run --no-sync python -m emergisphere_runtime.bench

clean:
	rm -rf .data .venv .tools
