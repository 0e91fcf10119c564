"""Personal data as a screen shows it before anyone asks to see it in full."""

import pytest

from heze_station.domain.personal import PersonalField, masked


@pytest.mark.parametrize(
    ("field", "text", "shown"),
    [
        (PersonalField.ID_NUMBER, "37172419660101123X", "371***********123X"),
        (PersonalField.PHONE, "13812345678", "138****5678"),
        (PersonalField.PHONE, "0530-5551234", "053*****1234"),
        (PersonalField.BANK_ACCOUNT, "6228 4800 1234 5678 901", "***************8901"),
        (PersonalField.BANK_ACCOUNT, "62284800", "********"),  # too short to keep any of it back: all hidden
        (PersonalField.PHONE, "1234567", "*******"),
        (PersonalField.PHONE, "  ", ""),
    ],
)
def test_only_the_ends_a_person_checks_against_are_left(field: PersonalField, text: str, shown: str) -> None:
    assert masked(field, text) == shown
