"""Shared libraries with the hole auditwheel's patchelf leaves closed: the spec passes every binary through here.

When auditwheel renames a wheel's bundled libraries (libXau.so.6 -> libXau-154567c4.so.6.0.0), patchelf puts the
rewritten dynamic tables in a new segment at the next 2 MiB boundary of the file; Pillow's libXau is 8 KiB of code
followed by 2 MiB of zeros. Closing the hole moves that segment (and the section headers after it) down to the
next 4 KiB page, where its file offset still matches its address modulo the page size, and lowers the segments'
alignment to the page size (x86-64's, which the loader maps them with): the same library, 2 MiB smaller. The
addresses inside the library do not change, only where its bytes sit in the file.

Usage: python elf_gaps.py LIBRARY OUTPUT_FOLDER  ->  prints the closed copy's path, or the library's own.
"""

import struct
import sys
from pathlib import Path

PAGE = 0x1000
WORTH_CLOSING = 0x10000  # holes below 64 KiB are the ordinary padding between segments
LOAD = 1  # a program header's type
NOBITS = 8  # a section's type: no bytes in the file (.bss)


def _align(value: int) -> int:
    return -(-value // PAGE) * PAGE


def _ranges(elf: bytearray) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """The program and section headers' positions, and every stretch of the file something occupies."""
    program_headers, section_headers = struct.unpack_from("<QQ", elf, 0x20)
    program_size, program_count, section_size, section_count = struct.unpack_from("<HHHH", elf, 0x36)
    programs = [program_headers + index * program_size for index in range(program_count)]
    sections = [section_headers + index * section_size for index in range(section_count)]
    used = [(0, program_headers + program_size * program_count)]
    used.append((section_headers, section_headers + section_size * section_count))
    for header in programs:
        offset, size = struct.unpack_from("<Q", elf, header + 8)[0], struct.unpack_from("<Q", elf, header + 32)[0]
        used.append((offset, offset + size))
    for header in sections:
        if struct.unpack_from("<I", elf, header + 4)[0] != NOBITS:
            offset, size = struct.unpack_from("<QQ", elf, header + 24)
            used.append((offset, offset + size))
    return programs, sections, used


def _closed_once(elf: bytearray) -> bool:
    """Closes the first hole before a loaded segment; False when there is none worth closing."""
    programs, sections, used = _ranges(elf)
    for header in programs:
        kind, _flags, offset, address = struct.unpack_from("<IIQQ", elf, header)
        before = max((end for start, end in used if start < offset), default=0)
        target = _align(before) + address % PAGE
        if kind == LOAD and offset - target >= WORTH_CLOSING:  # nothing a header points to lies in between
            break
    else:
        return False
    moved = offset - target
    for header in programs:
        kind, _flags, header_offset = struct.unpack_from("<IIQ", elf, header)
        if header_offset >= offset:
            struct.pack_into("<Q", elf, header + 8, header_offset - moved)
        if kind == LOAD and struct.unpack_from("<Q", elf, header + 48)[0] > PAGE:
            struct.pack_into("<Q", elf, header + 48, PAGE)
    for header in sections:
        section_offset = struct.unpack_from("<Q", elf, header + 24)[0]
        if section_offset >= offset:
            struct.pack_into("<Q", elf, header + 24, section_offset - moved)
    section_headers = struct.unpack_from("<Q", elf, 0x28)[0]
    if section_headers >= offset:
        struct.pack_into("<Q", elf, 0x28, section_headers - moved)
    del elf[target:offset]
    return True


def closed(library: Path, folder: Path) -> Path:
    """``library`` itself, or its copy in ``folder`` with its holes closed."""
    elf = bytearray(library.read_bytes())
    if elf[:6] != b"\x7fELF\x02\x01":  # 64-bit little-endian ELF only
        return library
    changed = False
    while _closed_once(elf):
        changed = True
    if not changed:
        return library
    return saved_copy(library, elf, folder)


def saved_copy(library: Path, elf: bytearray, folder: Path) -> Path:
    """The changed ``elf`` written under ``library``'s name in ``folder``, with its mode: the original (in the
    build's virtual environment) is never touched."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / library.name
    copy.write_bytes(elf)
    copy.chmod(library.stat().st_mode)
    return copy


if __name__ == "__main__":
    print(closed(Path(sys.argv[1]), Path(sys.argv[2])))
