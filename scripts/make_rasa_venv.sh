#!/usr/bin/env bash
# Build Rasa's own virtual environment (Python 3.10) at $1, once per machine.
set -euo pipefail
target="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"

find_python310() {
  if command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'import venv' 2>/dev/null; then
    command -v python3.10; return
  fi
  if command -v pyenv >/dev/null 2>&1; then
    local root; root="$(pyenv root)"
    for dir in "$root"/versions/3.10.*; do
      [ -x "$dir/bin/python3.10" ] && { echo "$dir/bin/python3.10"; return; }
    done
  fi
  for dir in "$HOME"/.pyenv/versions/3.10.*; do
    [ -x "$dir/bin/python3.10" ] && { echo "$dir/bin/python3.10"; return; }
  done
  return 1
}

python310="$(find_python310)" || {
  echo "Rasa 3.6 needs Python 3.10, and none was found." >&2
  echo "Install it with 'sudo apt-get install python3.10 python3.10-venv' or 'pyenv install 3.10'," >&2
  echo "then run make again." >&2
  exit 1
}
# One build at a time: two checkouts on one machine share this environment.
mkdir -p "$(dirname "$target")"
exec 9>"$target.lock"
flock 9
[ -f "$target/.complete" ] && exit 0
echo "Building Rasa's environment in $target with $python310 (once per machine; it is large)"
rm -rf "$target"
"$python310" -m venv "$target"
"$target/bin/pip" install -q --upgrade pip wheel
"$target/bin/pip" install -q -r "$here/bot/requirements.txt"
touch "$target/.complete"
