"""Collecting signatures (收集签名): one dialog walks every signer a document needs, in order, with the pad.

The list on the left shows every required signer with a tick for those who have signed, and a line above it
always says who is still missing. The right side is the signer whose turn it is: the name prefilled, the pad shown.
Each signature is saved as soon as it is recorded, so closing the dialog keeps what was signed; a signer who is not
there yet is skipped for later, and the walk comes back to them once the others are done.

``SignatureCollector`` is the flow; a document says who signs and how a signature is recorded in a subclass:
``AgreementSignatures`` for the mediation agreement (here), ``ApplicationSignatures`` for the oral application
record (views.application_signature).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreements import WORKER_SIDE, SignerRole, SignerSlot
from ...domain.errors import DomainError
from ...services import agreements
from ...services.agreements import AgreementView, CaseAgreements
from .. import formatting
from ..i18n import render
from ..kit.ask import ask
from ..kit.form import error_text
from ..kit.palette import BANNER_STYLE, ERROR_STYLE, GOOD
from ..widgets.signature_pad import SignaturePad
from ..workspace import Workspace

SIGNED_MARK = "✓"
MISSING_MARK = "○"


@dataclass(frozen=True)
class Signee:
    """One signature the document needs. ``key`` tells the subclass whose it is; ``name_on_file``: the signer signs
    under the name the file holds (a worker), which cannot be typed over."""

    key: Any
    role: str
    name: str
    signed_by: str | None
    name_on_file: bool = False

    @property
    def signed(self) -> bool:
        return self.signed_by is not None


class SignatureCollector(QDialog):
    """The flow. Subclasses fill ``signees`` (``show_signees``) and implement ``record``."""

    def __init__(self, workspace: Workspace, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(title)
        self.setModal(True)
        self.signees: list[Signee] = []
        self.current: Signee | None = None
        self.skipped: set[Any] = set()

        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        self.missing.setStyleSheet(BANNER_STYLE)
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.name = QLineEdit()
        self.name.setMaxLength(50)
        name_row = QHBoxLayout()
        name_caption = QLabel(self.tr("&Name of the signer"))
        name_caption.setBuddy(self.name)
        name_row.addWidget(name_caption)
        name_row.addWidget(self.name, 1)
        self.pad = SignaturePad()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.pad.changed.connect(self.problem.clear)
        self.undo_button = self._button(self.tr("&Undo stroke"), self.pad.undo)
        self.clear_button = self._button(self.tr("C&lear"), self.pad.clear)
        self.skip_button = self._button(self.tr("S&kip for later"), self.skip)
        self.sign_button = self._button(self.tr("&Record signature"), self.sign)
        self.sign_button.setDefault(True)
        pad_buttons = QHBoxLayout()
        for button in (self.undo_button, self.clear_button):
            pad_buttons.addWidget(button)
        pad_buttons.addStretch(1)
        pad_buttons.addWidget(self.skip_button)
        pad_buttons.addWidget(self.sign_button)
        self.signer_box = QWidget()
        self.signer_layout = QVBoxLayout(self.signer_box)
        self.signer_layout.setContentsMargins(0, 0, 0, 0)
        self.signer_layout.addWidget(self.heading)
        self.signer_layout.addLayout(name_row)
        self.signer_layout.addWidget(self.pad, 1)
        self.signer_layout.addLayout(pad_buttons)
        self.done_label = QLabel(self.tr("Everyone has signed."))
        self.done_label.setStyleSheet(f"color: {GOOD}; font-weight: bold;")
        self.done_label.hide()

        right = QVBoxLayout()
        right.addWidget(self.signer_box, 1)
        right.addWidget(self.done_label)
        right.addWidget(self.problem)
        columns = QHBoxLayout()
        columns.addWidget(self.list)
        columns.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.missing)
        self.layout_.addLayout(columns, 1)
        self.layout_.addWidget(self.buttons)
        self.resize(820, 520)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- what the subclass provides ---------------------------------------------------------------------------

    def record(self, signee: Signee, name: str, png: bytes | None) -> None:
        """Save one signature in the background, then call ``signed`` (or ``refused``)."""
        raise NotImplementedError

    def still_missing(self) -> list[str]:
        """What the document still lacks, one line each: by default the signers who have not signed."""
        return [
            self.tr("{name} ({role})").format(name=s.name, role=s.role) if s.name else s.role
            for s in self.signees
            if not s.signed
        ]

    def name_for(self, signee: Signee) -> str:
        """The name to prefill for whoever signs for ``signee``."""
        return signee.name

    # -- the walk ---------------------------------------------------------------------------------------------

    def show_signees(self, signees: list[Signee]) -> None:
        """Show who has signed and who not, and turn to the next one missing."""
        self.signees = signees
        self.list.clear()
        for signee in signees:
            mark = SIGNED_MARK if signee.signed else MISSING_MARK
            who = signee.signed_by or signee.name
            text = f"{mark} " + (self.tr("{role}: {name}").format(role=signee.role, name=who) if who else signee.role)
            if signee.key in self.skipped and not signee.signed:
                text += " " + self.tr("(later)")
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, signee.key)
            if signee.signed:
                entry.setForeground(QColor(GOOD))
            self.list.addItem(entry)
        self._show_missing()
        self._turn_to(self._next())

    def _show_missing(self) -> None:
        missing = self.still_missing()
        if missing:
            lines = "".join(f"\n• {line}" for line in missing)
            self.missing.setText(self.tr("Still missing ({n}):").format(n=len(missing)) + lines)
            self.missing.setStyleSheet(BANNER_STYLE)
        else:
            self.missing.setText(self.tr("Nothing is missing."))
            self.missing.setStyleSheet(f"color: {GOOD}; padding: 6px;")

    def _next(self) -> Signee | None:
        """The first one missing in order who was not skipped; once only the skipped are left, them again."""
        waiting = [s for s in self.signees if not s.signed]
        fresh = [s for s in waiting if s.key not in self.skipped]
        if not fresh:
            self.skipped.clear()
        return (fresh or waiting or [None])[0]

    def _turn_to(self, signee: Signee | None) -> None:
        self.current = signee
        self.pad.clear()
        self.problem.clear()
        self.signer_box.setVisible(signee is not None)
        self.done_label.setVisible(signee is None)
        if signee is None:
            self.list.clearSelection()
            return
        self.list.setCurrentRow(self.signees.index(signee))
        self.heading.setText(
            self.tr("Now signing: {name} ({role})").format(name=signee.name, role=signee.role)
            if signee.name
            else self.tr("Now signing: {role}").format(role=signee.role)
        )
        self.name.setText(self.name_for(signee))
        self.name.setReadOnly(signee.name_on_file)
        self.pad.setFocus()

    def _chosen(self, entry: QListWidgetItem) -> None:
        key = entry.data(Qt.ItemDataRole.UserRole)
        signee = next(s for s in self.signees if s.key == key)
        if not signee.signed:
            self._turn_to(signee)

    def skip(self) -> None:
        """The signer is not here: on to the next one; the skipped come back once the others have signed."""
        if self.current is None:
            return
        self.skipped.add(self.current.key)
        self.show_signees(self.signees)

    def sign(self) -> None:
        if self.current is None:
            return
        png = self.pad.to_png() if not self.pad.is_empty() else None
        if png is None and not self.signed_on_paper():
            self.problem.setText(self.tr("Nothing is signed yet: sign in the box, or skip this signer for later."))
            return
        self.sign_button.setEnabled(False)
        self.record(self.current, self.name.text(), png)

    def signed_on_paper(self) -> bool:
        """The subclass may accept a signature given on paper instead of the pad."""
        return False

    def signed(self, signees: list[Signee]) -> None:
        self.sign_button.setEnabled(True)
        self.show_signees(signees)

    def refused(self, error: Exception) -> None:
        self.sign_button.setEnabled(True)
        if isinstance(error, DomainError):
            self.problem.setText(error_text(error))
        else:
            self.workspace.show_error(error, self)

    def missing_names(self) -> list[str]:
        """The names shown as missing in the list, in order (for the tests and the screen reader alike)."""
        return [s.name for s in self.signees if not s.signed]


class AgreementSignatures(SignatureCollector):
    """The agreement's signers (domain.agreements.signers_in_order), then the seals and bringing it into effect."""

    def __init__(self, workspace: Workspace, agreement: AgreementView, number: str, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Collect signatures – {number}").format(number=number), parent)
        self.agreement = agreement
        self.by_agent = QCheckBox(self.tr("An authorised &agent signs for this worker"))
        self.by_agent.toggled.connect(self._agent_toggled)
        self.on_paper = QCheckBox(self.tr("Signed on the printed agreement (nothing drawn here)"))
        self.signer_layout.insertWidget(2, self.by_agent)
        self.signer_layout.insertWidget(3, self.on_paper)
        self.employer_seal = self._button(self.tr("Employer's seal a&pplied"), self._record_employer_seal)
        self.seal = self._button(self.tr("Apply station s&eal"), self._apply_seal)
        self.effect = self._button(self.tr("Agreement takes e&ffect"), self._take_effect)
        for button in (self.employer_seal, self.seal, self.effect):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_agreement(agreement)

    def show_agreement(self, agreement: AgreementView) -> None:
        self.agreement = agreement
        self.employer_seal.setVisible(agreement.employer_seal_needed)
        self.employer_seal.setEnabled(agreement.employer_sealed_at is None)
        self.seal.setEnabled(agreement.seal_applied_at is None)
        self.effect.setEnabled(not agreement.missing)
        self.effect.setDefault(not agreement.missing)
        self.show_signees([self._signee(slot) for slot in agreement.signers])

    def _signee(self, slot: SignerSlot) -> Signee:
        return Signee(
            key=(slot.role, slot.person_id),
            role=formatting.label(slot.role),
            name=slot.name,
            signed_by=slot.signed_by,
            name_on_file=slot.role in WORKER_SIDE,
        )

    def still_missing(self) -> list[str]:
        return [render(message) for message in self.agreement.missing]

    def name_for(self, signee: Signee) -> str:
        role, _person = signee.key
        # The mediator signing is, most days, whoever is at the keyboard.
        return signee.name or (self.workspace.context.user_name if role is SignerRole.MEDIATOR else "")

    def _turn_to(self, signee: Signee | None) -> None:
        self.by_agent.setChecked(False)
        self.on_paper.setChecked(False)
        super()._turn_to(signee)
        self.by_agent.setVisible(signee is not None and signee.key[0] in WORKER_SIDE)

    def _agent_toggled(self, by_agent: bool) -> None:
        if self.current is None:
            return
        self.name.setReadOnly(not by_agent)
        self.name.setText("" if by_agent else self.current.name)
        if by_agent:
            self.name.setFocus()

    def signed_on_paper(self) -> bool:
        return self.on_paper.isChecked()

    def record(self, signee: Signee, name: str, png: bytes | None) -> None:
        role, person_id = signee.key
        if self.by_agent.isChecked():
            role = SignerRole.AGENT
        self.workspace.change(
            agreements.sign, self.agreement.id, role, name, person_id, png, on_done=self._saved, on_error=self.refused
        )

    def _saved(self, found: CaseAgreements) -> None:
        self.sign_button.setEnabled(True)
        if found.draft is not None:
            self.show_agreement(found.draft)

    def _record_employer_seal(self) -> None:
        self.workspace.change(
            agreements.record_employer_seal, self.agreement.id, on_done=self._saved, on_error=self.refused
        )

    def _apply_seal(self) -> None:
        self.workspace.change(agreements.apply_seal, self.agreement.id, on_done=self._saved, on_error=self.refused)

    def _take_effect(self) -> None:
        self.question = confirm_take_effect(
            self, self.workspace, self.agreement.id, on_done=self._in_effect, on_error=self._not_in_effect
        )

    def _in_effect(self, _found: CaseAgreements) -> None:
        self.accept()

    def _not_in_effect(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            self.missing.setText(error_text(error))
        else:
            self.workspace.show_error(error, self)


def confirm_take_effect(
    parent: QWidget,
    workspace: Workspace,
    agreement_id: uuid.UUID,
    *,
    on_done: Callable[[CaseAgreements], None] | None = None,
    on_error: Callable[[Exception], None],
) -> QMessageBox:
    """Ask before the agreement takes effect: from then on it cannot change."""
    return ask(
        parent,
        QCoreApplication.translate("AgreementTab", "Agreement takes effect"),
        QCoreApplication.translate(
            "AgreementTab",
            "Once in effect the agreement can no longer be changed; a change needs a new agreement. "
            "Bring it into effect now?",
        ),
        lambda: workspace.change(agreements.take_effect, agreement_id, on_done=on_done, on_error=on_error),
    )
