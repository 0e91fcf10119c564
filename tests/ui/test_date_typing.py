"""A date typed in full into a date field is the date typed, however the field was entered.

Qt's own date fields refused the year typed over a selected field (the date became this year's) and skipped the
month after a typed year ("2025-03-05 08:15" became 2025-12-03 05:08).
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
    qtbot.keyClick(form.field, Qt.Key.Key_Tab)
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
