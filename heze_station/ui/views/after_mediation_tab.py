"""The case file's page for what follows mediation: the payment order, judicial confirmation, arbitration or labour
inspection, with a button for each date the court, committee or inspectorate reports back. Their deadlines show
on the Deadlines page with the station's own."""

import uuid
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.after_mediation import SHAPES, STEP_LABELS, StepDate, StepKind
from ...services import after_mediation
from ...services.after_mediation import CaseSteps
from .. import formatting
from ..i18n import domain_text
from ..kit.form import FormDialog, show_refusal
from ..kit.inputs import EnumCombo, FileField, date_edit
from ..kit.palette import BANNER_STYLE
from ..kit.table import fill, make_table, source_row
from ..workspace import Workspace

# The columns of the steps table, in the order the dates happen.
_DATES = (StepDate.STARTED, StepDate.ACCEPTED, StepDate.SERVED, StepDate.EXTENDED, StepDate.ENDED)


class StepDialog(FormDialog):
    """One date the other body reported: with the outcome, the document's number and its scan when it ends."""

    def __init__(
        self, workspace: Workspace, case_id: uuid.UUID, kind: StepKind, which: StepDate, parent: QWidget | None = None
    ):
        super().__init__(workspace, domain_text(STEP_LABELS[(kind, which)]), self.tr("&Record"), parent)
        self.case_id, self.kind, self.which = case_id, kind, which
        self.day = date_edit()
        self.add_field("on", self.tr("&Date"), self.day)
        self.outcome = EnumCombo(list(SHAPES[kind].outcomes))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("e.g. (2026)鲁1702民特123号"))
        self.document = FileField(
            self.tr("none"), self.tr("C&hoose scan…"), self.tr("Document"), self.tr("Scans (*.pdf *.jpg *.png)")
        )
        if which is StepDate.ENDED:
            self.add_field("outcome", self.tr("&Outcome"), self.outcome)
            self.add_field("reference", self.tr("Document &number"), self.reference)
            self.add_field("file", self.tr("Document"), self.document, focus=self.document.button)
        self.resize(460, 0)

    def submit(self) -> None:
        ended = self.which is StepDate.ENDED
        self.run(
            after_mediation.record_step,
            self.case_id,
            self.kind,
            self.which,
            self.day.date().toPython(),
            self.outcome.current() if ended else None,
            self.reference.text() if ended else "",
            self.document.path if ended else None,
        )


class WitnessDialog(FormDialog):
    """R11: a witness the referral to arbitration names: who, where they live, what they can speak to."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Add a witness"), self.tr("&Add"), parent)
        self.case_id = case_id
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.testimony = QLineEdit()
        self.testimony.setPlaceholderText(self.tr("e.g. team leader, knows the days worked and the wages owed"))
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("address", self.tr("A&ddress"), self.address)
        self.add_field("testimony", self.tr("Can &speak to"), self.testimony)
        self.resize(480, 0)

    def submit(self) -> None:
        fields = (self.name.text(), self.address.text(), self.testimony.text())
        self.run(after_mediation.add_witness, self.case_id, *fields)


class AfterMediationTab(QWidget):
    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.steps: CaseSteps | None = None
        self.dialog: FormDialog | None = None
        self.step_buttons: dict[tuple[StepKind, StepDate], QPushButton] = {}

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BANNER_STYLE)
        self.error.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_button = QPushButton(self.tr("Parties will apply for judicial &confirmation"))
        self.plan_button.setAutoDefault(False)
        self.plan_button.clicked.connect(self.plan_confirmation)
        self.bar = QHBoxLayout()
        self.table = make_table(
            [
                self.tr("Step"),
                self.tr("Filed / received"),
                self.tr("Accepted / issued"),
                self.tr("Served"),
                self.tr("Extended"),
                self.tr("Ended"),
                self.tr("Outcome"),
                self.tr("Number"),
            ]
        )
        self.witnesses = make_table([self.tr("Witness"), self.tr("Address"), self.tr("Can speak to")])
        self.add_witness_button = QPushButton(self.tr("Add &witness…"))
        self.remove_witness_button = QPushButton(self.tr("Remove witness"))
        for button, slot in ((self.add_witness_button, self.open_witness), (self.remove_witness_button, self.remove)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        witness_bar = QHBoxLayout()
        heading = QLabel(self.tr("Witnesses named in the referral to arbitration"))
        heading.setStyleSheet("font-weight: bold;")
        witness_bar.addWidget(heading)
        witness_bar.addStretch(1)
        witness_bar.addWidget(self.add_witness_button)
        witness_bar.addWidget(self.remove_witness_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addLayout(witness_bar)
        layout.addWidget(self.witnesses, 1)

    # -- loading ---------------------------------------------------------------------------------------------------

    def show_case(self) -> None:
        self.workspace.load(after_mediation.case_steps, self.case_id, on_done=self._show, on_error=self._failed)

    def _show(self, found: CaseSteps) -> None:
        self.steps = found
        self.summary.setText(self._summary(found))
        fill(
            self.table,
            [
                [
                    formatting.label(step.kind),
                    *(formatting.day(step.dates.get(which)) for which in _DATES),
                    formatting.label(step.outcome) if step.outcome else "",
                    step.reference,
                ]
                for step in found.steps
            ],
        )
        fill(self.witnesses, [[w.name, w.address, w.testimony] for w in found.witnesses])
        self._set_buttons(found)

    def _summary(self, found: CaseSteps) -> str:
        lines = []
        if not found.steps and found.can_start is None and not found.can_plan_confirmation:
            lines.append(self.tr("Nothing follows mediation yet: a referral or an agreement in effect starts it."))
        claim = found.small_claim
        if claim is not None:
            text = (
                self.tr("Small claim: an award would be final for the employer (largest claim {largest}, line {line}).")
                if claim.final
                else self.tr(
                    "Not a small claim: the employer could still go to court (largest claim {largest}, line {line})."
                )
            )
            lines.append(
                text.format(largest=formatting.money(claim.largest_fen), line=formatting.money(claim.threshold_fen))
            )
        return "\n".join(lines)

    def _set_buttons(self, found: CaseSteps) -> None:
        while self.bar.count():
            widget = self.bar.takeAt(0).widget()
            if widget is not None and widget is not self.plan_button:
                widget.deleteLater()
        self.step_buttons = {}
        self.bar.addWidget(self.plan_button)
        self.plan_button.setVisible(found.can_plan_confirmation)
        offered = [(step.kind, which) for step in found.steps for which in step.can_record]
        if found.can_start is not None:
            offered.append((found.can_start, StepDate.STARTED))
        for kind, which in offered:
            button = QPushButton(domain_text(STEP_LABELS[(kind, which)]) + "…")
            button.setAutoDefault(False)
            button.clicked.connect(partial(self.open_step, kind, which))
            self.bar.addWidget(button)
            self.step_buttons[(kind, which)] = button
        self.bar.addStretch(1)

    # -- acting ----------------------------------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> None:
        self.error.hide()
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_step(self, kind: StepKind, which: StepDate) -> None:
        self._open(StepDialog(self.workspace, self.case_id, kind, which, self))

    def open_witness(self) -> None:
        self._open(WitnessDialog(self.workspace, self.case_id, self))

    def remove(self) -> None:
        row = source_row(self.witnesses, self.witnesses.currentRow())
        if self.steps is None or not 0 <= row < len(self.steps.witnesses):
            return
        witness = self.steps.witnesses[row]
        self.workspace.change(after_mediation.remove_witness, self.case_id, witness.id, on_error=self._failed)

    def plan_confirmation(self) -> None:
        self.error.hide()
        self.workspace.change(after_mediation.plan_confirmation, self.case_id, on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        show_refusal(error, self.error, self.workspace, self)
