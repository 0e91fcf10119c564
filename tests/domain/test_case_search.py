"""A search's words, why a case matched them, and what of a search the audit trail keeps."""

from heze_station.domain.audit import without_numbers
from heze_station.domain.case_search import Hit, SearchField, hits, search_words


def test_words_are_split_on_any_space_each_once() -> None:
    assert search_words(" 李  磊\u3000李 ") == ["李", "磊"]


def test_a_hit_names_the_field_and_shows_personal_numbers_masked_but_for_what_was_typed() -> None:
    fields = [
        (SearchField.NAME, "李磊"),
        (SearchField.ID_NUMBER, "371724196603020151"),
        (SearchField.EMPLOYER, "菏泽远航建筑劳务有限公司"),
        (SearchField.FACTS, ""),
    ]
    assert hits(["磊"], fields) == [Hit(SearchField.NAME, "李磊")]
    assert hits(["１９６６", "远航"], fields) == [
        Hit(SearchField.ID_NUMBER, "371***1966****0151"),
        Hit(SearchField.EMPLOYER, "菏泽远航建筑劳务有限公司"),
    ]


def test_a_number_typed_in_pieces_is_kept_out_of_the_audit_trail_as_a_whole() -> None:
    assert without_numbers("李磊 371724196601011234 13912345678") == "李磊 37**************** 13*********"
    assert without_numbers("371724 1966") == "37**** ****"
    assert without_numbers("37172 41966 01011 234") == "***** ***** ***** ***"
    # Short numbers say what was looked for without naming anybody: a case's sequence, a year.
    assert without_numbers("第0001号 2026") == "第0001号 2026"
    # Pieces joined by dashes, dots or full-width marks, and an ID number's final X, as people copy them.
    assert without_numbers("139-1234-0817") == "***-****-****"
    assert without_numbers("3729-0119-9003-0712-3X") == "****-****-****-****-**"
    assert without_numbers("１３９．１２３４．０８１７") == "***．****．****"
    assert without_numbers("37170219850615007x") == "37****************"


def test_numbers_in_groups_of_three_digits_or_more_are_words_apart_and_amounts_and_dates_stay_whole() -> None:
    assert search_words("2026-0001 139-1234-0817") == ["2026", "0001", "139", "1234", "0817"]
    # Split, an amount or a date would find every case holding its digits anywhere (a reviewer's).
    assert search_words("3.5万 2025-6-1 2025-06-01") == ["3.5万", "2025-6-1", "2025-06-01"]
