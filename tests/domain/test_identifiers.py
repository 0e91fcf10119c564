from datetime import date

import pytest
from stdnum.cn import ric, uscc

from heze_station.domain.agreements import normalise_account_number
from heze_station.domain.errors import InvalidInput
from heze_station.domain.identifiers import (
    ResidentId,
    Sex,
    credit_code_checksum_ok,
    mask_resident_id,
    normalise_mobile,
    normalise_phone,
    parse_credit_code,
    parse_resident_id,
)

TODAY = date(2025, 6, 1)


def with_check_character(first_17: str) -> str:
    # calc_check_digit ignores the last character it is given, so any placeholder will do.
    return first_17 + ric.calc_check_digit(first_17 + "0")


# ---- Resident ID ----


@pytest.mark.parametrize(
    ("text", "number", "birth_date", "sex"),
    [
        # Published example (GB 11643 illustrations), lower-case x as typed on a phone keyboard.
        ("11010519491231002x", "11010519491231002X", date(1949, 12, 31), Sex.FEMALE),
        # Heze, former county-level 菏泽市 (372901), 17th digit 3: male.
        ("372901199003151237", "372901199003151237", date(1990, 3, 15), Sex.MALE),
        # Heze 牡丹区 (371702), 17th digit 6: female; spaces as copied from a form.
        ("371702 19990808 4563", "371702199908084563", date(1999, 8, 8), Sex.FEMALE),
        # Leap day.
        ("371702200002290040", "371702200002290040", date(2000, 2, 29), Sex.FEMALE),
        # Full-width digits from a Chinese input method.
        ("３７２９０１１９９００３１５１２３７", "372901199003151237", date(1990, 3, 15), Sex.MALE),
    ],
)
def test_valid_resident_ids(text: str, number: str, birth_date: date, sex: Sex) -> None:
    assert parse_resident_id(text, today=TODAY) == ResidentId(number=number, birth_date=birth_date, sex=sex)


def test_constructed_examples_agree_with_stdnum() -> None:
    assert with_check_character("37290119900315123") == "372901199003151237"
    assert with_check_character("37170219990808456") == "371702199908084563"
    assert ric.is_valid("11010519491231002X")


def test_region_code_need_not_have_existed_in_the_birth_year() -> None:
    # 372901 was only assigned in 1983, but people born earlier were registered under it; stdnum refuses them.
    number = "372901196301010025"
    assert not ric.is_valid(number)
    assert parse_resident_id(number, today=TODAY).birth_date == date(1963, 1, 1)


def test_birth_date_today_is_accepted() -> None:
    number = with_check_character("37170220250601002")
    assert parse_resident_id(number, today=TODAY).birth_date == TODAY


def test_default_today_is_used_when_none_given() -> None:
    assert parse_resident_id("372901199003151237").number == "372901199003151237"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Enter the ID number"),
        ("   ", "Enter the ID number"),
        ("372901900315123", "old 15-digit"),
        ("37290119900315123", "18 characters, this has 17"),
        ("3729011990031512377", "18 characters, this has 19"),
        ("3729011990A3151237", "first 17 characters"),
        ("37290119900315123Y", "digit or X"),
        (with_check_character("37290119900230123"), "not a real date of birth"),
        (with_check_character("37290119901301123"), "not a real date of birth"),
        (with_check_character("37290118991231123"), "before 1900"),
        (with_check_character("37170220250602002"), "in the future"),
        (with_check_character("37170220300101002"), "in the future"),
        ("372901199003151238", "The last character should be 7"),
        ("11010519491231002Y", "digit or X"),
        ("110105194912310021", "The last character should be X"),
    ],
)
def test_invalid_resident_ids(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_resident_id(text, field="worker_id", today=TODAY)
    assert caught.value.field == "worker_id"
    assert fragment in caught.value.message.render()


def test_invalid_resident_id_default_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_resident_id("372901199003151238", today=TODAY)
    assert caught.value.field == "id_number"
    assert caught.value.message.params == {"expected": "7"}


def test_resident_id_repr_does_not_leak_the_number() -> None:
    resident = parse_resident_id("372901199003151237", today=TODAY)
    assert "199003151" not in repr(resident)
    assert "372***********1237" in repr(resident)


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("370102199001011234", "370***********1234"),
        ("11010519491231002X", "110***********002X"),
        ("1234567", "*******"),
        ("", ""),
    ],
)
def test_mask_resident_id(number: str, masked: str) -> None:
    assert mask_resident_id(number) == masked


# ---- Unified social credit code ----


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("91110000600037341L", "91110000600037341L"),
        ("91110000600037341l", "91110000600037341L"),
        ("9111 0000 6000 3734 1L", "91110000600037341L"),
        ("91371700168812345X", "91371700168812345X"),
        # Sole trader (个体工商户) with a new-style MA… organisation code.
        ("92371702MA3C4R5T87", "92371702MA3C4R5T87"),
        # Village collective economic organisation: registered by agriculture departments, first character N.
        ("N2371702075239010D", "N2371702075239010D"),
    ],
)
def test_valid_credit_codes(text: str, code: str) -> None:
    assert parse_credit_code(text) == code
    assert credit_code_checksum_ok(code)


def test_constructed_credit_codes_agree_with_stdnum() -> None:
    assert uscc.is_valid("91110000600037341L")
    assert uscc.is_valid("91371700168812345X")
    assert uscc.calc_check_digit("N2371702075239010") == "D"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Enter the unified social credit code"),
        ("9111000060003734", "18 characters, this has 16"),
        ("91110000600037341LL", "18 characters, this has 19"),
        ("91110000600037341I", '"I" cannot appear'),
        ("9111000060003734OL", '"O" cannot appear'),
        ("91110000600037341*", '"*" cannot appear'),
        ("91A10000600037341L", "Characters 3 to 8"),
        ("91110000600037341M", "The last character should be L"),
    ],
)
def test_invalid_credit_codes(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_credit_code(text, field="employer_code")
    assert caught.value.field == "employer_code"
    assert fragment in caught.value.message.render()


def test_checksum_failure_accepted_with_a_reason() -> None:
    code = parse_credit_code("91110000600037341m", override_reason="Licence issued 2015 in a pilot county")
    assert code == "91110000600037341M"
    assert not credit_code_checksum_ok(code)


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_checksum_failure_refused_without_a_real_reason(reason: str | None) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_credit_code("91110000600037341M", override_reason=reason)
    assert caught.value.field == "credit_code"
    assert caught.value.message.params == {"expected": "L"}


@pytest.mark.parametrize("text", ["9111000060003734", "91110000600037341I"])
def test_reason_does_not_excuse_a_malformed_code(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_credit_code(text, override_reason="pilot region")


# ---- Mobile ----


@pytest.mark.parametrize(
    "text",
    [
        "13812345678",
        " 138 1234 5678 ",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+86-13812345678",
        "008613812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "138—1234—5678",  # the dash a Chinese input method gives
        "138–1234–5678",  # and the one Word puts in
    ],
)
def test_valid_mobiles(text: str) -> None:
    assert normalise_mobile(text) == "13812345678"


def test_number_starting_with_86_is_not_mistaken_for_country_code() -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_mobile("86138123456")
    assert "starts with 13 to 19" in caught.value.message.render()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Enter the mobile number"),
        (" - ", "Enter the mobile number"),
        ("138 1234 567", "11 digits, this has 10"),
        ("+86 138 1234 567", "11 digits, this has 10"),
        ("138123456789", "11 digits, this has 12"),
        ("12812345678", "starts with 13 to 19"),
        ("+86 128 1234 5678", "starts with 13 to 19"),
        ("(0530) 5612345", "only digits, spaces and dashes"),
        ("+1 415 555 0100", "only digits, spaces and dashes"),
        ("138l2345678", "only digits, spaces and dashes"),
    ],
)
def test_invalid_mobiles(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_mobile(text, field="worker_phone")
    assert caught.value.field == "worker_phone"
    assert fragment in caught.value.message.render()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0530-5123456", "0530-5123456"),
        ("05305123456", "0530-5123456"),
        ("(0530)5123456", "0530-5123456"),
        ("0530—5123456", "0530-5123456"),
        # Beijing's and 02x area codes have two digits after the 0: without a dash the number used to split after
        # four, stored as 0106-2345678.
        ("01062345678", "010-62345678"),
        ("021 8765 4321", "021-87654321"),
        ("+86 10 62345678", "010-62345678"),
        ("+86 530 5123456", "0530-5123456"),
        ("400-800-8888", "400-800-8888"),
        ("4008008888", "400-800-8888"),
        ("800 820 8820", "800-820-8820"),
        ("+86 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
    ],
)
def test_a_companys_phone_is_stored_as_dialled_in_china(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["0106-2345678", "5123456", "0530-512345"])
def test_a_landline_without_a_real_area_code_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_phone(typed, field="employer.phone")
    assert "area code and a 7 or 8 digit number" in caught.value.message.render()


@pytest.mark.parametrize(
    "typed", ["6228 4800 1234 5678 902", "6228-4800-1234-5678-902", "６２２８４８００１２３４５６７８９０２"]
)
def test_a_bank_account_number_is_read_however_its_groups_are_typed(typed: str) -> None:
    assert normalise_account_number(typed, field="account_number") == "6228480012345678902"
