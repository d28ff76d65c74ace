# Netra — the two commands: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: install, migrate, load regions and demo data, serve on http://127.0.0.1:8000
run: $(STAMP)
	$(BIN)/netra migrate --no-input
	$(BIN)/netra regions load
	NETRA_DEMO=1 $(BIN)/netra demo
	NETRA_DEMO=1 $(BIN)/netra runserver $(HOST):$(PORT)

## test: install and run the whole test suite (SQLite unless DATABASE_URL is set)
test: $(STAMP)
	$(BIN)/pytest -n auto -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) var
