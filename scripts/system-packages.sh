#!/bin/sh
# Installs the Debian/Ubuntu packages heze-station needs beyond Python itself: venv support, the libraries Qt
# loads even when it draws offscreen, Xvfb for screenshots and GUI runs without a display, poppler-utils
# (pdftotext, pdffonts, pdfsig, pdftoppm), which the tests use to check the printed documents independently,
# certutil (libnss3-tools), which makes the NSS database that tells pdfsig to trust the city's root,
# the PostgreSQL server binaries that the city server's tests and benchmark start a throw-away cluster from, and
# Chromium, the browser the supervision page's tests drive through Playwright (never a downloaded one), and
# NSIS (makensis), which packs the Windows installer (make package-windows), and binutils (objdump, as, ld), with
# which the bundle's build measures its glibc floor and relinks Qt's ICU data (installer/icu_data.py).
# Does nothing when everything is already there, so `make` can call it on every run.
set -eu
PACKAGES="python3-venv python3-pip libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
libxcb-image0 libxcb-xinerama0 libxcb-xkb1 xvfb xauth poppler-utils libnss3-tools postgresql
chromium
nsis binutils"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
echo "Installing system packages:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is intended
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
