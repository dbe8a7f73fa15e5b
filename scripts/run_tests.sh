#!/usr/bin/env bash
# The whole test suite: the web application's tests (pytest, including browser and
# end-to-end tests), then the Rasa assistant's own checks in its environment.
# Called by `make test`, which has already built everything these need.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
if [ -z "${SKIP_BOT_TESTS:-}" ]; then
  scripts/bot.sh validate
  scripts/bot.sh test-actions
  scripts/bot.sh test-stories
  # NLU cross-validation is a measurement of the assistant's understanding: it prints the
  # intent macro-F1 against issue 4's target (0.90). Below target it says so loudly, but does
  # not stop the other suites from landing; issue 4 stays open until it is met.
  if ! scripts/bot.sh cross-validate; then
    echo "WARNING: NLU cross-validation is below its target (see bot/results/nlu-cv-macro-f1.txt)" >&2
  fi
fi
