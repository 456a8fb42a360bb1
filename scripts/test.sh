#!/usr/bin/env bash
# One command from a fresh checkout to the whole test suite: system packages (Debian/Ubuntu),
# the project with its test and build extras, then pytest (strict config, warnings are errors).
# With CI=true nothing may be skipped: PostgreSQL must answer (HCC_CENTRAL_TEST_PG, default
# 127.0.0.1:5432), CUPS and SANE must be installed, and the frozen app is built and smoke-tested.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${HCC_DEPS_INSTALLED:-}" != 1 ]; then
  bash scripts/install-system-deps.sh
  python3 -m pip install -q --disable-pip-version-check -e '.[test,build]'
fi
exec python3 -m pytest "$@"
