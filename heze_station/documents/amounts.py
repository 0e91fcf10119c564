"""Amounts as an agreement prints them: in figures and in Chinese capitals (大写), from whole fen."""

import cn2an

from ..domain.money import format_yuan, yuan_in_capitals


def figures(fen: int) -> str:
    """'¥3,800.00'."""
    return format_yuan(fen)


def capitals(fen: int) -> str:
    """'叁仟捌佰元整' for 380000 fen; capitals cannot be altered by adding a stroke, so a court trusts them."""
    return yuan_in_capitals(fen)


def both(fen: int) -> str:
    """'人民币叁仟捌佰元整（¥3,800.00）', the form a term of the agreement uses."""
    return f"人民币{capitals(fen)}（{figures(fen)}）"


def count_in_capitals(count: int) -> str:
    """'叁' for 3: the number of originals, written so that it cannot be changed."""
    return cn2an.an2cn(count, "up")
