#!/usr/bin/env bash
# System packages the app and its tests use on Debian/Ubuntu: a virtual screen (Xvfb) for
# screenshots, CUPS + cups-pdf for the real print queue tests, poppler for PDF text and images,
# SANE (libsane-dev: python-sane builds against it), zbar, Vietnamese-capable fonts, the xcb
# libraries Qt's window plugin needs, Tesseract with its Vietnamese data (the text layer of
# scanned papers, with OCRmyPDF from PyPI), the PostgreSQL server central's tests run against, and
# Chromium with its chromedriver for the real-browser tests of central's web pages (tests/web),
# and SoftHSM2, the software PKCS#11 token the signing tests use (tests/digitise).
#
#   --runtime   only what the desk itself needs to run (scripts/demo.sh): Qt's xcb libraries,
#               CUPS client, SANE (and its headers, for python-sane), fonts.
set -euo pipefail
if ! command -v apt-get >/dev/null; then
  echo "install-system-deps: not a Debian/Ubuntu system; install the equivalents by hand" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if [ "${1:-}" = "--runtime" ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    gcc python3-dev libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
    libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 \
    libxcb-xinerama0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu fonts-noto-core \
    sane-utils libsane1 libsane-dev cups-client libcups2 tesseract-ocr tesseract-ocr-vie \
    >/dev/null
  exit 0
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  xvfb xauth x11-apps xdotool libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
  libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 \
  libxcb-xinerama0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libpulse0 fonts-dejavu \
  fonts-noto-core imagemagick poppler-utils sane-utils libsane1 libsane-dev cups cups-client \
  printer-driver-cups-pdf libcups2 libzbar0 zbar-tools postgresql chromium chromium-driver softhsm2 \
  tesseract-ocr tesseract-ocr-vie >/dev/null
