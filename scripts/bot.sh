#!/usr/bin/env bash
# The Rasa assistant (bot/): train, test and run it in its own environment.
#
#   scripts/bot.sh train-if-changed   train only when the model's inputs changed
#   scripts/bot.sh train              train now
#   scripts/bot.sh validate           rasa data validate
#   scripts/bot.sh test               validate, test stories, NLU cross-validation, action tests
#   scripts/bot.sh run-rasa           Rasa server on 127.0.0.1:$RASA_PORT (5005), REST channel only
#   scripts/bot.sh run-actions        action server on 127.0.0.1:$ACTION_SERVER_PORT (5055)
#   scripts/bot.sh model-path         print the trained model's path
#
# RASA_VENV is the Rasa environment (the Makefile's bot-venv target builds it);
# by default the same path the Makefile computes from bot/requirements.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BOT="$ROOT/bot"
RASA_VENV="${RASA_VENV:-$HOME/.cache/cf-intake/venvs/rasa-$(sha256sum "$BOT/requirements.txt" | cut -c1-12)}"
MODEL_DIR="$BOT/models"
MODEL="$MODEL_DIR/current.tar.gz"
HASH_FILE="$MODEL_DIR/current.inputs-sha256"
# Trained models by inputs hash, shared by every checkout on this machine.
MODEL_CACHE="${BOT_MODEL_CACHE:-$HOME/.cache/cf-intake/bot-models}"
RESULTS="$BOT/results"
# NLU cross-validation: folds, and the macro-F1 below which `bot.sh test` fails.
CV_FOLDS="${BOT_CV_FOLDS:-5}"
CV_MIN_MACRO_F1="${BOT_CV_MIN_MACRO_F1:-0.90}"

export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export PYTHONPATH="$BOT${PYTHONPATH:+:$PYTHONPATH}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTION_SERVER_PORT:-5055}/webhook}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1

need_venv() {
  if [ ! -x "$RASA_VENV/bin/rasa" ]; then
    echo "Rasa's environment is not at $RASA_VENV: run 'make bot-venv' first." >&2
    exit 1
  fi
}

rasa() { "$RASA_VENV/bin/rasa" "$@"; }

# Everything the trained model depends on, hashed in a stable order: the data, the
# config, the custom components it names (addons/), and Rasa's version.
inputs_hash() {
  (cd "$ROOT" && find bot/config.yml bot/domain.yml bot/data bot/addons bot/requirements.txt \
      config/council.yaml -type f ! -name '*.pyc' -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
}

train() {
  need_venv
  mkdir -p "$MODEL_DIR"
  local started=$SECONDS hash
  hash="$(inputs_hash)"  # before training, so that an edit made meanwhile is not taken as trained
  (cd "$BOT" && rasa train --config config.yml --domain domain.yml --data data \
      --out models --fixed-model-name current --quiet)
  echo "$hash" > "$HASH_FILE"
  echo "Trained $MODEL in $((SECONDS - started)) s"
}

# A model trained from the same inputs by any checkout on this machine is reused: a fresh
# clone (as CI makes) then starts from the cache instead of training again.
train_if_changed() {
  local hash cached
  hash="$(inputs_hash)"
  if [ -f "$MODEL" ] && [ -f "$HASH_FILE" ] && [ "$(cat "$HASH_FILE")" = "$hash" ]; then
    echo "The assistant's model is up to date ($MODEL)"
    return
  fi
  cached="$MODEL_CACHE/$hash.tar.gz"
  if [ -f "$cached" ]; then
    mkdir -p "$MODEL_DIR"
    cp "$cached" "$MODEL.tmp" && mv "$MODEL.tmp" "$MODEL"
    echo "$hash" > "$HASH_FILE"
    echo "The assistant's model for these inputs was trained before: copied from $cached"
    return
  fi
  train
  cached="$MODEL_CACHE/$(cat "$HASH_FILE").tar.gz"
  mkdir -p "$MODEL_CACHE"
  cp "$MODEL" "$cached.tmp.$$" && mv "$cached.tmp.$$" "$cached"
}

# rasa data validate, failing on any warning except one: a response that only an
# action sends is "not used in any story or rule" (tests/bot/test_domain.py checks
# instead that every response is sent by a rule, a story, a form or an action).
validate() {
  need_venv
  local log="$RESULTS/validate.log"
  mkdir -p "$RESULTS"
  if ! (cd "$BOT" && rasa data validate --config config.yml --domain domain.yml --data data) >"$log" 2>&1; then
    cat "$log" >&2
    echo "rasa data validate FAILED" >&2
    return 1
  fi
  local warnings
  warnings=$(grep 'UserWarning' "$log" | grep -v "The utterance '.*' is not used in any story or rule" || true)
  if [ -n "$warnings" ]; then
    echo "$warnings" >&2
    echo "rasa data validate gave warnings" >&2
    return 1
  fi
  echo "rasa data validate: no errors, no warnings (responses sent only by actions aside)"
}

test_stories() {
  rm -rf "$RESULTS/stories"
  # --e2e: run the NLU model on each message's text and check its intent too. Rasa only
  # reads files named test_*.yml as conversation tests, so check that none is ignored.
  local stray
  stray=$(find "$BOT/tests/conversations" -name '*.yml' ! -name 'test_*.yml')
  if [ -n "$stray" ]; then
    echo "Conversation tests must be named test_*.yml or Rasa skips them: $stray" >&2
    return 1
  fi
  (cd "$BOT" && rasa test core --e2e --model "$MODEL" --stories tests/conversations --out results/stories --quiet)
  local failed="$RESULTS/stories/failed_test_stories.yml"
  local count evaluated
  count=$(cat "$BOT"/tests/conversations/test_*.yml | grep -c '^- story:')
  evaluated=$("$RASA_VENV/bin/python" -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["action_listen"]["support"] if "action_listen" in r else 0)' "$RESULTS/stories/story_report.json")
  if [ "$evaluated" = "0" ]; then
    echo "No test story was evaluated" >&2
    return 1
  fi
  if [ -f "$failed" ] && grep -q '^- story:' "$failed"; then
    echo "Test stories FAILED (of $count): see $failed" >&2
    grep '^- story:' "$failed" >&2
    return 1
  fi
  echo "Test stories: all $count passed"
}

cross_validate() {
  rm -rf "$RESULTS/nlu-cv"
  mkdir -p "$RESULTS"
  # The model's own pipeline without the FallbackClassifier: that is a runtime policy
  # ("not sure: ask again"), and its nlu_fallback would count as a wrong intent here.
  awk '/- name: FallbackClassifier/ {skip = 1; next} skip && /^    / {next} {skip = 0; print}' "$BOT/config.yml" \
    > "$RESULTS/config-cv.yml"
  (cd "$BOT" && rasa test nlu --nlu data/nlu --config "$RESULTS/config-cv.yml" --cross-validation \
      --folds "$CV_FOLDS" --out results/nlu-cv --quiet)
  "$RASA_VENV/bin/python" - "$RESULTS/nlu-cv/intent_report.json" "$CV_MIN_MACRO_F1" "$RESULTS/nlu-cv-macro-f1.txt" <<'PY'
import json, sys
report, minimum, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
macro = json.load(open(report))["macro avg"]["f1-score"]
line = f"NLU cross-validation intent macro-F1: {macro:.4f} (minimum {minimum:.2f})"
open(out, "w").write(line + "\n")
print(line)
sys.exit(0 if macro >= minimum else 1)
PY
}

test_actions() {
  (cd "$BOT" && "$RASA_VENV/bin/python" -m pytest -c tests/pytest.ini tests/unit -q)
}

case "${1:-}" in
  train-if-changed) train_if_changed ;;
  train) train ;;
  validate) validate ;;
  test)
    need_venv
    validate
    train_if_changed
    test_actions
    test_stories
    cross_validate
    ;;
  test-stories) need_venv; train_if_changed; test_stories ;;
  test-actions) need_venv; test_actions ;;
  cross-validate) need_venv; cross_validate ;;
  run-rasa)
    need_venv
    [ -f "$MODEL" ] || train_if_changed
    cd "$BOT"
    exec "$RASA_VENV/bin/rasa" run --model "$MODEL" --interface 127.0.0.1 --port "${RASA_PORT:-5005}" \
      --credentials credentials.yml --endpoints endpoints.yml --response-timeout 60
    ;;
  run-actions)
    need_venv
    cd "$BOT"
    exec "$RASA_VENV/bin/python" -m actions --port "${ACTION_SERVER_PORT:-5055}"
    ;;
  model-path) echo "$MODEL" ;;
  venv-path) echo "$RASA_VENV" ;;
  *)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
