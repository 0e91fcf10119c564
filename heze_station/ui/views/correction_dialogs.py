"""Correcting a registered case from its case file: a field with a reason, a worker added or removed, the case
voided by the administrator (services.case_corrections).

``CorrectionBar`` is the case file's hook: its buttons open the dialogs, each a FormDialog whose refusals show
beside their fields; what the service returns is the case file shown again.
"""

import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.accounts import StaffRole
from ...domain.cases import COLLECTIVE_MIN_WORKERS, CaseStatus
from ...domain.corrections import CorrectionField, Party
from ...services import case_corrections
from ...services.case_corrections import Correction, Subject
from ...services.case_queries import CaseDetail
from ...services.intake import WorkerEntry
from .. import formatting
from ..kit.form import FormDialog
from ..kit.table import source_row
from ..kit.text import plain_label
from ..workspace import Workspace

Shown = Callable[[CaseDetail], None]


def worker_name(name: str, number: int, names: list[str]) -> str:
    """A worker as the dialogs name him: with his place in the case's list (``number``, from 1) when another of the
    case's workers (``names``) has his name. Two 张伟 on one building site are common, and the one chosen must be the
    one acted on."""
    if names.count(name) < 2:
        return name
    text = QCoreApplication.translate("CorrectionDialogs", "{name} (no. {number} in the list)")
    return text.format(name=name, number=number)


def _reason_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    return edit


class _CaseDialog(FormDialog):
    """A dialog that changes the case and hands the case file, as it now is, to ``shown``."""

    def __init__(self, workspace: Workspace, title: str, ok_text: str, shown: Shown, parent: QWidget | None):
        super().__init__(workspace, title, ok_text, parent)
        self.accepted.connect(lambda: shown(self.result_value))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def add_reason(self, caption: str) -> QPlainTextEdit:
        self.reason = _reason_edit()
        self.add_field("reason", caption, self.reason)
        return self.reason


class CorrectionDialog(_CaseDialog):
    """One field of a worker, a respondent, the agent or the case, set right with a reason."""

    def __init__(
        self, workspace: Workspace, case_id: uuid.UUID, subjects: list[Subject], shown: Shown, parent: QWidget
    ):
        super().__init__(workspace, self.tr("Correct the case"), self.tr("&Correct"), shown, parent)
        self.case_id = case_id
        self.subjects = subjects
        self.subject = QComboBox()
        workers = [subject.name for subject in subjects if subject.party is Party.WORKER]
        numbers = iter(range(1, len(workers) + 1))  # the workers' places in the case's list, as the case file shows it
        for subject in subjects:
            name = worker_name(subject.name, next(numbers), workers) if subject.party is Party.WORKER else subject.name
            self.subject.addItem(self._subject_text(subject, name))
        self.field = QComboBox()
        self.line = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        # One of the two shows: a line for a name or a number, a box for the facts.
        self.value = QWidget()
        value_column = QVBoxLayout(self.value)
        value_column.setContentsMargins(0, 0, 0, 0)
        value_column.addWidget(self.line)
        value_column.addWidget(self.text)
        self.was = plain_label(wrap=True)
        self.was.setStyleSheet("color: #6b7580;")
        self.add_field("subject", self.tr("&Whose record"), self.subject)
        self.add_field("field", self.tr("W&hat"), self.field)
        self.add_field("was", self.tr("Now on file"), self.was)
        self.add_field("value", self.tr("Correct &value"), self.value, focus=self.line)
        self.text.textChanged.connect(lambda: self.errors.set("value", None))  # the facts' box, edited instead
        self.add_reason(self.tr("&Reason for the correction"))
        note = QLabel(
            self.tr(
                "The timeline keeps the old and the new value (phones, ID numbers and bank accounts masked). Once an "
                "agreement has taken effect, the amounts claimed and the bank accounts are changed only by a new "
                "agreement that supersedes it."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7580;")
        self.layout_.insertWidget(self.layout_.count() - 1, note)
        self.subject.currentIndexChanged.connect(self._subject_chosen)
        self.field.currentIndexChanged.connect(self._field_chosen)
        self._subject_chosen()
        self.resize(560, 420)

    def _subject_text(self, subject: Subject, name: str) -> str:
        match subject.party:
            case Party.WORKER:
                return self.tr("Worker: {name}").format(name=name)
            case Party.AGENT:
                return self.tr("Agent: {name}").format(name=name)
            case Party.EMPLOYER:
                return self.tr("{role}: {name}").format(role=formatting.label(subject.role), name=name)
        return self.tr("The case: facts and reasons")

    def _current(self) -> Subject:
        return self.subjects[self.subject.currentIndex()]

    def _subject_chosen(self) -> None:
        self.field.clear()
        for field in self._current().fields:
            self.field.addItem(formatting.label(field), field.value)
        self._field_chosen()

    def _chosen_field(self) -> CorrectionField:
        return CorrectionField(self.field.currentData())

    def _field_chosen(self) -> None:
        if self.field.currentIndex() < 0:
            return
        field = self._chosen_field()
        now = self._current().values.get(field, "")
        long_text = field is CorrectionField.FACTS
        self.text.setVisible(long_text)
        self.line.setVisible(not long_text)
        if field.personal is not None:
            # Typed anew: the record is not shown in full to be edited (a coordinator never sees a full ID number).
            self.was.setText(self.tr("(kept back: type the correct number)"))
            self.line.clear()
        else:
            self.was.setText(now or "—")
            self.line.setText(now)
            self.text.setPlainText(now)
        self.clear_errors()

    def submit(self) -> None:
        subject, field = self._current(), self._chosen_field()
        value = self.text.toPlainText() if field is CorrectionField.FACTS else self.line.text()
        correction = Correction(subject.party, field, value, self.reason.toPlainText(), subject.subject_id)
        self.run(case_corrections.correct, self.case_id, correction)


class AddWorkerDialog(_CaseDialog):
    """A worker who joins the case: found later, or left off the roster."""

    def __init__(self, workspace: Workspace, detail: CaseDetail, shown: Shown, parent: QWidget):
        super().__init__(workspace, self.tr("Add a worker"), self.tr("&Add"), shown, parent)
        self.case_id = detail.id
        self.name = self.add_field("name", self.tr("&Name"), QLineEdit())
        self.id_number = self.add_field("id_number", self.tr("&ID number"), QLineEdit())
        self.phone = self.add_field("phone", self.tr("&Phone"), QLineEdit())
        self.claimed = self.add_field("claimed", self.tr("Amount &claimed (yuan)"), QLineEdit())
        # What the documents print about the worker and where the agreement pays him, as at intake; each optional.
        self.ethnicity = self.add_field("ethnicity", self.tr("E&thnicity"), QLineEdit())
        self.address = self.add_field("address", self.tr("Home a&ddress"), QLineEdit())
        self.post = self.add_field("post", self.tr("P&ost"), QLineEdit())
        self.bank = self.add_field("bank", self.tr("&Bank"), QLineEdit())
        self.account_number = self.add_field("account_number", self.tr("Bank acco&unt"), QLineEdit())
        self.account_number.setToolTip(
            self.tr("An account in the worker's own name; the agreement pays his share into it")
        )
        self.representative = QCheckBox(self.tr("The new worker is an &elected representative"), self)
        self.representatives = QListWidget(self)
        if len(detail.claimants) + 1 >= COLLECTIVE_MIN_WORKERS:
            # Representatives exist only in a collective case (R3), which this worker may just make one: the
            # workers then elect 3 to 5 among them, whom the coordinator ticks here.
            self._list_representatives(detail)
            election = QWidget(self)
            column = QVBoxLayout(election)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.representatives)
            column.addWidget(self.representative)
            self.add_field("representative", self.tr("Representatives"), election, focus=self.representatives)
        else:
            self.representative.hide()
            self.representatives.hide()
        self.add_reason(self.tr("&Reason"))
        self.resize(460, self.sizeHint().height())

    def _list_representatives(self, detail: CaseDetail) -> None:
        self.representatives.setToolTip(self.tr("Tick the workers already on the case who represent the others"))
        self.representatives.setFixedHeight(110)
        for claimant in detail.claimants:
            item = QListWidgetItem(claimant.name)  # a QListWidgetItem shows its text as plain text
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if claimant.representative else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, claimant.person_id)
            self.representatives.addItem(item)

    def _chosen_representatives(self) -> frozenset[uuid.UUID] | None:
        if self.representatives.isHidden():
            return None
        items = (self.representatives.item(row) for row in range(self.representatives.count()))
        return frozenset(
            item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() is Qt.CheckState.Checked
        )

    def submit(self) -> None:
        entry = WorkerEntry(
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            claimed=self.claimed.text(),
            representative=self.representative.isChecked(),
            ethnicity=self.ethnicity.text(),
            address=self.address.text(),
            post=self.post.text(),
            bank=self.bank.text(),
            account_number=self.account_number.text(),
        )
        self.run(
            partial(case_corrections.add_worker, representatives=self._chosen_representatives()),
            self.case_id,
            entry,
            self.reason.toPlainText(),
        )


class RemoveWorkerDialog(_CaseDialog):
    def __init__(
        self, workspace: Workspace, case_id: uuid.UUID, person_id: uuid.UUID, name: str, shown: Shown, parent: QWidget
    ):
        super().__init__(workspace, self.tr("Remove a worker"), self.tr("&Remove"), shown, parent)
        self.case_id, self.person_id = case_id, person_id
        worker = plain_label(name)
        self.add_field("worker", self.tr("Worker leaving"), worker)
        self.add_reason(self.tr("Rea&son"))

    def submit(self) -> None:
        self.run(case_corrections.remove_worker, self.case_id, self.person_id, self.reason.toPlainText())


class VoidCaseDialog(_CaseDialog):
    """The administrator voids a case registered by mistake: it stays in the files, out of the figures."""

    def __init__(self, workspace: Workspace, detail: CaseDetail, shown: Shown, parent: QWidget):
        super().__init__(workspace, self.tr("Void the case"), self.tr("&Void"), shown, parent)
        self.case_id = detail.id
        question = plain_label(
            self.tr(
                "Void case {number} as registered by mistake? It stays in the files marked voided, its deadlines "
                "stop and the statistics leave it out. This cannot be undone."
            ).format(number=detail.number),
            wrap=True,
        )
        self.layout_.insertWidget(0, question)
        self.add_reason(self.tr("&Reason"))
        self.ok_button.setDefault(False)  # a case is not voided by a stray Enter

    def submit(self) -> None:
        self.run(case_corrections.void_case, self.case_id, self.reason.toPlainText())


class CorrectionBar(QWidget):
    """The case file's correction buttons: correct, add or remove a worker, and (administrators) void."""

    changed = Signal(object)  # the CaseDetail after a correction, to be shown at once

    def __init__(self, workspace: Workspace, workers: QTableWidget, parent: QWidget | None = None):
        """``workers``: the case file's table of claimants, whose current row is the worker to remove."""
        super().__init__(parent)
        self.workspace = workspace
        self.workers = workers
        self.detail: CaseDetail | None = None
        self.dialog: FormDialog | None = None
        self.correct_button = self._button(self.tr("C&orrect…"), self.open_correction)
        self.add_button = self._button(self.tr("Add &worker…"), self.open_add_worker)
        self.remove_button = self._button(self.tr("Remo&ve worker…"), self.open_remove_worker)
        self.void_button = self._button(self.tr("Void case…"), self.open_void)
        self.void_button.setVisible(workspace.context.user_role is StaffRole.ADMINISTRATOR)
        self.remove_hint = QLabel(self.tr("Choose the worker in the table first."))
        self.remove_hint.setStyleSheet("color: #b03a2e;")
        self.remove_hint.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.remove_hint)
        for button in (self.correct_button, self.add_button, self.remove_button, self.void_button):
            row.addWidget(button)

    def _button(self, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(action)
        return button

    def show_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        voided = detail.status is CaseStatus.VOIDED
        for button in (self.correct_button, self.add_button, self.remove_button, self.void_button):
            button.setEnabled(not voided)
        # Offered only while they can be done: the refusal came after the reason was typed.
        fixed = self.tr(
            "An agreement has taken effect: the workers are changed only by a new agreement that supersedes it "
            "(tab Agreement and payments)."
        )
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not voided and not detail.agreement_bound)
            button.setToolTip(fixed if detail.agreement_bound else "")

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None  # the dialog deletes itself on closing

    def open_correction(self) -> None:
        if self.detail is None:
            return
        case_id = self.detail.id
        self.workspace.load(
            case_corrections.subjects,
            case_id,
            on_done=lambda subjects: self._open(
                CorrectionDialog(self.workspace, case_id, subjects, self.changed.emit, self)
            ),
            on_error=lambda error: self.workspace.show_error(error, self),
        )

    def open_add_worker(self) -> None:
        if self.detail is not None:
            self._open(AddWorkerDialog(self.workspace, self.detail, self.changed.emit, self))

    def _selected_worker(self) -> tuple[uuid.UUID, str] | None:
        """The worker of the table's current row, by its place in the case's list (the table may be sorted; two
        workers may share a name), and the name the dialog shows him by."""
        row = self.workers.currentRow()
        if row < 0 or self.detail is None:
            return None
        claimants = self.detail.claimants
        index = source_row(self.workers, row)
        names = [claimant.name for claimant in claimants]
        return claimants[index].person_id, worker_name(claimants[index].name, index + 1, names)

    def open_remove_worker(self) -> None:
        chosen = self._selected_worker()
        self.remove_hint.setVisible(chosen is None)
        if self.detail is not None and chosen is not None:
            person_id, name = chosen
            self._open(RemoveWorkerDialog(self.workspace, self.detail.id, person_id, name, self.changed.emit, self))

    def open_void(self) -> None:
        if self.detail is not None:
            self._open(VoidCaseDialog(self.workspace, self.detail, self.changed.emit, self))
