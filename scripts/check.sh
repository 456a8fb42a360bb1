#!/usr/bin/env bash
# Style and types, as CI runs them before the tests (.ci/run): ruff's rules, ruff's format and
# mypy (strict for hcc_core, hcc_central, the desk's services and sync; pyproject.toml says
# which parts are checked how). Any finding fails. Needs the `test` extra (ruff, mypy pinned).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCES=(src tests benchmarks scripts installer docs)
echo "== ruff check"
python3 -m ruff check "${SOURCES[@]}"
echo "== ruff format --check"
python3 -m ruff format --check "${SOURCES[@]}"
echo "== mypy"
python3 -m mypy
