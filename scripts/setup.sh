#!/usr/bin/env bash
# Set up Báo cáo nhanh on Debian/Ubuntu: the system libraries Qt needs (and, with --test, the
# tools the tests use: LibreOffice, poppler, Tesseract with Vietnamese, PostgreSQL, NSIS, ICU's
# data tools with gcc for the bundle's ICU data, and trayer, a system tray for the reminder's
# balloon), then a virtual environment in .venv with the package installed in editable mode.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

QT_PACKAGES="libglib2.0-0 libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 fontconfig fonts-liberation2 fonts-noto-core"
TEST_PACKAGES="xvfb xauth libreoffice-writer-nogui poppler-utils tesseract-ocr tesseract-ocr-vie postgresql nsis
  icu-devtools gcc binutils trayer"

packages="$QT_PACKAGES"
[ "$want_test" = 1 ] && packages="$packages $TEST_PACKAGES"

if command -v apt-get >/dev/null 2>&1; then
  missing=$(dpkg-query -W -f='${Package} ${Status}\n' $packages 2>/dev/null | grep -vc "install ok installed" || true)
  listed=$(dpkg-query -W $packages 2>/dev/null | wc -l || true)
  if [ "$missing" != 0 ] || [ "$listed" -lt "$(echo $packages | wc -w)" ]; then
    sudo_cmd=""
    [ "$(id -u)" != 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $packages >/dev/null
  fi
else
  echo "apt-get not found: install the Qt libraries listed in scripts/setup.sh by hand." >&2
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
extras=""
[ "$want_test" = 1 ] && extras="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
