#!/usr/bin/env bash
# One command from a fresh checkout to the app running on a demo centre (officer demo / demo).
#   - Debian/Ubuntu: installs the system packages the desk needs (scripts/install-system-deps.sh
#     --runtime; asks for sudo when not root); elsewhere it names them.
#   - The demo's data: $HCC_DEMO_PROFILE, default ~/.hcc-desk-demo (delete it to start over).
#   - Needs a display (a desktop session). Without one it says so; `xvfb-run bash scripts/demo.sh`
#     runs it on a virtual screen.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
  echo "demo: there is no display (DISPLAY and WAYLAND_DISPLAY are empty)." >&2
  echo "      Run it in a desktop session, or on a virtual screen: xvfb-run bash scripts/demo.sh" >&2
  exit 1
fi
if command -v apt-get >/dev/null; then
  bash scripts/install-system-deps.sh --runtime
elif [ "$(uname -s)" = "Linux" ]; then
  echo "demo: not Debian/Ubuntu: make sure Qt's xcb libraries, SANE (with headers), the CUPS" >&2
  echo "      client and a C compiler are installed (see docs/installing.md)." >&2
fi
python3 -m pip install -q --disable-pip-version-check -e .
PROFILE="${HCC_DEMO_PROFILE:-$HOME/.hcc-desk-demo}"
echo "demo: data in $PROFILE (officer demo, password demo)"
python3 -m hcc_desk demo --profile "$PROFILE"
exec python3 -m hcc_desk --profile "$PROFILE" "$@"
