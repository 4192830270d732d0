# ClusterDev: `make demo` to try it, `make test` before every commit.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
export TEST_POSTGRES_URL

.PHONY: install demo serve test lint typecheck unit postgres browser-deps bench lock schema clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install  ## prepare the embedded database, load reference data, serve on :8000
	$(BIN)/clusterdev demo

serve: install
	$(BIN)/clusterdev serve

lint: install
	$(BIN)/ruff format --check src tests tools benchmarks
	$(BIN)/ruff check src tests tools benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

# Under CI=true the suite must also pass on PostgreSQL; elsewhere it is skipped when
# no server answers, and says so.
postgres: install
	@if $(BIN)/python tools/pg_reachable.py; then \
		DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/pytest -m "not browser" -p no:cacheprovider; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true needs PostgreSQL at $(TEST_POSTGRES_URL); failing."; exit 1; \
	else \
		echo "Skipping the PostgreSQL run: no server at $(TEST_POSTGRES_URL)."; \
	fi

test: lint typecheck unit postgres  ## ruff, mypy on the pure modules, the suite on SQLite and PostgreSQL

bench: install  ## benchmarks; results are appended to docs/benchmarks.md
	$(BIN)/python -m benchmarks.run

schema: install  ## regenerate the committed OpenAPI schema after an API change
	DEBUG=true $(BIN)/clusterdev spectacular --file docs/openapi.yaml --validate

lock:  ## re-pin every dependency after changing pyproject.toml
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^clusterdev' > constraints.txt

clean:
	rm -rf $(VENV) var/static .pytest_cache .mypy_cache .ruff_cache
