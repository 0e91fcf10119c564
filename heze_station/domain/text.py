"""Free text as it may be stored, printed on an agreement and reported to the city.

Text arrives pasted from WeChat, web pages and Word, carrying invisible characters: zero-width spaces that
make two identical-looking names differ, bidi overrides that make a printed document read differently from
what was stored, stray control codes that break exports. They are removed here, once, before anything is
saved. Too-long text is refused, never cut: a truncated statement of facts silently changes what was said.
"""

import re
import unicodedata

from .errors import InvalidInput
from .messages import QT_TRANSLATE_NOOP, Message

NAME_MAX = 50
ADDRESS_MAX = 200
FACTS_MAX = 5000
REASON_MAX = 1000

# Cc: control codes. Cf: invisible format characters (zero-width spaces and joiners, BOM, bidi overrides and
# isolates, soft hyphen). Cs: lone surrogates, which cannot be encoded to UTF-8 and would fail at save time.
# Private-use characters (Co) are kept: some input methods put rare characters in personal names there.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_KEPT_CONTROLS = frozenset("\n\t")
_LINE_BREAK_RUN = re.compile(r"\s*[\n\t]\s*")


def clean_text(text: str, *, field: str, max_length: int, required: bool = False) -> str:
    return _checked(_scrubbed(text), field=field, max_length=max_length, required=required)


def clean_line(text: str, *, field: str, max_length: int, required: bool = False) -> str:
    """Like clean_text, for one-line fields such as names and addresses: breaks and tabs become one space."""
    line = _LINE_BREAK_RUN.sub(" ", _scrubbed(text))
    return _checked(line, field=field, max_length=max_length, required=required)


def _scrubbed(text: str) -> str:
    # splitlines() knows every line-break convention (\r\n, \r, U+2028, …), so they all end up as \n.
    text = "\n".join(text.splitlines())
    text = "".join(
        character
        for character in text
        if character in _KEPT_CONTROLS or unicodedata.category(character) not in _INVISIBLE_CATEGORIES
    )
    # NFC after the removal, so a mark separated from its letter by a removed character still composes.
    return unicodedata.normalize("NFC", text).strip()


def _checked(text: str, *, field: str, max_length: int, required: bool) -> str:
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
    return text
