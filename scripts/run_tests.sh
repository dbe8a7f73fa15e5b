#!/usr/bin/env bash
# The whole test suite: the web application's tests (pytest, including browser and
# end-to-end tests), then the Rasa assistant's own checks in its environment.
# Called by `make test`, which has already built everything these need.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
if [ -x scripts/bot.sh ] && [ -z "${SKIP_BOT_TESTS:-}" ]; then
  scripts/bot.sh test
fi
