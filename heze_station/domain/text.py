"""Free text as it may be stored, printed on an agreement and reported to the city.

Text arrives pasted from WeChat, web pages and Word, carrying invisible characters: zero-width spaces that
make two identical-looking names differ, bidi overrides that make a printed document read differently from
what was stored, stray control codes that break exports. They are removed here, once, before anything is
saved. Too-long text is refused, never cut: a truncated statement of facts silently changes what was said.

Text is also refused when the documents cannot print it: whatever a field accepts, every document of the case can
print. The documents' face (embedded in each PDF, see documents/fonts.py) decides what that is: a character it
lacks (an emoji, a rare character typed through a private-use code) would print as an empty box, so it is refused
where it is typed, with that field's message, rather than later by every document of the case.
"""

import re
import unicodedata
from functools import cache

from .. import paths
from .errors import InvalidInput
from .messages import QT_TRANSLATE_NOOP, Message

NAME_MAX = 50
ADDRESS_MAX = 200
FACTS_MAX = 5000
REASON_MAX = 1000

# The face every document is set in (AR PL UMing CN, the collection's first face), embedded in each PDF.
DOCUMENT_FONT = ("fonts", "ar-pl-uming.ttc")
DOCUMENT_FONT_FACE = 0

# Cc: control codes. Cf: invisible format characters (zero-width spaces and joiners, BOM, bidi overrides and
# isolates, soft hyphen). Cs: lone surrogates, which cannot be encoded to UTF-8 and would fail at save time.
# Private-use characters (Co) are not removed: some input methods put rare characters in personal names there.
# The document face has none of them, so a printed field refuses them with its message (see unprintable).
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_KEPT_CONTROLS = frozenset("\n\t")
_SEPARATORS = frozenset("\u2028\u2029")  # a line and a paragraph separator: breaks, for splitlines()
_LINE_BREAK_RUN = re.compile(r"\s*[\n\t]\s*")


def clean_text(text: str, *, field: str, max_length: int, required: bool = False, printed: bool = True) -> str:
    """``printed=False`` only for text no document shows (a search, a file name, a server address)."""
    return _checked(_scrubbed(text), field=field, max_length=max_length, required=required, printed=printed)


def clean_line(text: str, *, field: str, max_length: int, required: bool = False, printed: bool = True) -> str:
    """Like clean_text, for one-line fields such as names and addresses: breaks and tabs become one space."""
    line = _LINE_BREAK_RUN.sub(" ", _scrubbed(text))
    return _checked(line, field=field, max_length=max_length, required=required, printed=printed)


def clean_name(text: str, *, field: str, required: bool = False, max_length: int = NAME_MAX) -> str:
    """A person's or a company's name as the resident ID card or the business licence prints it, so that the same
    person or company typed twice is one name.

    In a Chinese name, the look-alikes of the middle dot that separates the parts of many peoples' names
    (买买提·艾力) become that dot, brackets become the full-width ones of registered company names
    (山东宏达建设（集团）有限公司), and spaces between the characters go ("张  三": two-character names are padded
    to line up with three). Typed as they came, they printed differently from the card or licence, a repeat
    complaint against the same company went unnoticed, and the next case of the same ID number was refused for a
    name that looked the same. A name in Latin letters keeps its points, brackets and spaces.
    """
    return as_registered(clean_line(text, field=field, max_length=max_length, required=required))


def as_registered(name: str) -> str:
    """A name in the form clean_name keeps, to compare a name stored before it (or by an older station) with one
    typed now."""
    if _HAN.search(name):
        return _SPACE_BETWEEN_HAN.sub("", name.translate(_HAN_NAME_FORMS))
    return name


def half_width_brackets(name: str) -> str:
    """A registered company name as stations typed it before clean_name: its brackets half-width."""
    return name.replace("（", "(").replace("）", ")")


_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_NAME_FORMS = str.maketrans({**dict.fromkeys("•・‧∙⋅･.．", "·"), "(": "（", ")": "）"})
_SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u3400-\u9fff·（）])\s+(?=[\u3400-\u9fff·（）])")


@cache
def _printable() -> frozenset[int]:
    # Imported and read on the first check only (a tenth of a second): most of the program never needs it.
    from reportlab.pdfbase.ttfonts import TTFontFile

    face = TTFontFile(str(paths.resource(*DOCUMENT_FONT)), subfontIndex=DOCUMENT_FONT_FACE)
    return frozenset(face.charToGlyph)


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` the document face cannot draw, each once (white space is not drawn at all)."""
    printable = _printable()
    return sorted({character for character in text if not character.isspace() and ord(character) not in printable})


def invisible(character: str) -> bool:
    """A character nothing shows (see _INVISIBLE_CATEGORIES) or that breaks the line: none belongs in a name that a
    page heading or one row of a listing shows, where a direction mark reverses what follows and a tab, line break
    or terminal escape forges or hides a column."""
    return unicodedata.category(character) in _INVISIBLE_CATEGORIES or character in _SEPARATORS


def _scrubbed(text: str) -> str:
    # splitlines() knows every line-break convention (\r\n, \r, U+2028, …), so they all end up as \n.
    text = "\n".join(text.splitlines())
    text = "".join(character for character in text if character in _KEPT_CONTROLS or not invisible(character))
    # NFC after the removal, so a mark separated from its letter by a removed character still composes.
    return unicodedata.normalize("NFC", text).strip()


def _checked(text: str, *, field: str, max_length: int, required: bool, printed: bool) -> str:
    if required and not text:
        raise InvalidInput(field, Message(QT_TRANSLATE_NOOP("Domain", "This field is required.")))
    if len(text) > max_length:
        raise InvalidInput(
            field,
            Message(
                QT_TRANSLATE_NOOP("Domain", "At most {max_length} characters are allowed; this has {length}."),
                {"length": len(text), "max_length": max_length},
            ),
        )
    if printed and (missing := unprintable(text)):
        raise InvalidInput(
            field,
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The documents cannot print “{characters}”: the document font has no such character, so a printed "
                    "copy would show an empty box. Use the common form of the character, or leave it out.",
                ),
                {"characters": "".join(missing)},
            ),
        )
    return text
