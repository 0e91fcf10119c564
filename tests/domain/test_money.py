from decimal import Decimal

import pytest

from heze_station.domain.errors import InvalidInput
from heze_station.domain.money import MAX_FEN, format_yuan, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("3800", 380_000),
        ("3,800.50", 380_050),
        ("3800.5", 380_050),
        ("3800.500", 380_050),
        ("３８００", 380_000),
        ("３，８００．５０", 380_050),
        ("¥3800", 380_000),
        ("￥3,800", 380_000),
        ("¥ 3800", 380_000),
        ("3800元", 380_000),
        (" 3800 元 ", 380_000),
        # As amounts are written on Chinese forms, and the point of a Chinese input method's punctuation.
        ("3800元整", 380_000),
        ("3,800元整", 380_000),
        ("人民币3800元", 380_000),
        ("人民币 ¥3,800.50", 380_050),
        ("3800。5", 380_050),
        ("0.01", 1),
        ("0.10", 10),
        ("12,345,678.90", 1_234_567_890),
        ("100000000", MAX_FEN),
        ("100,000,000.00", MAX_FEN),
    ],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Enter the amount"),
        ("   ", "Enter the amount"),
        ("¥", "Enter the amount"),
        ("元", "Enter the amount"),
        ("-100", "cannot be negative"),
        ("¥-100", "cannot be negative"),
        ("−100", "cannot be negative"),
        ("abc", "in figures"),
        ("叁仟捌佰元", "in figures"),
        ("1e5", "in figures"),
        ("NaN", "in figures"),
        ("Infinity", "in figures"),
        ("3 800", "in figures"),
        (".5", "in figures"),
        ("3800.", "in figures"),
        ("38,00", "groups of three digits"),
        ("3800,000", "groups of three digits"),
        ("3,800.505", "2 decimal places"),
        ("0.001", "2 decimal places"),
        ("100000000.01", "more than ¥100,000,000.00"),
        ("1" + "0" * 40, "more than ¥100,000,000.00"),
        ("0", "more than zero"),
        ("0.00", "more than zero"),
    ],
)
def test_parse_yuan_refuses(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_yuan(text, field="claimed_wages")
    assert caught.value.field == "claimed_wages"
    assert fragment in caught.value.message.render()


def test_sub_fen_fraction_is_not_rounded_away_by_the_decimal_context() -> None:
    # 29 significant digits: more than the default decimal precision of 28.
    with pytest.raises(InvalidInput) as caught:
        parse_yuan("1.0000000000000000000000000001")
    assert caught.value.field == "amount"
    assert "2 decimal places" in caught.value.message.render()


@pytest.mark.parametrize("text", ["0", "0.00", "¥0"])
def test_zero_allowed_when_asked(text: str) -> None:
    assert parse_yuan(text, allow_zero=True) == 0


@pytest.mark.parametrize("value", [3800.5, 3800, Decimal("3800"), None])
def test_parse_yuan_accepts_only_text(value: object) -> None:
    with pytest.raises(TypeError):
        parse_yuan(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (1, "¥0.01"),
        (10, "¥0.10"),
        (380_000, "¥3,800.00"),
        (380_050, "¥3,800.50"),
        (1_234_567_890, "¥12,345,678.90"),
        (MAX_FEN, "¥100,000,000.00"),
    ],
)
def test_format_yuan(fen: int, text: str) -> None:
    assert format_yuan(fen) == text


@pytest.mark.parametrize("fen", [1, 99, 100, 380_050, MAX_FEN])
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen


def test_format_yuan_refuses_negative() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        format_yuan(-1)


@pytest.mark.parametrize("value", [3800.0, Decimal("3800"), True])
def test_format_yuan_refuses_non_int(value: object) -> None:
    with pytest.raises(TypeError):
        format_yuan(value)  # type: ignore[arg-type]
