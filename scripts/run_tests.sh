#!/usr/bin/env bash
# The test suite: the web application's tests (pytest, including the browser tests).
# Called by `make test`, which has already built everything these need.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Rasa-backed checks (marker `rasa`, and scripts/bot.sh's validate / stories / actions /
# cross-validation) are not yet green: issue 4 is open. `make test-bot` runs them.
.venv/bin/python -m pytest -m "not rasa" "$@"
