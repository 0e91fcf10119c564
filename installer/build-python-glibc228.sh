#!/bin/sh
# Builds CPython 3.11 and the C libraries its modules link for glibc 2.28 (UOS 20, Kylin V10) into
# build/python-2.28/, the interpreter the station app's bundle is made from (installer/README.md, "The glibc floor").
# Debian 12's own Python needs glibc 2.35 and no registry this project reaches carries an older build, so it is
# compiled here with Zig's C compiler (the `ziglang` wheel from PyPI), whose `-target x86_64-linux-gnu.2.28` links
# against glibc 2.28's symbol versions whatever the build machine runs. The sources are Debian 12's
# (`apt-get source`, with a deb-src entry added when the machine has none): Zig never reads /usr/include, so
# nothing of the build machine's own libraries leaks in.
# A cache: skipped when build/python-2.28 holds an interpreter this same script built (its checksum in
# build/python-2.28/build-script.sha256); a changed script (other flags, versions) builds everything again. Each
# step's seconds are written to build/python-2.28/build-times.txt. Needs root (or sudo) only to add the deb-src entry
# and dpkg-dev when missing.
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD
PREFIX=$ROOT/build/python-2.28
WORK=$ROOT/build/python-2.28-work
ZIG_VERSION=0.17.0
JOBS=2
# Only the system's Python to install Zig with: any Python 3 does.
HOST_PYTHON=${HOST_PYTHON:-python3}

SCRIPT_SUM=$(sha256sum installer/build-python-glibc228.sh | cut -d' ' -f1)

if [ -x "$PREFIX/bin/python3.11" ] && [ "$(cat "$PREFIX/build-script.sha256" 2>/dev/null)" = "$SCRIPT_SUM" ] &&
    "$PREFIX/bin/python3.11" -c "import ssl, ctypes, lzma, bz2, zlib, _decimal, pyexpat"; then
    echo "build/python-2.28: already built"
    exit 0
fi
# Built by another version of this script (or never finished under this one): from scratch.
if [ "$(cat "$WORK/build-script.sha256" 2>/dev/null)" != "$SCRIPT_SUM" ]; then
    rm -rf "$PREFIX" "$WORK"
fi
# An interrupted build goes on from its last finished step (build/python-2.28-work/*.done).
mkdir -p "$PREFIX" "$WORK/src" "$WORK/toolchain"
echo "$SCRIPT_SUM" > "$WORK/build-script.sha256"
TIMES=$PREFIX/build-times.txt
# Niced: other work shares the build machine's cores.
renice -n 10 $$ >/dev/null
step() {  # step NAME COMMAND...: runs the command, writes how long it took
    name=$1
    shift
    [ ! -e "$WORK/$name.done" ] || return 0
    started=$(date +%s)
    ("$@")  # in a subshell: the steps change folders
    echo "$name $(($(date +%s) - started)) s" | tee -a "$TIMES"
    touch "$WORK/$name.done"
}

# --- the compiler: Zig's clang, its glibc 2.28 stubs and headers -----------------------------------------------
install_zig() {
    "$HOST_PYTHON" -m venv "$WORK/zig"
    "$WORK/zig/bin/pip" install --quiet "ziglang==$ZIG_VERSION"
    zig=$("$WORK/zig/bin/python" -c "import ziglang, pathlib; print(pathlib.Path(ziglang.__file__).parent / 'zig')")
    # -fno-sanitize: Zig turns on undefined-behaviour traps in builds without -O, which C code never expects.
    # -Wno-date-time: Zig makes __DATE__ an error (not reproducible); Python's build information uses it.
    # Zig's linker knows the shared library's name as -soname only, Python's Makefile passes -h.
    cat > "$WORK/toolchain/cc" <<CC
#!/bin/sh
for arg; do
    shift
    case \$arg in -Wl,-h*) arg="-Wl,-soname,\${arg#-Wl,-h}" ;; esac
    set -- "\$@" "\$arg"
done
exec "$zig" cc -target x86_64-linux-gnu.2.28 -fno-sanitize=undefined -Wno-date-time "\$@"
CC
    chmod +x "$WORK/toolchain/cc"
}
step zig install_zig
export CC="$WORK/toolchain/cc" AR=ar RANLIB=ranlib
export CFLAGS="-O2 -fPIC" CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" PKG_CONFIG_LIBDIR="$PREFIX/lib/pkgconfig"

# --- the sources: Debian 12's packages --------------------------------------------------------------------------
fetch_sources() {
    sudo_=""
    [ "$(id -u)" = 0 ] || sudo_=sudo
    # dpkg-source unpacks the sources (dpkg-dev brings make and binutils too); perl runs OpenSSL's Configure.
    command -v dpkg-source >/dev/null || $sudo_ apt-get install -y -qq dpkg-dev perl >/dev/null
    if ! apt-get source --print-uris zlib >/dev/null 2>&1; then
        # The main archive's entry only: the security archive's mirror lacks some of its sources.
        awk 'BEGIN { RS = ""; ORS = "\n" } NR == 1' /etc/apt/sources.list.d/debian.sources |
            sed -e 's/^Types: deb$/Types: deb-src/' |
            $sudo_ tee /etc/apt/sources.list.d/heze-deb-src.sources >/dev/null
        $sudo_ apt-get update -qq
    fi
    cd "$WORK/src"
    # Python's own source without Debian's patches (they move site-packages and the install schemes for the
    # system's layout); the libraries with theirs (security fixes).
    apt-get source --download-only python3.11 zlib xz-utils bzip2 libffi openssl >/dev/null
    for dsc in *.dsc; do
        case $dsc in
            python3.11_*) dpkg-source --skip-patches -x "$dsc" python >/dev/null ;;
            *) dpkg-source -x "$dsc" "$(echo "$dsc" | cut -d_ -f1)" >/dev/null ;;
        esac
    done
    cd "$ROOT"
}
step sources fetch_sources
S=$WORK/src

# --- the libraries: static and position-independent, linked into Python's extension modules -------------------
# (xz also shared: the bundle's liblzma.so.5 serves Python's lzma and Pillow's libtiff, installer/elf_needed.py).
# expat and mpdecimal are not built: CPython 3.11 compiles its own copies into pyexpat and _decimal. Nor is
# util-linux's libuuid: Python's uuid module works without its _uuid helper (the app's UUIDv7 come from uuid6).
build_zlib() {
    cd "$S/zlib" && ./configure --static --prefix="$PREFIX" >/dev/null && make -j$JOBS >/dev/null && make install >/dev/null
}
build_bzip2() {
    cd "$S/bzip2" && make -j$JOBS libbz2.a CC="$CC" CFLAGS="$CFLAGS -D_FILE_OFFSET_BITS=64" >/dev/null &&
        install -m 644 libbz2.a "$PREFIX/lib/" && install -m 644 bzlib.h "$PREFIX/include/"
}
build_xz() {
    cd "$S/xz-utils" && ./configure --prefix="$PREFIX" --disable-static --disable-xz --disable-xzdec --disable-lzmadec \
        --disable-lzmainfo --disable-lzma-links --disable-scripts --disable-doc --disable-nls >/dev/null &&
        make -j$JOBS >/dev/null && make install >/dev/null
}
build_libffi() {
    # Without the static trampolines: 3.4.4's tramp.c calls open_temp_exec_file undeclared, which Zig's clang
    # refuses; closures then use libffi's classic executable pages.
    cd "$S/libffi" && ./configure --prefix="$PREFIX" --disable-shared --enable-static --with-pic --disable-docs \
        --disable-multi-os-directory --disable-exec-static-tramp >/dev/null && make -j$JOBS >/dev/null && make install >/dev/null
}
build_openssl() {
    # Only the two libraries (build_libs): no command-line tool, no manuals, no tests.
    cd "$S/openssl" && ./Configure linux-x86_64 no-shared no-tests no-module -fPIC --prefix="$PREFIX" --libdir=lib \
        --openssldir=/etc/ssl >/dev/null && make -j$JOBS build_libs >/dev/null && make install_dev >/dev/null
}
step zlib build_zlib
step bzip2 build_bzip2
step xz build_xz
step libffi build_libffi
step openssl build_openssl

# --- CPython ------------------------------------------------------------------------------------------------------
# Shared libpython (PyInstaller bundles it), found through the run path from bin/ and from lib-dynload's modules.
build_python() {
    cd "$S/python"
    # setup.py, which builds the extension modules, adds the build machine's /usr/local and multiarch
    # /usr/include/x86_64-linux-gnu to every compile: glibc 2.36's headers mixed with Zig's 2.28 ones fail.
    grep -q "glibc 2.28 build" setup.py || sed -i \
        -e 's|^    def add_multiarch_paths(self):$|&\n        return  # glibc 2.28 build: the target headers only|' \
        -e "s|^\( *\)add_dir_to_list(self.compiler.\(library\|include\)_dirs, '/usr/local/.*')$|\1pass|" setup.py
    # (configured already when an interrupted build goes on)
    # The interpreter at configure's own -O3, not the libraries' -O2 (the exported CFLAGS, which make would append
    # to every compile), and with -fno-semantic-interposition: in the shared libpython every call between its own
    # functions otherwise goes through the PLT, and the interpreter's hot paths are such calls.
    [ -e Makefile ] || env -u CFLAGS ./configure --prefix="$PREFIX" --enable-shared --with-openssl="$PREFIX" \
        --with-ensurepip=install --disable-test-modules \
        LDFLAGS="$LDFLAGS -Wl,-Bsymbolic -Wl,-rpath,\\\$\$ORIGIN/../lib -Wl,-rpath,\\\$\$ORIGIN/../.." \
        CFLAGS="-fno-sanitize=undefined -fno-semantic-interposition -fomit-frame-pointer" LIBS="-lpthread" >/dev/null
    # PY3LIBRARY empty: no libpython3.so, the stable ABI's forwarding library, which Zig cannot link (a library of
    # no object of its own) and nothing on Linux loads (abi3 modules do not link libpython).
    env -u CFLAGS make -j$JOBS PY3LIBRARY= >/dev/null 2>"$WORK/python-make.log" || { tail -30 "$WORK/python-make.log"; exit 1; }
    # The test suite is not installed (the app never runs it): most of the installed size and time.
    env -u CFLAGS make install PY3LIBRARY= >/dev/null 2>>"$WORK/python-make.log"
    rm -rf "$PREFIX"/lib/python3.11/test "$PREFIX"/lib/python3.11/idlelib "$PREFIX"/lib/python3.11/tkinter
}
step python build_python
"$PREFIX/bin/python3.11" -c "import ssl, ctypes, lzma, bz2, zlib, _decimal, pyexpat; print(ssl.OPENSSL_VERSION)"
echo "build/python-2.28: glibc floor $(sh installer/glibc-floor.sh "$PREFIX")"
echo "$SCRIPT_SUM" > "$PREFIX/build-script.sha256"
