#!/bin/sh
# The Windows payload run under Debian's Wine (make package-check): its own python.exe prints the app's version,
# and opens, migrates and reads back an encrypted station database with the app's storage code. Qt's GUI does not
# start under Wine 8 (installer/README.md), so the window is left to the Windows workflow. Installs wine64 when it
# is missing (root or sudo).
set -eu
payload=$(cd "$1" && pwd)  # absolute: the script moves to the checkout next
cd "$(dirname "$0")/../.."
wine=/usr/lib/wine/wine64
if [ ! -x "$wine" ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wine64 >/dev/null
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export WINEPREFIX="$scratch/prefix" WINEDEBUG=-all
python="$payload/python/python.exe"
version=$("$wine" "$python" -m heze_station --version 2>/dev/null | tr -d '\r')
expected="heze-station $(sed -n 's/^__version__ = "\(.*\)"$/\1/p' heze_station/__init__.py)"
[ "$version" = "$expected" ] || { echo "wine check: --version said '$version', not '$expected'"; exit 1; }
# Captured, not piped: a pipeline's status would be tr's, and a failed check must fail.
database=$("$wine" "$python" "Z:$(pwd)/installer/windows/wine_database.py" "Z:$scratch/data" 2>/dev/null)
echo "$database" | tr -d '\r'
echo "wine check: $version under $("$wine" --version)"
