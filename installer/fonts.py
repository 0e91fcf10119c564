"""The two fonts as the bundle carries them: the one face the app reads of each, without what it never reads.

Both are collections. resources/fonts/ar-pl-uming.ttc (21 MiB) holds four faces (AR PL UMing CN, HK, TW, TW MBE)
sharing their outlines, with embedded bitmaps for small sizes on screen; the app reads its first face (CN:
domain/text.py DOCUMENT_FONT_FACE) only through reportlab, which embeds the outlines in the PDFs and never reads
bitmaps. wqy-microhei.ttc (5 MiB) holds WenQuanYi Micro Hei and its Mono twin; the interface uses the first
(ui/fonts.py). The bundle's copy of each is that face alone as a one-font collection (the file name, the face
index, every glyph and metric stay the same), without bitmaps (EBDT/EBLC/EBSC, BDF), FontForge's time stamp
(FFTM) and the glyph names of the PostScript table (post format 3: Qt and reportlab never read them):
17.4 and 4.1 MiB, and the same PDFs byte for byte. The checkout keeps the whole collections with their licences.

Usage: python fonts.py SOURCE.ttc FACE OUTPUT.ttc
"""

import struct
import sys
from pathlib import Path

DROPPED_TABLES = {b"EBDT", b"EBLC", b"EBSC", b"BDF ", b"FFTM"}
POST_HEADER = 32  # the post table's fixed part: version, italic angle, underline, fixed pitch, memory hints


def _tables(collection: bytes, face: int) -> list[tuple[bytes, int, bytes]]:
    """The face's tables as (tag, checksum, data), in the order of its table directory."""
    if collection[:4] != b"ttcf":
        raise ValueError("not a TrueType collection")
    faces = struct.unpack_from(">I", collection, 8)[0]
    if not 0 <= face < faces:
        raise ValueError(f"the collection has {faces} faces, not {face + 1}")
    directory = struct.unpack_from(">I", collection, 12 + 4 * face)[0]
    count = struct.unpack_from(">H", collection, directory + 4)[0]
    tables = []
    for index in range(count):
        tag, checksum, offset, length = struct.unpack_from(">4sIII", collection, directory + 12 + 16 * index)
        tables.append((tag, checksum, collection[offset : offset + length]))
    return tables


def _without_glyph_names(post: bytes) -> bytes:
    return b"\0\3\0\0" + post[4:POST_HEADER]


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def one_face(collection: bytes, face: int) -> bytes:
    """A collection of the one face, without the dropped tables and glyph names; tables 4-byte aligned as the
    format asks."""
    directory = struct.unpack_from(">I", collection, 12 + 4 * face)[0]
    sfnt_version = collection[directory : directory + 4]
    tables = []
    for tag, checksum, data in _tables(collection, face):
        if tag == b"post":
            tables.append((tag, _checksum(_without_glyph_names(data)), _without_glyph_names(data)))
        elif tag not in DROPPED_TABLES:
            tables.append((tag, checksum, data))
    count = len(tables)
    power = 1 << (count.bit_length() - 1)  # the largest power of two <= count, for the binary search fields
    header = b"ttcf" + struct.pack(">HHII", 1, 0, 1, 16)
    offset_table = sfnt_version + struct.pack(">HHHH", count, power * 16, power.bit_length() - 1, (count - power) * 16)
    offset = len(header) + len(offset_table) + 16 * count
    records, bodies = [], []
    for tag, checksum, data in tables:
        records.append(struct.pack(">4sIII", tag, checksum, offset, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        bodies.append(padded)
        offset += len(padded)
    return b"".join([header, offset_table, *records, *bodies])


def write(source: Path, face: int, output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(one_face(source.read_bytes(), face))
    return output


if __name__ == "__main__":
    print(write(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])))
