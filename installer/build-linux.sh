#!/bin/sh
# Builds the Linux packages of the station app from the bundle PyInstaller made (build/bundle/heze-station):
#   dist/heze-station_<version>_amd64.deb         installs to /opt/heze-station, /usr/bin/heze-station, a menu entry
#   dist/heze-station-<version>-linux-x86_64.tar.gz   the same folder, to unpack and run anywhere
# The version is heze_station.__version__; PACKAGE_VERSION overrides it (the upgrade test packs a "next" version).
set -eu
cd "$(dirname "$0")/.."
VERSION=${PACKAGE_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' heze_station/__init__.py)}
BUNDLE=build/bundle/heze-station
STAGE=build/deb/heze-station_${VERSION}_amd64
[ -x "$BUNDLE/heze-station" ] || { echo "no bundle in $BUNDLE: run make package" >&2; exit 1; }

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/256x256/apps" dist
cp -a "$BUNDLE" "$STAGE/opt/heze-station"
ln -s /opt/heze-station/heze-station "$STAGE/usr/bin/heze-station"
cp resources/icons/heze-station.png "$STAGE/usr/share/icons/hicolor/256x256/apps/heze-station.png"
cp installer/linux/heze-station.desktop "$STAGE/usr/share/applications/heze-station.desktop"
# What the bundle leaves to the system (installer/README.md says how this list was found): C and C++ runtimes,
# X11/xcb for Qt's xcb platform, OpenGL/EGL, fonts, D-Bus, GLib, CUPS for printing, Kerberos for QtNetwork.
# The C library at least as new as the newest one the bundle's files ask for (installer/glibc-floor.sh).
DEPENDS="libc6 (>= $(sh installer/glibc-floor.sh "$BUNDLE")), libstdc++6, libgcc-s1 | libgcc1, libglib2.0-0, libdbus-1-3, libfontconfig1, libfreetype6,
 libgl1, libegl1, libdrm2, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-glx0, libxcb-icccm4, libxcb-image0,
 libxcb-keysyms1, libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1,
 libxcb-util1 | libxcb-util0, libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0, libcups2,
 libgssapi-krb5-2, libbrotli1, libzstd1"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: heze-station
Version: $VERSION
Architecture: amd64
Maintainer: Heze Human Resources and Social Security Bureau <heze-station@localhost>
Installed-Size: $(du -sk "$STAGE" | cut -f1)
Depends: $(echo "$DEPENDS" | tr -d '\n')
Section: misc
Priority: optional
Description: 菏谐驿站 labour-dispute mediation station
 The offline-first desktop program of Heze's labour-dispute mediation stations:
 cases, mediation, agreements, payments and returns, synced with the city.
 Each user's data stays in ~/.local/share/heze-station, also after uninstalling.
CONTROL
# Files root-owned and world-readable whatever the umask of the build.
chmod -R u+rwX,go+rX,go-w "$STAGE"
dpkg-deb --root-owner-group -Zxz -z6 --build "$STAGE" "dist/heze-station_${VERSION}_amd64.deb" >/dev/null
tar -C build/bundle -czf "dist/heze-station-${VERSION}-linux-x86_64.tar.gz" heze-station
ls -l "dist/heze-station_${VERSION}_amd64.deb" "dist/heze-station-${VERSION}-linux-x86_64.tar.gz"
