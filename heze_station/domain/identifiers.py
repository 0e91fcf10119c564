"""Resident ID numbers, unified social credit codes and mobile numbers, checked where they are typed.

A wrong ID number or credit code on a mediation agreement or payment order names the wrong person or
company, so each check refuses with a message that tells the coordinator what to look at on the card or
licence. The check-character arithmetic comes from python-stdnum, not from here (rules.md, "Identifiers").
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidComponent

from . import chinatime
from .errors import refusal
from .messages import QT_TRANSLATE_NOOP

_EARLIEST_BIRTH_YEAR = 1900


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"

    @property
    def label(self) -> str:
        return QT_TRANSLATE_NOOP("Domain", "Male") if self is Sex.MALE else QT_TRANSLATE_NOOP("Domain", "Female")


@dataclass(frozen=True, repr=False)
class ResidentId:
    """A checked 18-character resident ID number (GB 11643) and what it encodes."""

    number: str
    birth_date: date
    sex: Sex

    def __repr__(self) -> str:
        # Reprs end up in logs and tracebacks; the full number is sensitive personal information (PIPL).
        return f"ResidentId({mask_resident_id(self.number)!r})"


def _compact(text: str) -> str:
    # NFKC turns full-width digits and letters from a Chinese input method into ASCII.
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def parse_resident_id(text: str, *, field: str = "id_number", today: date | None = None) -> ResidentId:
    number = _compact(text)
    if not number:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Enter the ID number."))
    if len(number) == 15 and number.isascii() and number.isdigit():
        raise refusal(
            field,
            QT_TRANSLATE_NOOP(
                "Domain",
                "This is an old 15-digit ID number. Enter the 18-character number from the current ID card.",
            ),
        )
    if len(number) != 18:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "An ID number must have 18 characters, this has {length}."),
            length=len(number),
        )
    if not re.fullmatch(r"[0-9]{17}", number[:17]):
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "The first 17 characters of an ID number must be digits."))
    if not re.fullmatch(r"[0-9X]", number[17]):
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "The last character of an ID number must be a digit or X."))
    try:
        birth_date = ric.get_birth_date(number)
    except InvalidComponent:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "Digits 7 to 14 of this ID number are not a real date of birth."),
        ) from None
    if birth_date.year < _EARLIEST_BIRTH_YEAR:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "The date of birth in this ID number is before 1900."))
    if birth_date > (today or chinatime.today()):
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "The date of birth in this ID number is in the future."))
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        # A mistyped digit usually shows up here, so send the coordinator back to the card rather than
        # inviting them to change the last character until the check passes.
        raise refusal(
            field,
            QT_TRANSLATE_NOOP(
                "Domain", "The last character should be {expected}. Check every digit against the ID card."
            ),
            expected=expected,
        )
    # stdnum's validate() is not used: it also requires the region code to have existed in the birth year,
    # which refuses real people. A Heze resident born before 1983 who was registered under 372901 (the
    # former county-level 菏泽市, 1983-2000) holds a valid number that validate() rejects.
    sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    return ResidentId(number=number, birth_date=birth_date, sex=sex)


def mask_resident_id(number: str) -> str:
    """Show the first 3 and last 4 characters only, as on-screen display requires (rules.md)."""
    if len(number) <= 7:
        # Too short to keep anything back once 7 characters are shown: hide it all rather than leak it.
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


# GB 32100: digits and capital letters except I, O, S, V and Z; characters 3-8 are the region code (digits).
# The first two may be letters. stdnum accepts only digits there, which would refuse rural collective
# economic organisations (N…) and army units (A…), so the format is checked here and only the checksum
# comes from stdnum.
_CREDIT_CODE_CHARACTER = re.compile(r"[0-9A-HJ-NP-RT-UW-Y]")
_CREDIT_CODE = re.compile(r"[0-9A-HJ-NP-RT-UW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RT-UW-Y]{10}")


def credit_code_checksum_ok(code: str) -> bool:
    """Whether the 18th character matches the first 17; ``code`` must already be well-formed."""
    return uscc.calc_check_digit(code) == code[17]


def parse_credit_code(text: str, *, field: str = "credit_code", override_reason: str | None = None) -> str:
    """Return the normalised code. A failed checksum is accepted only with a reason, which the caller
    records: some codes issued in early pilot regions are legal yet fail it (rules.md)."""
    code = uscc.compact(unicodedata.normalize("NFKC", text))
    if not code:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Enter the unified social credit code."))
    if len(code) != 18:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "A unified social credit code has 18 characters, this has {length}."),
            length=len(code),
        )
    for character in code:
        if not _CREDIT_CODE_CHARACTER.fullmatch(character):
            raise refusal(
                field,
                QT_TRANSLATE_NOOP(
                    "Domain",
                    '"{character}" cannot appear in a credit code: only digits and capital letters '
                    "other than I, O, S, V and Z are used.",
                ),
                character=character,
            )
    if not _CREDIT_CODE.fullmatch(code):
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "Characters 3 to 8 of a credit code are the region code and must be digits."),
        )
    if not credit_code_checksum_ok(code) and not (override_reason and override_reason.strip()):
        raise refusal(
            field,
            QT_TRANSLATE_NOOP(
                "Domain",
                "The last character should be {expected}. Check the code against the business licence; "
                "if the licence really shows this code, give the reason to accept it.",
            ),
            expected=uscc.calc_check_digit(code),
        )
    return code


_MOBILE = re.compile(r"1[3-9][0-9]{9}")


# Dashes a Chinese input method or a word processor gives for "-" (NFKC folds only the full-width one).
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"))


def folded(text: str) -> str:
    """Digits as typed with a Chinese input method, made plain: full-width forms and any dash become ASCII."""
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def normalise_mobile(text: str, *, field: str = "phone") -> str:
    number = re.sub(r"[\s-]", "", folded(text))
    if not number:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Enter the mobile number."))
    # +86 and 0086 are unambiguous; a bare 86 is taken as the country code only when 11 digits follow it.
    number = re.sub(r"^(?:\+86|0086|86(?=[0-9]{11}$))", "", number)
    if not re.fullmatch(r"[0-9]+", number):
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "A mobile number may contain only digits, spaces and dashes."))
    if len(number) != 11:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "A mobile number has 11 digits, this has {length}."),
            length=len(number),
        )
    if not _MOBILE.fullmatch(number):
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "A mobile number starts with 13 to 19; check the first two digits."),
        )
    return number


# A mainland landline: trunk 0, an area code, a 7-8 digit local number. Beijing's 010 and 020-029 have two digits
# after the 0, every other area three (菏泽 is 0530): typed without a dash, that is how the number splits.
_LANDLINE = re.compile(r"(0(?:10|2[0-9])|0[3-9][0-9]{2})-?([2-9][0-9]{6,7})")
# A company's nationwide service number: 400-800-8888.
_SERVICE_NUMBER = re.compile(r"([48]00)-?([0-9]{3})-?([0-9]{4})")


def normalise_phone(text: str, *, field: str = "phone") -> str:
    """A company's phone: a mobile number, a landline with its area code stored as 0530-5123456, or a 400 or 800
    service number stored as 400-800-8888."""
    compact = re.sub(r"[\s()（）]", "", folded(text))
    # From abroad a landline is dialled without its trunk 0: +86 530 5123456 is 0530-5123456.
    compact = re.sub(r"^(?:\+86|0086)-?(?=10|[2-9])", "0", compact)
    for pattern in (_LANDLINE, _SERVICE_NUMBER):
        if known := pattern.fullmatch(compact):
            return "-".join(known.groups())
    # What is left starts with 0 (a landline without a real area code) or another digit than a mobile's 1 (a local
    # number without its area code); a mobile with 86 before it goes on to be read as one.
    looks_local = compact[:1] in set("23456789") and not re.fullmatch(r"86[0-9]{11}", compact)
    if (compact.startswith("0") and not compact.startswith("00")) or looks_local:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "A landline is the area code and a 7 or 8 digit number, e.g. 0530-5123456."),
        )
    return normalise_mobile(text, field=field)
