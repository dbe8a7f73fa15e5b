#!/usr/bin/env bash
# The whole test suite. Called by `make test`, which has already built everything these
# need (both virtual environments, the front-end assets, the triage and assistant models).
#   1. pytest in the web application's environment: unit, database, browser (axe-core)
#      and the end-to-end tests that start Rasa, the action server and the web app;
#   2. the assistant's own checks in Rasa's environment (scripts/bot.sh test):
#      rasa data validate, action tests, test stories, NLU cross-validation.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
scripts/bot.sh test
