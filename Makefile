# Two commands matter: `make demo` and `make test`. Everything they need is set up here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export CSC_INSIGHT_HOME ?= $(CURDIR)/var
DEMO_DATA := $(CSC_INSIGHT_HOME)/synth/city

.PHONY: setup demo test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

demo: setup
	$(BIN)/csc-insight synth --profile city --seed 1 --start 2017-04-01 --end 2020-03-31 --out $(DEMO_DATA)
	$(BIN)/csc-insight load $(DEMO_DATA)
	$(BIN)/csc-insight snapshots

test: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -n 2 --dist loadgroup

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var
