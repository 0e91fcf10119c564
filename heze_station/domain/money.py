"""Money is a whole number of fen (分), never a float.

Agreements, payment orders and the amount-recovered statistics must add up to the fen; binary floats
cannot hold 0.10 exactly, so amounts are parsed as decimals and stored as integers.
"""

import re
import unicodedata
from decimal import Decimal

from .errors import refusal
from .messages import QT_TRANSLATE_NOOP

# 100 million yuan is far beyond anything a station mediates; a larger figure is a typing slip.
MAX_FEN = 100_000_000 * 100

_FEN = Decimal("0.01")
_MAX_YUAN = Decimal(MAX_FEN).scaleb(-2)
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_COMMAS_ANYWHERE = re.compile(r"[0-9,]+(?:\.[0-9]+)?")


def parse_yuan(text: str, *, field: str = "amount", allow_zero: bool = False) -> int:
    """Read an amount in yuan as typed by a coordinator ('3,800.50', '¥3800', '３８００元', '人民币3800元整') and
    return fen."""
    # Only text is accepted: a float has already lost precision, and a bare int could be either yuan or fen.
    if not isinstance(text, str):
        raise TypeError(f"parse_yuan expects the text typed by the user, not {type(text).__name__}")
    # NFKC folds full-width digits, commas, points and the full-width yen sign from a Chinese input method; its
    # Chinese punctuation gives "。" for the point. 人民币 before the figures and 元整 after them are how amounts
    # are written on Chinese forms.
    amount = unicodedata.normalize("NFKC", text).replace("。", ".").strip()
    amount = amount.removeprefix("人民币").strip().removeprefix("¥").removesuffix("整").removesuffix("元").strip()
    if not amount:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Enter the amount."))
    if amount.startswith(("-", "−")):
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "The amount cannot be negative."))
    if not (_PLAIN.fullmatch(amount) or _GROUPED.fullmatch(amount)):
        if _COMMAS_ANYWHERE.fullmatch(amount):
            # '38,00' is more likely a slip than 3800; refuse rather than guess.
            raise refusal(
                field,
                QT_TRANSLATE_NOOP("Domain", "Commas may only separate groups of three digits, as in 3,800.50."),
            )
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Enter the amount in figures, for example 3800 or 3,800.50."))
    value = Decimal(amount.replace(",", ""))
    # Compared before any arithmetic, so the decimal context can never round a huge figure into range.
    if value > _MAX_YUAN:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "The amount cannot be more than {maximum}."),
            maximum=format_yuan(MAX_FEN),
        )
    # Trailing zeros are harmless ('3800.500'); only a fraction of a fen is refused.
    if value != value.quantize(_FEN):
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "An amount can have at most 2 decimal places (jiao and fen)."))
    fen = int(value.quantize(_FEN).scaleb(2))
    if fen == 0 and not allow_zero:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "The amount must be more than zero."))
    return fen


def format_yuan(fen: int) -> str:
    """'¥3,800.00' for 380000 fen."""
    # bool is an int subclass; a True here is a bug, not one fen.
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError(f"format_yuan expects whole fen as int, not {type(fen).__name__}")
    if fen < 0:
        raise ValueError(f"format_yuan expects a non-negative amount, got {fen}")
    yuan, rest = divmod(fen, 100)
    return f"¥{yuan:,}.{rest:02d}"


def yuan_in_capitals(fen: int) -> str:
    """'叁仟捌佰元整' for 380000 fen: how agreements and receipts write amounts so that no stroke can change them."""
    format_yuan(fen)  # the same checks: whole fen, not negative
    # Imported here: cn2an loads its tables on import (about 0.1 s), and only printing and agreements need it.
    import cn2an

    yuan, rest = divmod(fen, 100)
    return cn2an.an2cn(f"{yuan}.{rest:02d}", "rmb")
