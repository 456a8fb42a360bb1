#!/usr/bin/env bash
# One command from a fresh checkout to the whole test suite: system packages (Debian/Ubuntu),
# the project with its test extras, then pytest (strict config, warnings are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
python3 -m pip install -q --disable-pip-version-check -e '.[test]'
exec python3 -m pytest "$@"
