#!/bin/sh
# The environment the station app's bundle is built from, build/bundle-env: a virtual environment of the
# interpreter built for glibc 2.28 (installer/build-python-glibc228.sh) with the app and PyInstaller at
# constraints.txt's versions but those of installer/constraints-glibc228.txt, every compiled package from a wheel
# built for glibc 2.28 or older (installer/README.md, "The glibc floor"). EXTRAS names the app's extras to install
# (default: package; EXTRAS=package,dev for running the tests in it).
set -eu
cd "$(dirname "$0")/.."
ENV=build/bundle-env
EXTRAS=${EXTRAS:-package}
sh installer/build-python-glibc228.sh
[ -x "$ENV/bin/python" ] || build/python-2.28/bin/python3.11 -m venv "$ENV"
# PEP 600's hook: pip asks a `_manylinux` module which manylinux_2_x wheels this interpreter takes. pip judges by
# the build machine's glibc (2.36) and would pick wheels built for 2.34 (cryptography's, PySide6 6.10's); the
# interpreter's own floor is 2.28.
cat > "$("$ENV/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/_manylinux.py" <<'PY'
"""Wheels for glibc 2.28 or older only: the station bundle's floor (installer/bundle-env.sh)."""


def manylinux_compatible(tag_major, tag_minor, tag_arch):
    return (tag_major, tag_minor) <= (2, 28)
PY
# constraints.txt with the overlay's packages replaced (pip refuses two pins of one package).
overlay=installer/constraints-glibc228.txt
names=$(sed -n 's/^\([A-Za-z0-9_.-]*\)==.*/\1/p' "$overlay" | paste -sd'|')
{ grep -v -i -E "^($names)==" constraints.txt; grep -v '^#' "$overlay"; } > build/constraints-glibc228.txt
"$ENV/bin/python" -m pip install --quiet --upgrade "pip>=24"
"$ENV/bin/python" -m pip install --quiet --only-binary :all: --constraint build/constraints-glibc228.txt \
    --editable ".[$EXTRAS]"
