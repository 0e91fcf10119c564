"""The document face: AR PL UMing CN, a Ming (Song) face with simplified glyphs, shipped in resources/fonts.

reportlab embeds TrueType outlines only, and subsets them, so every PDF carries just the glyphs it uses and prints
the same on a station PC that has no Chinese font at all. The collection's first face (index 0) is the CN one.
"""

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths
from ..domain.text import DOCUMENT_FONT, DOCUMENT_FONT_FACE

FONT_FILE = DOCUMENT_FONT[-1]
SONG = "HezeSong"


@cache
def register() -> str:
    """Register the face once per process (parsing the 20 MB collection takes a moment) and return its name."""
    pdfmetrics.registerFont(TTFont(SONG, str(paths.resource(*DOCUMENT_FONT)), subfontIndex=DOCUMENT_FONT_FACE))
    return SONG
