"""What the station app's bundle cuts at build time (installer/README.md) leaves the app able to do: print the same
PDFs, sort and encode Chinese through Qt's ICU, load Pillow's libraries. The installed bundle itself is checked by
make package-check (installer/check-deb.sh)."""

import ctypes
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from heze_station import paths
from heze_station.domain.text import DOCUMENT_FONT, DOCUMENT_FONT_FACE

INSTALLER = Path(__file__).resolve().parent.parent / "installer"
sys.path.insert(0, str(INSTALLER))
import elf_gaps  # noqa: E402 - the installer's modules are scripts beside the spec, not a package
import fonts  # noqa: E402
import icu_data  # noqa: E402

QT_LIBRARIES = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"
TEXT = "菏泽市劳动人事争议调解协议书 申请人：张三 被申请人：某某有限公司 金额：壹万贰仟叁佰元整 ABC 123 《》，。；"


def _font_streams(font_file: Path, folder: Path, name: str) -> list[bytes]:
    pdfmetrics.registerFont(TTFont(name, str(font_file), subfontIndex=DOCUMENT_FONT_FACE))
    pdf = folder / f"{name}.pdf"
    page = canvas.Canvas(str(pdf), invariant=1)
    page.setFont(name, 12)
    page.drawString(40, 700, TEXT)
    page.save()
    return [_inflated(stream) for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf.read_bytes(), re.S)]


def _inflated(stream: bytes) -> bytes:
    try:
        return zlib.decompress(stream)
    except zlib.error:  # a stream reportlab left uncompressed
        return stream


def test_the_bundled_documents_font_prints_the_same_pdf(tmp_path: Path) -> None:
    source = paths.resource(*DOCUMENT_FONT)
    cut = fonts.write(source, DOCUMENT_FONT_FACE, tmp_path / source.name)
    assert cut.stat().st_size < source.stat().st_size * 0.85
    assert _font_streams(cut, tmp_path, "BundledSong") == _font_streams(source, tmp_path, "CheckoutSong")


@pytest.mark.skipif(not (QT_LIBRARIES / "libicudata.so.73").exists(), reason="a PySide6 without ICU 73 (Windows)")
def test_qt_with_the_cut_icu_data_still_sorts_by_pinyin_and_knows_chinese_codecs(tmp_path: Path) -> None:
    library = icu_data.build(QT_LIBRARIES / "libicudata.so.73", tmp_path)
    assert library.stat().st_size < 8 * 1024 * 1024
    script = (
        "from PySide6.QtCore import QCollator, QLocale, QStringEncoder\n"
        "collator = QCollator(QLocale('zh_CN'))\n"
        "print(' '.join(sorted(['张三', '李四', '阿明', '赵六'], key=collator.sortKey)))\n"
        "print(*(QStringEncoder(name).isValid() for name in ('GB18030', 'GBK', 'Big5')))\n"
        "print([line.split()[-1] for line in open('/proc/self/maps') if 'libicudata' in line][0])\n"
    )
    environment = {**os.environ, "LD_PRELOAD": str(library)}
    shown = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert shown == ["阿明 李四 张三 赵六", "True True True", str(library)]


def test_pillows_libxau_without_its_hole_still_loads(tmp_path: Path) -> None:
    pillow_libraries = Path(__import__("PIL").__file__).parent.parent / "pillow.libs"
    found = sorted(pillow_libraries.glob("libXau-*.so*"))
    if not found:
        pytest.skip("this Pillow carries no libXau")
    closed = elf_gaps.closed(found[0], tmp_path)
    assert closed.stat().st_size < found[0].stat().st_size
    function = ctypes.CDLL(str(closed)).XauFileName
    function.restype = ctypes.c_char_p
    assert function()
