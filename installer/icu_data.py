"""ICU's data library cut down to what the station app's Qt uses: the spec (heze-station.spec) swaps it in.

PySide6's wheels carry ICU (libicuuc/libicui18n, which QtCore links) with all of ICU's data, 31 MiB in
libicudata.so.73, the single largest file of the bundle. Qt uses ICU for text codecs beyond UTF, collation
(QCollator), case mapping and time-zone names; a station reads and writes Chinese and English. Kept: every item
that is not a locale's (normalisation, properties, character names, time-zone rules, the shared string pools, the
collation base table ...), the root, English and Chinese locales of the trees Qt reads, and the converters of
Chinese (GB18030, GBK, GB2312, Big5, HKSCS) and Western (Windows, ISO 8859, DOS Latin) code pages. Left out: the
other ~800 locales, the trees Qt never reads (below), and the other converters (EBCDIC, Japanese, Korean, Mac,
X11 compound text). A locale or codec left out is missing as ICU knows it: ICU falls back to the root locale, and
Qt reports the codec as unavailable.

The data is a "common data" package (a header, a table of contents of name and data offsets, then the items, each
16-byte aligned) held by one exported symbol, ``icudt73_dat``. The new library is that package assembled and linked
with binutils (which PyInstaller needs anyway): no C library, so it needs no glibc version either.

Usage: python icu_data.py LIBICUDATA OUTPUT_FOLDER  ->  prints the new library's path.
"""

import re
import struct
import subprocess
import sys
from pathlib import Path

LOCALE = re.compile(r"^([a-z]{2,3}|root)(_[A-Za-z0-9]*)*$")  # "de_" is an alias item too
KEPT_LANGUAGES = ("root", "en", "zh")
# Qt 6.11 calls only ucnv_ (codecs), ucol_ (collation), ucal_ (time-zone names) and u_strToUpper/Lower
# (objdump -T over its libraries): it never opens a break iterator, transliterator, unit, number-spelling
# or currency formatter.
DROPPED_TREES = ("brkitr", "translit", "rbnf", "unit", "curr")
CONVERTERS = (
    # Chinese: GB18030, GBK, GB2312 (EUC-CN, ISO-IR-165), Big5, HKSCS, CNS 11643 (ISO-2022-CN), EUC-TW
    "gb18030", "windows-936-", "ibm-1383_", "ibm-1386_", "ibm-5478_", "iso-ir-165", "windows-950-", "ibm-950_",
    "ibm-1373_", "ibm-1375_", "ibm-5471_", "cns-11643-",
    # Western: Windows 125x, ISO 8859, DOS Latin
    "ibm-5346_", "ibm-5347_", "ibm-5348_", "ibm-5349_", "ibm-5350_", "ibm-5351_", "ibm-5352_", "ibm-5353_",
    "ibm-5354_", "ibm-912_", "ibm-913_", "ibm-914_", "ibm-915_", "ibm-916_", "ibm-920_", "ibm-921_", "ibm-923_",
    "iso-8859_", "ibm-437_", "ibm-850_", "ibm-858_",
)  # fmt: skip
ALIGNMENT = 16


def kept(name: str) -> bool:
    """Whether an item of the package ("icudt73l/coll/zh.res") stays."""
    _package, *folders, file = name.split("/")
    stem, _, extension = file.rpartition(".")
    if folders and folders[0] in DROPPED_TREES:
        return False
    if extension == "cnv":
        return file.startswith(CONVERTERS)
    if extension == "res" and LOCALE.match(stem):
        return stem.split("_")[0] in KEPT_LANGUAGES
    return True


def _items(package: bytes) -> tuple[int, list[tuple[str, bytes]]]:
    header_size = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, header_size)[0]
    toc = [struct.unpack_from("<II", package, header_size + 4 + 8 * index) for index in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(toc):
        start = header_size + name_offset
        name = package[start : package.index(b"\0", start)].decode("ascii")
        end = header_size + toc[index + 1][1] if index + 1 < count else len(package)
        items.append((name, package[header_size + data_offset : end]))
    return header_size, items


def _pad(size: int) -> int:
    return -size % ALIGNMENT


def trim(package: bytes) -> bytes:
    """The package with only the items ``kept`` says stay, in the same (sorted) order ICU searches them in."""
    header_size, items = _items(package)
    items = [(name, data) for name, data in items if kept(name)]
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in items)
    toc_size = 4 + 8 * len(items)
    names_end = toc_size + len(names)
    data_offset = names_end + _pad(header_size + names_end)
    entries, body, name_offset = [], bytearray(), toc_size
    for name, data in items:
        entries.append(struct.pack("<II", name_offset, data_offset + len(body)))
        name_offset += len(name) + 1
        body += data
        body += b"\0" * _pad(header_size + data_offset + len(body))
    return b"".join(
        [
            package[:header_size],
            struct.pack("<I", len(items)),
            *entries,
            names,
            b"\0" * (data_offset - names_end),
            bytes(body),
        ]
    )


def _package_of(library: Path) -> tuple[str, bytes]:
    """The exported data symbol's name and bytes, found through objdump's view of the library."""
    symbols = subprocess.run(["objdump", "-T", str(library)], capture_output=True, text=True, check=True).stdout
    value, *_flags, size, name = next(line.split() for line in symbols.splitlines() if "icudt" in line)
    sections = subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True, check=True).stdout
    rodata = next(line.split() for line in sections.splitlines() if " .rodata " in line)
    start = int(rodata[5], 16) + int(value, 16) - int(rodata[3], 16)  # file offset of the section + the offset in it
    return name, library.read_bytes()[start : start + int(size, 16)]


def build(library: Path, folder: Path) -> Path:
    """A library with the same name, soname and symbol as ``library`` holding the trimmed package."""
    symbol, package = _package_of(library)
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"{symbol}.dat"
    data.write_bytes(trim(package))
    source = folder / f"{symbol}.s"
    source.write_text(
        f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign {ALIGNMENT}\n"
        f'{symbol}:\n.incbin "{data}"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    objects = folder / f"{symbol}.o"
    output = folder / library.name
    subprocess.run(["as", "--64", "-o", str(objects), str(source)], check=True)
    subprocess.run(["ld", "-shared", "-soname", library.name, "-o", str(output), str(objects)], check=True)
    return output


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
