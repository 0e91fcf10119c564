"""The passwords a person may choose: long enough, and not among a thief's first guesses (zxcvbn's estimate)."""

import pytest

from heze_station.domain.accounts import Weakness, check_new_password, weakness
from heze_station.domain.errors import InvalidInput

KNOWN = ("zhang", "张调解", "城区驿站")  # the login, the person's name, the station's name


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("12345678", Weakness.COMMON),
        ("woaini1314", Weakness.COMMON),  # common in China too
        ("p4ssw0rd1", Weakness.COMMON),  # letters swapped for digits fool nobody
        ("88888888", Weakness.REPEATS),
        ("城区驿站城区驿站", Weakness.REPEATS),
        ("zxcvbnm,./", Weakness.RUNS),
        ("19850312ab", Weakness.DATES),  # a birthday: the longest part guessed is what to avoid
        ("zhang_2026", Weakness.NAMES),
        ("城区驿站2026", Weakness.NAMES),
        ("heze2026", Weakness.PINYIN),  # the city's name
        ("wangjing1", Weakness.PINYIN),  # a common name in pinyin, whoever's it is
        # A name with a year or a number (a thief's list of names by birth years is about 10^5 long).
        ("wangwei1985", Weakness.PINYIN),
        ("xiaoming1990", Weakness.PINYIN),
        ("liuyang@1990", Weakness.PINYIN),
        ("wangjing88", Weakness.PINYIN),
        ("mudan2026", Weakness.PINYIN),  # the city's districts and counties
        ("caoxian2026", Weakness.PINYIN),
    ],
)
def test_a_guessable_password_is_refused_saying_what_makes_it_so(password: str, why: Weakness) -> None:
    assert weakness(password, KNOWN) is why
    with pytest.raises(InvalidInput) as refused:
        check_new_password(password, field="new_password", known=KNOWN)
    assert refused.value.field == "new_password"
    said = refused.value.message.render()
    assert said.startswith(why.label)
    assert "a few words or a short sentence" in said


@pytest.mark.parametrize(
    "password",
    [
        "heze-station-night-shift",
        "hezestation2026",
        "正确的密码 correct horse",
        "我家门口有两棵枣树",
        "x" * 27 + "qmVt4#Lw9" + "y" * 92,  # 128 characters: judged on its first 72 (zxcvbn's limit)
    ],
)
def test_a_password_hard_to_guess_is_kept_exactly_as_typed(password: str) -> None:
    assert check_new_password(password, known=KNOWN) == password


def test_the_length_rules_come_before_the_guessing() -> None:
    with pytest.raises(InvalidInput, match="at least 8"):
        check_new_password("1234567")
    with pytest.raises(InvalidInput, match="at most 128"):
        check_new_password("长" * 129)
