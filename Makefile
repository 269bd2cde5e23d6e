# Two commands matter: `make demo` and `make test`. Everything they need is set up here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WEB_ASSETS := src/csc_insight/web/assets/dist/csc/app.css
export CSC_INSIGHT_HOME ?= $(CURDIR)/var
DEMO_DATA := $(CSC_INSIGHT_HOME)/synth/city

.PHONY: setup demo test lint bench clean pdf-converter

setup: $(STAMP) $(WEB_ASSETS)

$(STAMP): pyproject.toml setup.py src/csc_insight/formats/_census_walk.pyx
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

# GOV.UK Frontend from npm, compiled with Arial (no GDS Transport, no crown); never a CDN.
$(WEB_ASSETS): package.json package-lock.json src/csc_insight/web/assets/src/app.scss src/csc_insight/web/assets/build.sh
	npm ci --no-audit --no-fund --loglevel=error
	npm run build

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here);
# report conversion tests use LibreOffice and poppler.
/usr/bin/chromium /usr/bin/soffice /usr/bin/pdftotext:
	apt-get update -qq && apt-get install -y -qq chromium libreoffice-writer-nogui poppler-utils

# The demo's papers download as PDF through LibreOffice: installed when missing and apt can;
# without it the PDF links say so and DOCX and HTML still work.
pdf-converter:
	@command -v soffice >/dev/null || command -v libreoffice >/dev/null \
	  || (apt-get update -qq && apt-get install -y -qq libreoffice-writer-nogui) \
	  || echo "LibreOffice could not be installed: papers download as DOCX and HTML, not PDF."

# The demo data end on 31 March 2020: the app runs as at that day, so plans, overdue
# actions and the audit round agree with the data.
demo: export CSC_INSIGHT_TODAY ?= 2020-03-31
demo: setup pdf-converter
	$(BIN)/csc-insight synth --profile city --seed 1 --start 2017-04-01 --end 2020-03-31 --out $(DEMO_DATA) --registers-out $(DEMO_DATA)_registers
	$(BIN)/csc-insight migrate
	$(BIN)/csc-insight load $(DEMO_DATA)
	$(BIN)/csc-insight snapshots
	$(BIN)/csc-insight registers import missing $(DEMO_DATA)_registers/missing_register.csv
	$(BIN)/csc-insight registers import cme $(DEMO_DATA)_registers/cme_register.csv
	$(BIN)/csc-insight registers import lado $(DEMO_DATA)_registers/lado_register.csv
	$(BIN)/csc-insight registers import private-fostering $(DEMO_DATA)_registers/private_fostering_register.csv
	$(BIN)/csc-insight registers import private-fostering-awareness $(DEMO_DATA)_registers/private_fostering_awareness.csv
	$(BIN)/csc-insight registers import providers $(DEMO_DATA)_registers/providers_register.csv
	$(BIN)/csc-insight registers import champions $(DEMO_DATA)_registers/champions_register.csv
	$(BIN)/csc-insight registers import champions $(DEMO_DATA)_registers/champions_assurance.csv
	$(BIN)/csc-insight registers import champions $(DEMO_DATA)_registers/champions_training.csv
	$(BIN)/csc-insight registers import iro $(DEMO_DATA)_registers/iro_escalations.csv
	$(BIN)/csc-insight registers import iro $(DEMO_DATA)_registers/iro_contacts.csv
	for f in schools peps attendance exclusions results activity; do $(BIN)/csc-insight registers import virtual-school $(DEMO_DATA)_registers/virtual_school_$$f.csv || exit 1; done
	$(BIN)/csc-insight plans demo
	$(BIN)/csc-insight audits demo
	$(BIN)/csc-insight demo-papers
	$(BIN)/csc-insight demo-user
	@echo "Open http://127.0.0.1:8000 and sign in with one of the logins above (Ctrl-C stops it)."
	$(BIN)/csc-insight serve --host 127.0.0.1 --port 8000

test: setup /usr/bin/chromium /usr/bin/soffice /usr/bin/pdftotext
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2 --dist loadgroup

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(BIN)/ruff format --check src tests bench

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var node_modules src/csc_insight/web/assets/dist
