# Everything a fresh Debian/Ubuntu machine needs, installed on first use and skipped after.
#   make run    set up, then serve http://127.0.0.1:5000 (web app, Rasa, action server)
#   make test   set up, then run the whole test suite
# DATABASE_URL selects the database for `make run` (default SQLite under var/);
# TEST_DATABASE_URL the one for `make test` (default in-memory SQLite).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app intake_web
CACHE_DIR ?= $(HOME)/.cache/cf-intake
# Rasa's environment is large (TensorFlow): built once per machine, keyed by its requirements.
RASA_REQUIREMENTS_HASH := $(shell sha256sum bot/requirements.txt | cut -c1-12)
RASA_VENV := $(CACHE_DIR)/venvs/rasa-$(RASA_REQUIREMENTS_HASH)
TRIAGE_MODEL := triage/artefacts/model.joblib

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-bot setup venv assets triage-model db bot-venv bot-model system-packages clean

run: setup db bot-model
	mkdir -p var/mail
	$(VENV)/bin/honcho start -f Procfile

test: setup bot-model
	scripts/run_tests.sh

# Only the assistant's checks (part of `make test` too): rasa data validate, action tests,
# test stories, NLU cross-validation, and the end-to-end chat and SMS conversations.
test-bot: setup bot-model
	.venv/bin/python -m pytest -m rasa
	scripts/bot.sh test

setup: system-packages venv assets triage-model bot-venv

# --- Debian packages: Chromium for browser tests, Pango for WeasyPrint PDFs ---------
SYSTEM_PACKAGES := chromium chromium-driver libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

# --- The web application's virtual environment -------------------------------------
venv: $(VENV)/.installed
$(VENV)/.installed: requirements/web.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { echo "Python 3.10 or newer is needed as $(PYTHON)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel
	$(PY) -m pip install -q -r requirements/web.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

# --- GOV.UK Frontend, compiled with the council's colours and font -----------------
assets: venv
	scripts/build_assets.sh

# --- Triage model (built from the project's own corpus) ----------------------------
triage-model: $(TRIAGE_MODEL)
$(TRIAGE_MODEL): $(VENV)/.installed triage/data/train.jsonl config/triage.yaml config/taxonomy.yaml
	$(PY) -m triage train

# --- Database schema (Alembic migrations) ------------------------------------------
db: venv
	$(FLASK) db upgrade

# --- The Rasa assistant: its own Python 3.10 environment and a trained model -------
# No prerequisite: the path already carries the requirements' hash, and a fresh clone's
# file times must not make it rebuild an environment another checkout is using.
bot-venv: $(RASA_VENV)/.complete
$(RASA_VENV)/.complete:
	scripts/make_rasa_venv.sh "$(RASA_VENV)"

bot-model: bot-venv
	RASA_VENV="$(RASA_VENV)" scripts/bot.sh train-if-changed

clean:
	rm -rf $(VENV) frontend/node_modules frontend/build intake_web/static/dist var triage/artefacts/*.joblib bot/models
