"""A date typed in full into a date field is the date typed, however the field was entered.

Qt's own date fields refused the year typed over a selected field (the date became this year's) and skipped the
month after a typed year ("2025-03-05 08:15" became 2025-12-03 05:08). The odd ways of typing below are those a
hostile tester found the first version of the fix to get wrong.
"""

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QVBoxLayout, QWidget

from heze_station.domain import chinatime
from heze_station.ui.kit.inputs import ChinaTimeEdit, date_edit

MARCH_5 = date(2025, 3, 5)  # never this year: a field that kept its own year would show it
MARCH_5_MORNING = datetime(2025, 3, 5, 8, 15, tzinfo=chinatime.CHINA_TZ)


class Form(QWidget):
    """A date field between two text fields, as on every form."""

    def __init__(self, field: QDateTimeEdit):
        super().__init__()
        self.before, self.field, self.after = QLineEdit(), field, QLineEdit()
        column = QVBoxLayout(self)
        for widget in (self.before, field, self.after):
            column.addWidget(widget)


@pytest.fixture
def form(qtbot) -> Callable[[QDateTimeEdit], Form]:
    def shown(field: QDateTimeEdit) -> Form:
        made = Form(field)
        qtbot.addWidget(made)
        made.show()
        made.activateWindow()
        qtbot.waitUntil(made.isActiveWindow)
        return made

    return shown


def enter(qtbot, form: Form, way: str) -> None:
    """Bring the keyboard to the date field as a person does."""
    form.before.setFocus()
    qtbot.keyClick(form.before, Qt.Key.Key_Tab)
    assert form.field.hasFocus()
    if way == "select all":
        qtbot.keyClick(form.field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    elif way == "home":
        qtbot.keyClick(form.field, Qt.Key.Key_Home)


def leave(qtbot, form: Form) -> None:
    """Tab out of the field's last section (Tab in another section moves to the next, as Qt's date fields do)."""
    qtbot.keyClick(form.field, Qt.Key.Key_Tab)
    assert form.after.hasFocus()


def click_away(qtbot, form: Form) -> None:
    qtbot.mouseClick(form.after, Qt.MouseButton.LeftButton)
    assert form.after.hasFocus()


WAYS = ["tab", "select all", "home"]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("typed", ["2025-03-05", "20250305", "2025/3/5", "2025.3.5"])
def test_a_date_typed_in_full_is_that_date(qtbot, form, way: str, typed: str) -> None:
    shown = form(date_edit())
    enter(qtbot, shown, way)
    qtbot.keyClicks(shown.field, typed)
    leave(qtbot, shown)
    assert shown.field.text() == "2025-03-05"
    assert shown.field.date().toPython() == MARCH_5


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("typed", ["2025-03-05 08:15", "2025-3-5 8:15", "202503050815"])
def test_a_moment_typed_in_full_is_that_moment(qtbot, form, way: str, typed: str) -> None:
    shown = form(ChinaTimeEdit())
    enter(qtbot, shown, way)
    qtbot.keyClicks(shown.field, typed)
    leave(qtbot, shown)
    assert shown.field.text() == "2025-03-05 08:15"
    assert shown.field.value() == MARCH_5_MORNING


def test_a_last_section_typed_with_one_digit_is_completed_on_leaving(qtbot, form) -> None:
    shown = form(ChinaTimeEdit())
    enter(qtbot, shown, "tab")
    qtbot.keyClicks(shown.field, "2025-3-5 8:5")
    leave(qtbot, shown)
    assert shown.field.text() == "2025-03-05 08:05"


def test_coming_back_with_shift_tab_changes_the_day_alone(qtbot, form) -> None:
    shown = form(date_edit(MARCH_5))
    shown.after.setFocus()
    qtbot.keyClick(shown.after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(shown.field, "17")
    assert shown.field.date().toPython() == date(2025, 3, 17)


@pytest.mark.parametrize(
    "typed",
    [
        ["2025", Qt.Key.Key_Shift, "-03-05"],  # Shift on its own, as on the way to a "/" or a Chinese/English switch
        ["2025--03-05"],  # a separator typed twice
        ["2025", "-", Qt.Key.Key_Shift, "-03-05"],
    ],
)
def test_a_slip_between_the_digits_does_not_move_the_date(qtbot, form, typed: list[str | Qt.Key]) -> None:
    shown = form(date_edit())
    enter(qtbot, shown, "tab")
    for step in typed:
        if isinstance(step, str):
            qtbot.keyClicks(shown.field, step)
        else:
            qtbot.keyClick(shown.field, step)
    leave(qtbot, shown)
    assert shown.field.date().toPython() == MARCH_5


def test_two_spaces_between_the_date_and_the_time_are_one(qtbot, form) -> None:
    shown = form(ChinaTimeEdit())
    enter(qtbot, shown, "select all")
    qtbot.keyClicks(shown.field, "2025-03-05  08:15")
    leave(qtbot, shown)
    assert shown.field.value() == MARCH_5_MORNING


def test_a_separator_after_coming_back_moves_on_as_usual(qtbot, form) -> None:
    """The year typed, the field left and entered again: "-" goes from the year to the month, nothing is swallowed."""
    shown = form(date_edit(date(2024, 7, 20)))
    enter(qtbot, shown, "tab")
    qtbot.keyClicks(shown.field, "2025")
    click_away(qtbot, shown)
    enter(qtbot, shown, "tab")
    qtbot.keyClicks(shown.field, "-03")
    click_away(qtbot, shown)
    assert shown.field.date().toPython() == date(2025, 3, 20)


def test_a_time_typed_where_the_year_is_leaves_the_date_alone(qtbot, form) -> None:
    """A ":" is no way out of the year: before, it moved on, and "8:15" turned July into January."""
    shown = form(ChinaTimeEdit(datetime(2024, 7, 20, 14, 30, tzinfo=chinatime.CHINA_TZ)))
    enter(qtbot, shown, "tab")
    qtbot.keyClicks(shown.field, "8:15")
    click_away(qtbot, shown)
    assert shown.field.text() == "2024-07-20 14:30"


def test_a_date_after_2999_cannot_be_typed(qtbot, form) -> None:
    """The city refuses a record dated later (an instalment due in 3025 stopped the agreement's sync for good)."""
    shown = form(date_edit(MARCH_5))
    enter(qtbot, shown, "select all")
    qtbot.keyClicks(shown.field, "3025-03-05")
    leave(qtbot, shown)
    assert shown.field.date().toPython() <= date(2999, 12, 31)
