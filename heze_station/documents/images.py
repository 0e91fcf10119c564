"""PNG pictures on the page (the seal, signatures) as PDF image objects; the station's seal converted once.

reportlab's ``drawImage`` decodes a PNG, hashes its pixels and compresses them again for every document: for the
station's seal (480 pixels square) that took longer than laying out a page of text, and the seal is on nearly every
document the station issues. So the seal's image object is kept, by the PNG's bytes, and each document gets a copy
of it (reportlab marks the objects it writes with the document they belong to). A signature is usually on one
document only: it is converted for that document, the same way. The PDF is byte for byte what ``drawImage`` writes
(same names, same streams).
"""

import copy
import io
import weakref
from functools import lru_cache

from reportlab.lib.boxstuff import aspectRatioFix
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

KEPT_SEALS = 4  # the station's seal, and a new one should it change while the program runs


def _converted(png: bytes) -> pdfdoc.PDFImageXObject:
    """What ``drawImage(ImageReader(png), mask="auto")`` makes, named as it names it."""
    reader = ImageReader(io.BytesIO(png))
    pixels = reader.getRGBData()  # which also splits the transparency off, into a reader of its own
    alpha = reader._dataA
    name = _digester(pixels + (alpha.getRGBData() if alpha else b"auto"))
    image = pdfdoc.PDFImageXObject(name, reader, mask="auto")
    image.name = name
    return image


_kept = lru_cache(maxsize=KEPT_SEALS)(_converted)
# What each document being written already holds: the minutes draw their readers' signatures on every page.
_in_document: weakref.WeakKeyDictionary[pdfdoc.PDFDocument, dict[bytes, pdfdoc.PDFImageXObject]] = (
    weakref.WeakKeyDictionary()
)


def _register(canvas: Canvas, converted: pdfdoc.PDFImageXObject) -> None:
    """Add the image (and its soft mask, the PNG's transparency) to ``canvas``'s document, unless it has it (two
    PNGs of the same pixels are one image, as ``drawImage`` has it)."""
    document = canvas._doc
    registered = document.getXObjectName(converted.name)
    if registered in document.idToObject:
        return
    image = copy.copy(converted)
    document.Reference(image, registered)
    document.addForm(image.name, image)
    mask = image.__dict__.pop("_smask", None)
    if mask is not None:
        mask_name = document.getXObjectName(mask.name)
        if mask_name in document.idToObject:
            image.smask = pdfdoc.PDFObjectReference(mask_name)
        else:
            image.smask = document.Reference(copy.copy(mask), mask_name)


def draw_png(
    canvas: Canvas, png: bytes, x: float, y: float, width: float, height: float, *, seal: bool = False
) -> None:
    """The PNG scaled into the box, keeping its proportions, centred; ``seal``: converted once per process."""
    held = _in_document.setdefault(canvas._doc, {})
    converted = held.get(png)
    if converted is None:
        converted = held[png] = _kept(png) if seal else _converted(png)
        _register(canvas, converted)
    x, y, width, height, _ = aspectRatioFix(True, "c", x, y, width, height, converted.width, converted.height)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas.doForm(converted.name)
    canvas.restoreState()
