"""The document face: AR PL UMing CN, a Ming (Song) face with simplified glyphs, shipped in resources/fonts.

reportlab embeds TrueType outlines only, and subsets them, so every PDF carries just the glyphs it uses and prints
the same on a station PC that has no Chinese font at all. The collection's first face (index 0) is the CN one.
"""

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths

FONT_FILE = "ar-pl-uming.ttc"
SONG = "HezeSong"
_CN_FACE = 0


@cache
def register() -> str:
    """Register the face once per process (parsing the 20 MB collection takes a moment) and return its name."""
    pdfmetrics.registerFont(TTFont(SONG, str(paths.resource("fonts", FONT_FILE)), subfontIndex=_CN_FACE))
    return SONG


def missing_glyphs(text: str) -> list[str]:
    """Characters the face cannot draw; they would print as empty boxes."""
    face = pdfmetrics.getFont(register()).face
    return sorted(
        {character for character in text if not character.isspace() and ord(character) not in face.charToGlyph}
    )
