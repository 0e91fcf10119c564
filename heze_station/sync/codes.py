"""One-time enrolment codes as people copy them from paper: read the same way by the station and the server.

Codes use Crockford's base 32 without I, L, O and U, so a letter typed for a look-alike digit can only mean that
digit. Spaces, dashes and case do not matter, and a Chinese input method's full-width characters (８ＦＡ５－…) are
read as the ASCII ones.
"""

import unicodedata

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 bits
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def canonical_code(text: str) -> str:
    """8fa5 ww0r-d4wo -> 8FA5WW0RD4W0: the code's characters only, as the server stores it."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).replace("-", "").upper().translate(_LOOK_ALIKES)


def display_code(text: str) -> str:
    """A code in groups of four, as printed: 8FA5-WW0R-D4W0."""
    raw = canonical_code(text)
    return "-".join(raw[start : start + 4] for start in range(0, len(raw), 4))
