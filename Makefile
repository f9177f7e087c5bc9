# ruf: the two commands are `make demo` and `make test`; both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.ruf-installed
SCALE  ?= 1m
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: demo test test-load bench airflow lint format browser clean help

help:
	@echo "make demo    - offline portals -> crawl -> lake -> warehouse -> report (minutes)"
	@echo "make test    - the whole test suite"
	@echo "make test-load - 100,000-page crawl, the crawler's memory must stay flat (long)"
	@echo "make bench   - benchmarks, SCALE=small|1m|10m (default 1m), STAGES=transform,build (default all)"
	@echo "make airflow - airflow standalone with this project's DAGs (UI on :8080)"
	@echo "make lint    - ruff check and ruff format --check"

# pip's whole output goes to $(VENV)/pip.log; the terminal gets one line per package
# (scripts/pip_progress.py), so a first install is not minutes of silence.
PIP_RUN = $(PYTHON) scripts/pip_progress.py $(VENV)/pip.log -- $(BIN)/python -m pip

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@: > $(VENV)/pip.log
	@echo "[make] installing the locked dependencies into $(VENV) (first time: a few minutes; full log: $(VENV)/pip.log)"
	@$(PIP_RUN) install --upgrade pip
	@$(PIP_RUN) install -r requirements.txt
	@$(PIP_RUN) install --no-deps -e .
	@touch $(STAMP)

demo: $(STAMP)
	RUF_DEMO=1 $(BIN)/ruf demo

# The browser test needs Debian's chromium; install it where we can (root with
# apt), otherwise the test is skipped with its reason.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "[make] installing Debian chromium + chromium-driver for the browser test"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
	    > /tmp/ruf-apt.log 2>&1 || echo "[make] chromium install failed (see /tmp/ruf-apt.log); browser test will be skipped"; \
	else echo "[make] no chromium and no apt as root: the browser test will be skipped"; fi

test: $(STAMP) browser
	$(BIN)/python -m pytest -n 2 --dist loadgroup

test-load: $(STAMP)
	RUF_LOAD_PAGES=100000 $(BIN)/python -m pytest tests/reliability/test_load.py -s --timeout 0

bench: $(STAMP)
	$(BIN)/python -m bench --scale $(SCALE) $(if $(STAGES),--stages $(STAGES))

airflow: $(STAMP)
	./scripts/airflow.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf data bench/results.json bench/work
