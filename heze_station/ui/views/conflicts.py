"""同步 › 处理冲突: the changes two computers made to the same thing, side by side, for a person to settle.

The city server never picks a winner silently. Each open conflict shows the case (or the kind of record), the
field in words, both values with when and where they were typed, and the choices that fit its kind: keep this
computer's value, keep the server's, or type another; restore a record deleted elsewhere or leave it deleted; keep
both records that share a number, or renumber this one. A choice is saved here and sent with the next sync, which
starts at once.
"""

from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.audit import SYNC_CONFLICTS
from ...domain.personal import PersonalField
from ...services import audit, sync
from ...services.sync import Choice, ConflictItem
from .. import formatting, sync_labels
from ..kit.form import show_refusal
from ..kit.inputs import EnumCombo, date_edit
from ..kit.page import StationView
from ..kit.palette import BANNER_STYLE, ERROR_STYLE
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..sync_controller import SyncController
from ..workspace import Workspace

FIELD = "field"
DELETE_VS_EDIT = "delete_vs_edit"  # the sending computer deleted a record another had changed: it stays for now
EDIT_VS_DELETE = "edit_vs_delete"  # the sending computer changed a record another had deleted: it stays deleted
DUPLICATE = "duplicate"  # a number or code that must be unique is used by two records: both are kept

# Long texts are edited in a box of several lines.
LONG_TEXT_FIELDS = {"facts", "status_reason", "waived_claims", "default_clause", "other_terms", "recusal_note", "text"}
DATE_FIELD_ENDINGS = ("_on", "_date", "_to")


def record_of(item: ConflictItem) -> str:
    """The case number when the record belongs to a case, else the kind of record and its name."""
    if item.case_number:
        if item.table == "case_file":
            return item.case_number
        return f"{item.case_number} · {sync_labels.record_kind(item.table)}"
    if item.record_label:
        return f"{sync_labels.record_kind(item.table)} · {item.record_label}"
    return sync_labels.record_kind(item.table)


def what_of(item: ConflictItem) -> str:
    field = sync_labels.field_label(item.table, item.field)
    if item.kind == DELETE_VS_EDIT:
        return QCoreApplication.translate("ConflictsWindow", "Deleted on one computer, changed on another")
    if item.kind == EDIT_VS_DELETE:
        return QCoreApplication.translate("ConflictsWindow", "Changed on one computer, deleted on another")
    if item.kind == DUPLICATE:
        return QCoreApplication.translate("ConflictsWindow", "{field} used twice").format(field=field)
    return field


class ConflictDetail(QWidget):
    """One conflict: what it is about, both sides, and the choices its kind allows."""

    chosen = Signal(object, object, object)  # ConflictItem, Choice, typed value (str) or None
    case_requested = Signal(object)  # the case's id: look at the whole case before choosing
    revealed = Signal(object, object)  # personal data about to be shown in full: its kinds, the case's id or a name

    def __init__(self, revealable: frozenset[PersonalField], parent: QWidget | None = None):
        super().__init__(parent)
        self.item: ConflictItem | None = None
        self.revealable = revealable  # what the signed-in account may see in full
        self.shown: frozenset[PersonalField] = frozenset()
        self.show_personal = QCheckBox(self.tr("Show in &full"))
        self.show_personal.setToolTip(self.tr("Personal data is masked; compare it in full only when needed."))
        self.show_personal.toggled.connect(self._personal_toggled)
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.open_case_button = QPushButton(self.tr("&Open the case file"))
        self.open_case_button.setAutoDefault(False)
        self.open_case_button.setToolTip(self.tr("Look at the whole case before choosing"))
        self.open_case_button.clicked.connect(self._open_case)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.show_personal)
        heading_row.addWidget(self.open_case_button)

        self.mine_box, self.mine_value, self.mine_when, self.mine_where = self._side()
        self.server_box, self.server_value, self.server_when, self.server_where = self._side()
        self.server_box.setTitle(self.tr("Value on the city server"))
        sides = QHBoxLayout()
        sides.addWidget(self.mine_box, 1)
        sides.addWidget(self.server_box, 1)

        self.keep_mine_button = QPushButton()
        self.keep_mine_button.clicked.connect(lambda: self._choose(Choice.KEEP_MINE))
        self.keep_server_button = QPushButton()
        self.keep_server_button.clicked.connect(lambda: self._choose(Choice.KEEP_SERVER))
        self.edit_button = QPushButton()
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self._show_editor)
        for button in (self.keep_mine_button, self.keep_server_button, self.edit_button):
            button.setAutoDefault(False)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_mine_button)
        actions.addWidget(self.keep_server_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)

        self.edit_caption = QLabel()
        self.editor_holder = QVBoxLayout()
        self.editor_holder.setContentsMargins(0, 0, 0, 0)
        self.editor: QWidget | None = None
        self.edit_error = QLabel()
        self.edit_error.setStyleSheet(ERROR_STYLE)
        self.edit_error.setWordWrap(True)
        self.edit_error.hide()
        self.save_edit_button = QPushButton(self.tr("&Save this value"))
        self.save_edit_button.setAutoDefault(False)
        self.save_edit_button.clicked.connect(self._save_edit)
        edit_layout = QVBoxLayout()
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addWidget(self.edit_caption)
        edit_layout.addLayout(self.editor_holder)
        edit_layout.addWidget(self.edit_error)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_edit_button)
        save_row.addStretch(1)
        edit_layout.addLayout(save_row)
        self.edit_area = QWidget()
        self.edit_area.setLayout(edit_layout)
        self.edit_area.hide()

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(heading_row)
        layout.addWidget(self.explanation)
        layout.addLayout(sides)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.edit_area)
        layout.addStretch(1)

    @staticmethod
    def _side() -> tuple[QGroupBox, QLabel, QLabel, QLabel]:
        box = QGroupBox()
        value = QLabel()
        value.setWordWrap(True)
        value.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px 0;")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        when = QLabel()
        when.setStyleSheet("color: #555;")
        where = QLabel()
        where.setStyleSheet("color: #555;")
        where.setWordWrap(True)
        column = QVBoxLayout(box)
        column.addWidget(value)
        column.addWidget(when)
        column.addWidget(where)
        column.addStretch(1)
        return box, value, when, where

    # --- showing one conflict -----------------------------------------------------------------------------------

    def show_item(self, item: ConflictItem) -> None:
        if item is not self.item:  # another conflict: its personal data starts masked again
            self.shown = frozenset()
            with QSignalBlocker(self.show_personal):
                self.show_personal.setChecked(False)
        self.item = item
        self.show_personal.setVisible(sync_labels.personal_field(item.field) in self.revealable)
        self.banner.hide()
        self.set_busy(False)
        field = sync_labels.field_label(item.table, item.field)
        self.heading.setText(f"{record_of(item)} · {what_of(item)}")
        self.open_case_button.setVisible(item.case_id is not None)
        here = item.changed_here
        self.mine_box.setTitle(self.tr("This computer's value") if here else self.tr("The other computer's value"))
        typed = formatting.moment(item.client_at) if item.client_at else self.tr("unknown")
        self.mine_when.setText(self.tr("Typed at {time}").format(time=typed))
        self.mine_where.setText(
            self.tr("Typed on this computer.") if here else self.tr("Typed on another computer of this station.")
        )
        recorded = formatting.moment(item.server_at) if item.server_at else self.tr("unknown")
        self.server_when.setText(self.tr("Recorded by the city server at {time}").format(time=recorded))
        self.server_where.setText(self.tr("The city server keeps this value until you choose."))
        mine_text = self.tr("Keep this computer's value") if here else self.tr("Use the other computer's value")
        self.keep_mine_button.setText(mine_text)
        self.keep_server_button.setText(self.tr("Keep the server's value"))
        self.keep_mine_button.show()
        editable = self._editor_for(item) is not None
        self.edit_button.setVisible(editable)
        self.edit_button.setText(self.tr("Change to…"))
        self.edit_caption.setText(self.tr("New value for “{field}”:").format(field=field))

        if item.kind == FIELD:
            self.explanation.setText(
                self.tr(
                    "“{field}” was changed on two computers before they synced. Nothing is lost: the city server kept "
                    "one value and set the other aside. Choose the right one."
                ).format(field=field)
            )
            self.mine_value.setText(sync_labels.value_text(item.table, item.field, item.client_value, self.shown))
            self.server_value.setText(sync_labels.value_text(item.table, item.field, item.server_value, self.shown))
        elif item.kind == DELETE_VS_EDIT:
            self.explanation.setText(
                self.tr(
                    "This record was deleted on one computer while another computer changed it. It is kept for now; "
                    "choose whether it stays."
                )
            )
            self.mine_value.setText(self.tr("Deleted this record"))
            changed = item.server_value if isinstance(item.server_value, list) else []
            self.server_value.setText(
                self.tr("Changed: {fields}").format(fields=sync_labels.field_names(item.table, changed))
                if changed
                else self.tr("Changed this record")
            )
            self.server_where.setText(self.tr("The record is kept until you choose."))
            self.keep_mine_button.setText(self.tr("Delete it anyway"))
            self.keep_server_button.setText(self.tr("Keep this record"))
        elif item.kind == EDIT_VS_DELETE:
            self.explanation.setText(
                self.tr(
                    "This record was changed on one computer after another computer had deleted it. It stays deleted "
                    "unless you restore it."
                )
            )
            fields = item.client_value if isinstance(item.client_value, dict) else {}
            self.mine_value.setText(sync_labels.changed_fields(item.table, fields))
            self.server_value.setText(self.tr("Deleted"))
            self.server_where.setText(self.tr("The record stays deleted until you choose."))
            self.keep_mine_button.setText(self.tr("Restore this record"))
            self.keep_server_button.setText(self.tr("Keep it deleted"))
        elif item.kind == DUPLICATE:
            value = sync_labels.value_text(item.table, item.field, item.client_value, self.shown)
            self.explanation.setText(
                self.tr(
                    "{field} “{value}” is also used by another record of this station. Both records are kept; keep "
                    "both as they are, or give this one another value."
                ).format(field=field, value=value)
            )
            self.mine_value.setText(value)
            other = item.other_label or self.tr("another record")
            self.server_value.setText(self.tr("Already used by {record}").format(record=other))
            self.server_where.setText(self.tr("Both records are kept until you choose."))
            self.keep_mine_button.hide()
            self.keep_server_button.setText(self.tr("Keep both"))
            if item.field == "number":
                self.edit_button.setText(self.tr("Change the number…"))
        self.edit_button.setChecked(False)
        self._show_editor(False)

    def _editor_for(self, item: ConflictItem) -> QWidget | None:
        """A widget to type the value in, suited to the field; None where typing a value makes no sense."""
        if item.kind not in (FIELD, DUPLICATE) or not item.field:
            return None
        field, current = item.field, item.client_value if item.client_value is not None else item.server_value
        enum = sync_labels.enum_of(item.table, field)
        if enum is not None:
            combo = EnumCombo(list(enum))
            combo.setCurrentIndex(max(combo.findData(current), 0))
            return combo
        if isinstance(current, bool | int | float) or field.endswith(("_id", "_at", "_fen")):
            return None  # amounts, counts, links and times are changed on their own pages, where they are checked
        if field.endswith(DATE_FIELD_ENDINGS):
            try:
                return date_edit(QDate(date.fromisoformat(str(current))))
            except ValueError:
                return date_edit()  # today
        masked = sync_labels.personal_field(field) not in (*self.shown, None)
        text = "" if current is None or masked else str(current)  # a masked value is not handed out in an editor
        if field in LONG_TEXT_FIELDS or len(text) > 60 or "\n" in text:
            box = QPlainTextEdit(text)
            box.setMaximumHeight(110)
            return box
        return QLineEdit(text)

    def _personal_toggled(self, on: bool) -> None:
        item = self.item
        field = sync_labels.personal_field(item.field) if item else None
        if item is None or field is None:
            return
        self.shown = frozenset({field}) if on else frozenset()
        if on:
            self.revealed.emit(self.shown, item.case_id or SYNC_CONFLICTS)
        self.show_item(item)

    def _show_editor(self, shown: bool) -> None:
        if self.editor is not None:
            self.editor_holder.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        self.edit_error.hide()
        if shown and self.item is not None:
            self.editor = self._editor_for(self.item)
            if self.editor is not None:
                self.editor_holder.addWidget(self.editor)
                self.editor.setFocus()
        self.edit_area.setVisible(shown and self.editor is not None)

    def edited_value(self) -> str:
        editor = self.editor
        if isinstance(editor, QComboBox):
            return str(editor.currentData())
        if isinstance(editor, QDateEdit):
            return editor.date().toPython().isoformat()  # type: ignore[union-attr]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        return ""

    def _open_case(self) -> None:
        if self.item is not None and self.item.case_id is not None:
            self.case_requested.emit(self.item.case_id)

    def _save_edit(self) -> None:
        value = self.edited_value()
        if not value:
            self.edit_error.setText(self.tr("Type the value to keep."))
            self.edit_error.show()
            return
        self._choose(Choice.EDIT, value)

    def _choose(self, choice: Choice, value: str | None = None) -> None:
        if self.item is not None:
            self.set_busy(True)
            self.chosen.emit(self.item, choice, value)

    def set_busy(self, busy: bool) -> None:
        for button in (self.keep_mine_button, self.keep_server_button, self.edit_button, self.save_edit_button):
            button.setEnabled(not busy)


class ConflictsWindow(StationView, QDialog):
    def __init__(self, workspace: Workspace, controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.controller = controller
        self.setWindowTitle(self.tr("Settle sync conflicts"))
        intro = QLabel(
            self.tr(
                "The same data was changed on two computers of this station before they synced. For each conflict, "
                "choose which value is right; the choice is sent to the city server and reaches every computer."
            )
        )
        intro.setWordWrap(True)
        self.model: RowTableModel[ConflictItem] = RowTableModel(
            [
                Column(self.tr("Case or record"), record_of),
                Column(self.tr("What"), what_of, stretch=True),
                Column(
                    self.tr("Typed at"),
                    lambda item: sync_labels.short_time(item.client_at),
                ),
            ],
            self,
        )
        self.table = row_table(self.model)
        self.table.setAccessibleName(self.tr("Open conflicts"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = ConflictDetail(audit.revealable(workspace.context))
        self.detail.revealed.connect(lambda fields, where: workspace.record(audit.revealed, fields, where))
        self.detail.chosen.connect(self.resolve)
        self.detail.case_requested.connect(workspace.case_requested)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        self.empty = QLabel(self.tr("No conflicts wait to be settled."))
        self.empty.setObjectName("noConflicts")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #2e7d32; font-size: 15px; padding: 24px;")
        self.pages = QStackedWidget()
        self.pages.addWidget(scroll)
        self.pages.addWidget(self.empty)
        self.pages.setCurrentWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        self.resize(1080, 560)
        splitter.setSizes([380, 700])

    @property
    def items(self) -> list[ConflictItem]:
        return self.model.rows

    def reload(self) -> None:
        self.workspace.load(sync.open_conflicts, on_done=self._loaded)

    def _loaded(self, items: list[ConflictItem]) -> None:
        shown = self.detail.item.id if self.detail.item is not None else None
        self.model.set_rows(items)
        fit_columns(self.table)
        if not items:
            self.detail.item = None
            self.pages.setCurrentWidget(self.empty)
            return
        row = next((number for number, item in enumerate(items) if item.id == shown), 0)
        self.table.selectRow(row)
        self.detail.show_item(items[row])
        self.pages.setCurrentIndex(0)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.detail.show_item(self.model.row(indexes[0]))

    def resolve(self, item: ConflictItem, choice: StrEnum, value: Any) -> None:
        self.workspace.change(
            sync.resolve_conflict, item.id, choice, value, on_done=self._resolved, on_error=self._refused
        )

    def _resolved(self, _result: object) -> None:
        # The choice leaves at once; the list reloads on data_changed. The sync starts on the next turn of the event
        # loop, after Workspace.change has announced data_changed: started now, that announcement would arm the
        # controller's debounce for a second, needless sync.
        QTimer.singleShot(0, self.controller.sync_now)

    def _refused(self, error: Exception) -> None:
        self.detail.set_busy(False)
        show_refusal(error, self.detail.banner, self.workspace, self)
