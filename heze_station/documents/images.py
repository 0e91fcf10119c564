"""PNG pictures on the page (the seal, signatures), converted to PDF image objects once per process.

reportlab's ``drawImage`` decodes a PNG, hashes its pixels and compresses them again for every document: for the
station's seal (480 pixels square) that took longer than laying out a page of text. The seal is on nearly every
document the station issues, and a signer's signature on several of a case's documents, so the converted image is
kept, by the PNG's bytes, and each document gets a copy of it: reportlab marks the objects it writes with the
document they belong to. The PDF is byte for byte what ``drawImage`` writes (same names, same streams).
"""

import copy
import io
from functools import lru_cache

from reportlab.lib.boxstuff import aspectRatioFix
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

KEPT_IMAGES = 64  # one station's seal, and the signatures of the cases being worked on


@lru_cache(maxsize=KEPT_IMAGES)
def _converted(png: bytes) -> pdfdoc.PDFImageXObject:
    """What ``drawImage(ImageReader(png), mask="auto")`` makes, named as it names it."""
    reader = ImageReader(io.BytesIO(png))
    pixels = reader.getRGBData()  # which also splits the transparency off, into a reader of its own
    alpha = reader._dataA
    name = _digester(pixels + (alpha.getRGBData() if alpha else b"auto"))
    image = pdfdoc.PDFImageXObject(name, reader, mask="auto")
    image.name = name
    return image


def _register(canvas: Canvas, converted: pdfdoc.PDFImageXObject) -> None:
    """Add the image (and its soft mask, the PNG's transparency) to ``canvas``'s document, once."""
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


def draw_png(canvas: Canvas, png: bytes, x: float, y: float, width: float, height: float) -> None:
    """The PNG scaled into the box, keeping its proportions, centred."""
    converted = _converted(png)
    _register(canvas, converted)
    x, y, width, height, _ = aspectRatioFix(True, "c", x, y, width, height, converted.width, converted.height)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas.doForm(converted.name)
    canvas.restoreState()
