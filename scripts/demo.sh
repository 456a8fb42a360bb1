#!/usr/bin/env bash
# One command from a fresh checkout to the app running on a demo centre (officer demo / demo).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e .
PROFILE="${HCC_DEMO_PROFILE:-$HOME/.hcc-desk-demo}"
hcc-desk demo --profile "$PROFILE"
exec hcc-desk --profile "$PROFILE" "$@"
