#!/bin/sh
# CI's check of the Linux package (make package-check, after make package): install dist/heze-station_<v>_amd64.deb
# with apt-get, run the installed program as a station would (fresh HOME, no virtual environment, no checkout on
# the path or as the working folder), install the next version over it and check the first one's data opens,
# then uninstall and check the data folder stays. Needs root (or sudo) for apt-get.
set -eu
cd "$(dirname "$0")/.."
CHECKOUT=$PWD
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' heze_station/__init__.py)
NEXT="$VERSION+next"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
WORK=$(mktemp -d /tmp/heze-deb-check.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
HOME_DIR="$WORK/home"
DATA="$HOME_DIR/.local/share/heze-station-demo"
mkdir -p "$HOME_DIR"
printf 'demo\n' > "$WORK/password"  # the demo station's administrator, domain/accounts.py DEMO_PASSWORD

fail() { echo "package-check: $*" >&2; exit 1; }
install_deb() {
    # Recommends (Wayland, a system font) are not needed for the check and may not be reachable offline.
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}
# The installed program, as a station runs it: nothing of this machine's Python or of the checkout around it.
station() {
    (cd "$WORK" && env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        HEZE_STATION_PASSWORD_FILE="$WORK/password" timeout 300 /usr/bin/heze-station "$@")
}

install_deb "$CHECKOUT/dist/heze-station_${VERSION}_amd64.deb"
[ "$(readlink -f /usr/bin/heze-station)" = /opt/heze-station/heze-station ] || fail "/usr/bin/heze-station is not the bundle"
[ -f /usr/share/applications/heze-station.desktop ] || fail "no desktop entry"
station --version | grep -qx "heze-station $VERSION" || fail "--version does not say $VERSION"
station --smoke-test | grep -qx ready || fail "a fresh station does not reach its first window"
station --demo --smoke-test --user demo | grep -qx loaded || fail "the demo station was not created and opened"
[ -f "$DATA/station.sqlite3" ] || fail "no database in $DATA"
# What the bundle cut around (installer/README.md) still prints: the demo station's month as a PDF in the
# documents' font (reportlab, the one-face UMing) and as a workbook (openpyxl without lxml).
station report --demo --user demo --period "$(date +%Y-%m)" --format pdf --out "$WORK/return.pdf" >/dev/null \
    || fail "no PDF return"
head -c 5 "$WORK/return.pdf" | grep -q '^%PDF-' || fail "the return is not a PDF"
if command -v pdffonts >/dev/null; then
    pdffonts "$WORK/return.pdf" | grep -q UMing || fail "the PDF return does not embed the documents' font"
fi
station report --demo --user demo --period "$(date +%Y-%m)" --format xlsx --out "$WORK/return.xlsx" >/dev/null \
    || fail "no workbook return"
head -c 2 "$WORK/return.xlsx" | grep -q '^PK' || fail "the workbook return is not an .xlsx"
# The xcb platform (a real X display, Xvfb) with the system libraries the package depends on.
if command -v xvfb-run >/dev/null; then
    (cd "$WORK" && env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=xcb \
        xvfb-run -a timeout 300 /usr/bin/heze-station --smoke-test) | grep -qx ready || fail "no window under X11 (xcb)"
fi
slots_before=$(sha256sum "$DATA/keyslots.json")

# The next version over the first: the same bundle packed with a higher version, as an upgrade arrives.
PACKAGE_VERSION="$NEXT" sh installer/build-linux.sh >/dev/null
install_deb "$CHECKOUT/dist/heze-station_${NEXT}_amd64.deb"
rm -f "dist/heze-station_${NEXT}_amd64.deb" "dist/heze-station-${NEXT}-linux-x86_64.tar.gz"
[ "$(dpkg-query -W -f='${Version}' heze-station)" = "$NEXT" ] || fail "the upgrade to $NEXT was not installed"
# Opening runs the station's migrations up to the new program's head; a demo station made anew would have new keys.
station --demo --smoke-test --user demo | grep -qx loaded || fail "the first version's data does not open after upgrading"
[ "$(sha256sum "$DATA/keyslots.json")" = "$slots_before" ] || fail "the upgrade made a new station instead of opening the old"

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq heze-station >/dev/null
[ ! -e /usr/bin/heze-station ] && [ ! -e /opt/heze-station ] || fail "uninstalling left the program behind"
[ -f "$DATA/station.sqlite3" ] || fail "uninstalling removed the station's data"
echo "package-check: installed, started, upgraded from $VERSION to $NEXT with the data kept, uninstalled; data kept"
