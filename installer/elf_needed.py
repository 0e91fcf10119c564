"""Pillow's libraries pointed at the copies of zstd, xz and xcb that the bundle or the station has already.

Pillow's wheel carries its own renamed copies of libzstd (0.8 MiB), liblzma and libxcb with libXau (auditwheel's
``libzstd-40ad5e7e.so.1.5.7``), for its TIFF reader and its screen grabber, which the station never uses. The same
libraries are there anyway: liblzma.so.5 in the bundle for Python's lzma module, libzstd.so.1 and libxcb.so.1 on
the station's system for Qt (the .deb depends on libzstd1 and libxcb1). Their names in the libraries that need
them (libtiff's and _imaging's NEEDED and version-needed entries) are rewritten in place to the common sonames, and
the copies left out: 1.2 MiB. Each of these is a library of a stable interface (zstd's streaming functions, xz's
XZ_5.0 version, the core xcb protocol) that every station's version has.

Usage: python elf_needed.py LIBRARY OUTPUT_FOLDER  ->  prints the rewritten copy's path, or the library's own.
"""

import re
import struct
import sys
from pathlib import Path

from elf_gaps import saved_copy  # a script beside this one, as the spec and the bundle test import them

# auditwheel's name of a copied library -> the soname it stands for: libzstd-40ad5e7e.so.1.5.7 -> libzstd.so.1
SHARED = re.compile(rb"(libzstd|liblzma|libxcb|libXau)-[0-9a-f]{8}\.so\.(\d+)[.\d]*")


def replaced_by_shared(name: str) -> bool:
    """Whether a library of Pillow's wheel is one of the copies the bundle leaves out."""
    return SHARED.fullmatch(name.encode("ascii")) is not None


def _dynamic_strings(elf: bytes) -> tuple[int, int]:
    """Where the .dynstr section lies in the file: (offset, size)."""
    section_headers = struct.unpack_from("<Q", elf, 0x28)[0]
    section_size, section_count, names_index = struct.unpack_from("<HHH", elf, 0x3A)
    names_offset = struct.unpack_from("<Q", elf, section_headers + names_index * section_size + 24)[0]
    for index in range(section_count):
        header = section_headers + index * section_size
        name = struct.unpack_from("<I", elf, header)[0]
        if elf[names_offset + name : elf.index(b"\0", names_offset + name)] == b".dynstr":
            return struct.unpack_from("<QQ", elf, header + 24)
    raise ValueError("no .dynstr section")


def relinked(library: Path, folder: Path) -> Path:
    """``library`` itself, or its copy in ``folder`` needing the common sonames instead of the wheel's copies."""
    elf = bytearray(library.read_bytes())
    if elf[:6] != b"\x7fELF\x02\x01":  # 64-bit little-endian ELF only
        return library
    offset, size = _dynamic_strings(elf)
    strings = bytes(elf[offset : offset + size])
    # Each name is replaced by its shorter soname padded with zeros: every offset into the table stays valid.
    rewritten = SHARED.sub(lambda found: (found[1] + b".so." + found[2]).ljust(len(found[0]), b"\0"), strings)
    if rewritten == strings:
        return library
    elf[offset : offset + size] = rewritten
    return saved_copy(library, elf, folder)


if __name__ == "__main__":
    print(relinked(Path(sys.argv[1]), Path(sys.argv[2])))
