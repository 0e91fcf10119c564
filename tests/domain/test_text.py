import pytest

from heze_station.domain.errors import InvalidInput
from heze_station.domain.text import (
    ADDRESS_MAX,
    FACTS_MAX,
    NAME_MAX,
    REASON_MAX,
    clean_line,
    clean_name,
    clean_text,
    unprintable,
)


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  张三  ", "张三"),
        ("\u3000张三\u3000", "张三"),
        ("张\u200b三", "张三"),
        ("张\u200c\u200d三", "张三"),
        ("\ufeff张三", "张三"),
        ("\u202e张三\u202c", "张三"),
        ("\u2066张三\u2069", "张三"),
        ("张\u00ad三", "张三"),
        ("张\x00三\x07", "张三"),
        ("第一行\r\n第二行", "第一行\n第二行"),
        ("第一行\r第二行", "第一行\n第二行"),
        ("第一行\u2028第二行", "第一行\n第二行"),
        ("金额\t3800元", "金额\t3800元"),
        ("Jose\u0301", "José"),
        # A combining mark separated from its letter by a zero-width space still composes with it.
        ("Jose\u200b\u0301", "José"),
        # Chinese full-width punctuation is text, not formatting: NFC leaves it alone.
        ("拖欠工资，共计：３８００元（含加班费）", "拖欠工资，共计：３８００元（含加班费）"),
        # Private-use characters stand in for rare name characters in some input methods.
        ("王\ue000", "王\ue000"),
        ("张\udc80三", "张三"),
    ],
)
def test_clean_text(raw: str, cleaned: str) -> None:
    # What is removed and what is kept; whether the documents can print what is kept is checked below.
    assert clean_text(raw, field="facts", max_length=FACTS_MAX, printed=False) == cleaned


def test_inner_blank_lines_are_kept() -> None:
    assert clean_text("甲\n\n乙\n", field="facts", max_length=FACTS_MAX) == "甲\n\n乙"


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", "\u200b", "\ufeff\u3000"])
def test_required_field_left_empty(raw: str) -> None:
    assert clean_text(raw, field="facts", max_length=FACTS_MAX) == ""
    with pytest.raises(InvalidInput) as caught:
        clean_text(raw, field="facts", max_length=FACTS_MAX, required=True)
    assert caught.value.field == "facts"
    assert caught.value.message.render() == "This field is required."


def test_too_long_is_refused_not_truncated() -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_text("字" * (REASON_MAX + 1), field="reason", max_length=REASON_MAX)
    assert caught.value.field == "reason"
    assert caught.value.message.params == {"max_length": REASON_MAX, "length": REASON_MAX + 1}
    assert str(REASON_MAX) in caught.value.message.render()


def test_length_is_counted_after_cleaning() -> None:
    raw = "\u200b" + "字" * NAME_MAX + "\u200b  "
    assert clean_text(raw, field="name", max_length=NAME_MAX) == "字" * NAME_MAX


def test_characters_outside_the_basic_plane_count_once() -> None:
    # 𠀀 (U+20000, CJK Extension B) appears in some personal names.
    assert clean_line("𠀀" * NAME_MAX, field="name", max_length=NAME_MAX, printed=False) == "𠀀" * NAME_MAX


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("菏泽市牡丹区\n人民路 1 号", "菏泽市牡丹区 人民路 1 号"),
        ("菏泽市 \r\n\t 牡丹区", "菏泽市 牡丹区"),
        ("菏泽市\t\t牡丹区", "菏泽市 牡丹区"),
        ("\n 菏泽市牡丹区 \n", "菏泽市牡丹区"),
        ("菏泽\u200b市", "菏泽市"),
    ],
)
def test_clean_line(raw: str, cleaned: str) -> None:
    assert clean_line(raw, field="address", max_length=ADDRESS_MAX) == cleaned


def test_clean_line_required_and_too_long() -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_line(" \n ", field="name", max_length=NAME_MAX, required=True)
    assert caught.value.field == "name"

    with pytest.raises(InvalidInput) as caught:
        clean_line("字" * (ADDRESS_MAX + 1), field="address", max_length=ADDRESS_MAX)
    assert caught.value.field == "address"
    assert caught.value.message.params == {"max_length": ADDRESS_MAX, "length": ADDRESS_MAX + 1}


@pytest.mark.parametrize(
    ("typed", "refused"),
    [
        ("李雷😀", "😀"),
        ("王\ue000", "\ue000"),  # a private-use code some input methods give a rare character
        ("𠀀张😀三𠀀", "😀𠀀"),  # each character once, in code order
    ],
)
def test_what_the_documents_cannot_print_is_refused_naming_the_character(typed: str, refused: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_line(typed, field="workers.0.name", max_length=NAME_MAX)
    assert caught.value.field == "workers.0.name"
    assert caught.value.message.params == {"characters": refused}
    assert f"The documents cannot print “{refused}”" in caught.value.message.render()
    assert unprintable(typed) == sorted(refused)


def test_what_the_documents_print_is_accepted() -> None:
    typed = "阿卜杜热合曼·买买提明 José Müller，拖欠工资３８００元（含加班费）；《劳动法》第四十四条“延长工作时间”。"
    assert clean_text(typed, field="facts", max_length=FACTS_MAX) == typed
    assert unprintable("调解协议书菏泽叁仟佰〔〕壹贰肆伍陆柒捌玖拾万元整角分·（）：；“”《》\n\t ") == []


def test_text_no_document_shows_may_hold_anything() -> None:
    assert clean_line("工资😀", field="search", max_length=NAME_MAX, printed=False) == "工资😀"


@pytest.mark.parametrize(
    ("typed", "as_on_the_card"),
    [
        ("买买提•艾力", "买买提·艾力"),
        ("买买提・艾力", "买买提·艾力"),
        ("买买提‧艾力", "买买提·艾力"),
        ("买买提.艾力", "买买提·艾力"),
        ("买买提 · 艾力", "买买提·艾力"),
        ("张 三", "张三"),
        ("张\u3000三", "张三"),
        ("山东宏达建设(集团)有限公司", "山东宏达建设（集团）有限公司"),
        ("山东宏达建设 （集团） 有限公司", "山东宏达建设（集团）有限公司"),
        ("J. R. Smith", "J. R. Smith"),
        ("Heze (Asia) Ltd.", "Heze (Asia) Ltd."),
    ],
)
def test_a_name_is_kept_as_its_card_or_licence_prints_it(typed: str, as_on_the_card: str) -> None:
    assert clean_name(typed, field="name", max_length=100) == as_on_the_card
