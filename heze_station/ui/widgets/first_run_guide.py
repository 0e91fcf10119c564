"""The first-run guide on an empty workbench: what to do first at a new station, each step with the button that does it.

The workbench shows it while the station has no case at all, and it goes once the first is registered. The steps act
through the main window's own menu actions, so a button is offered to whom the menu offers it (and enabled when the
menu's entry is): a step only the administrator may do tells anyone else to ask the administrator.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QProcess, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ..kit import palette

if TYPE_CHECKING:
    from ..main_window import MainWindow


@dataclass(frozen=True)
class GuideStep:
    title: str
    explanation: str
    actions: tuple[QAction, ...]


class StepButton(QPushButton):
    """A button that triggers a menu action and is shown and enabled as that action is."""

    def __init__(self, action: QAction, parent: QWidget | None = None):
        # The menu's mnemonic ("&A", in Chinese "(&A)") would clash with the window's menus as a button's.
        super().__init__(re.sub(r"\(&.\)|&", "", action.text()), parent)
        self.action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.setVisible(self.action.isVisible())
        self.setEnabled(self.action.isEnabled())

    @property
    def offered(self) -> bool:
        return self.action.isVisible()


class FirstRunGuide(QWidget):
    """A card of numbered steps at the top of the space it is given."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        card = QFrame()
        card.setObjectName("firstRunGuide")
        card.setStyleSheet(
            f"#firstRunGuide {{ border: 1px solid #d5dbe3; border-left: 4px solid {palette.OFFICIAL_RED};"
            " border-radius: 4px; background: palette(base); }"
        )
        heading = QLabel(self.tr("A new station: start here"))
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.lead = QLabel(
            self.tr(
                "This station has no case yet. These steps get it ready; this guide goes once the first case is "
                "registered."
            )
        )
        self.lead.setWordWrap(True)
        self.steps = QGridLayout()
        self.steps.setHorizontalSpacing(12)
        self.steps.setVerticalSpacing(10)
        self.steps.setColumnStretch(1, 1)
        self.buttons: list[list[StepButton]] = []
        inside = QVBoxLayout(card)
        inside.setContentsMargins(16, 10, 16, 12)
        inside.addWidget(heading)
        inside.addWidget(self.lead)
        inside.addLayout(self.steps)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        # Below the card, the room the deadlines and recent activity take once there are cases.
        layout.addStretch(1)

    def set_steps(self, steps: Sequence[GuideStep]) -> None:
        for row, step in enumerate(steps):
            number = QLabel(QLocale().toString(row + 1))
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setFixedSize(26, 26)
            number.setStyleSheet(f"background: {palette.NAVY}; color: white; border-radius: 13px; font-weight: bold;")
            title = QLabel(step.title)
            title.setStyleSheet("font-weight: bold;")
            explanation = QLabel(step.explanation)
            explanation.setWordWrap(True)
            explanation.setStyleSheet(f"color: {palette.MUTED};")
            text = QVBoxLayout()
            text.setSpacing(2)
            text.addWidget(title)
            text.addWidget(explanation)
            # Made with their parent: a parentless button that its action shows would be a window of its own.
            buttons = [StepButton(action, self) for action in step.actions]
            row_buttons = QHBoxLayout()
            for button in buttons:
                row_buttons.addWidget(button)
            if not any(button.offered for button in buttons):
                row_buttons.addWidget(QLabel(self.tr("The station's administrator does this.")))
            self.steps.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self.steps.addLayout(text, row, 1)
            self.steps.addLayout(row_buttons, row, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(buttons)

    def offer_station_steps(self, window: MainWindow) -> None:
        """The steps of a new station, acting through ``window``'s menus and pages."""
        register = QAction(self.tr("Register the first complaint (Ctrl+N)"), self)
        register.triggered.connect(lambda: window.show_page(window.pages.indexOf(window.intake)))
        demo = QAction(self.tr("Open the demo station"), self)
        demo.triggered.connect(lambda: self.open_demo_station(window.workspace.context.data_dir))
        self.set_steps(
            [
                GuideStep(
                    self.tr("Check the station's details and seal (settings)"),
                    self.tr(
                        "Documents carry the station's name, its mediation committee and seal: set the seal image, "
                        "the court applications go to and the local minimum wage."
                    ),
                    (window.seal_action, window.court_action),
                ),
                GuideStep(
                    self.tr("Add the staff's accounts"),
                    self.tr(
                        "Each coordinator and mediator signs in with an account of his own; the timeline names who "
                        "did what."
                    ),
                    (window.accounts_action,),
                ),
                GuideStep(
                    self.tr("Register the first complaint"),
                    self.tr("One worker or a collective; a collective's workers can come from a roster spreadsheet."),
                    (register,),
                ),
                GuideStep(
                    self.tr("Connect to the city's platform"),
                    self.tr(
                        "With the address and one-time code from the city bureau, the station's cases reach the city."
                    ),
                    (window.enrol_action, window.sync_window_action),
                ),
                GuideStep(
                    self.tr("Look around the demo station"),
                    self.tr(
                        "A separate station of generated cases, in a window of its own, to try every step; it never "
                        "mixes with this station's records."
                    ),
                    (demo,),
                ),
            ]
        )

    def open_demo_station(self, data_dir: Path) -> None:
        """The demo station in a program of its own, so that this station stays open beside it."""
        program, arguments = demo_command(data_dir)
        started, _pid = QProcess.startDetached(program, arguments)
        if not started:
            QMessageBox.warning(
                self,
                self.tr("Demo station"),
                self.tr("The demo station could not be started. Start it with `heze-station --demo`."),
            )


def demo_command(data_dir: Path) -> tuple[str, list[str]]:
    """This program started again on the demo beside ``data_dir``: the installed bundle's executable, or this
    Python with the package."""
    language = "zh_CN" if QLocale().language() is QLocale.Language.Chinese else "en"
    arguments = ["--demo", "--data-dir", str(data_dir), "--lang", language]
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-m", "heze_station", *arguments]
