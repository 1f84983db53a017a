# One word for each everyday task. The README's two commands stay the way in; these are shortcuts around them.
# Every target creates .venv (and installs requirements.txt) when it is missing or older than requirements.txt.
#   make serve | build | book | test | bench | dev | lint

PYTHON ?= python3
PORT   ?= 8000
VENV   := .venv
BIN    := $(VENV)/bin
# The benchmarks that exist, in this order; bench/serve.py is a helper, not a benchmark.
BENCHES := $(wildcard bench/search_recall.py bench/build_speed.py bench/lighthouse.py)

export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build book test bench dev lint

help:
	@echo "make serve   the site at http://127.0.0.1:$(PORT)/deep-learning-basics/ with live reload (PORT=8001 for another port)"
	@echo "make build   mkdocs build --strict into site/, with the offline copy (site/downloads/*.zip)"
	@echo "make book    make build, then the PDF book of each language (site/downloads/*.pdf; needs chromium)"
	@echo "make test    every test (the README's test command)"
	@echo "make bench   the benchmarks in bench/: $(notdir $(BENCHES))"
	@echo "make dev     contributor tools (requirements-dev.txt) and the pre-commit hooks"
	@echo "make lint    every pre-commit hook on every file"

# The stamp file records that requirements.txt is installed; pip runs again only when requirements.txt changes.
$(VENV)/.requirements: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -r requirements.txt
	touch $@

$(VENV)/.requirements-dev: requirements-dev.txt $(VENV)/.requirements
	$(BIN)/pip install -r requirements-dev.txt
	touch $@

serve: $(VENV)/.requirements
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

build: $(VENV)/.requirements
	$(BIN)/mkdocs build --strict

book: build
	$(BIN)/python scripts/pdf_book.py --site site

test: $(VENV)/.requirements
	$(BIN)/python -m pytest

bench: $(VENV)/.requirements
	@test -n "$(BENCHES)" || { echo "no benchmark in bench/ yet"; exit 1; }
	@failed=""; for script in $(BENCHES); do echo "== $$script"; $(BIN)/python $$script || failed="$$failed $$script"; done; \
	 test -z "$$failed" || { echo "failed:$$failed"; exit 1; }

dev: $(VENV)/.requirements-dev
	$(BIN)/pre-commit install

lint: $(VENV)/.requirements-dev
	$(BIN)/pre-commit run --all-files
