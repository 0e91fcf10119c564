"""The workers of a complaint as a table the coordinator types into: each cell checked as soon as it is left, the
count, the total claimed and the collective-case note kept up to date, personal data masked until revealed.

The table knows nothing of the rest of the form: the page gives it the category (whether zero may be claimed) and
reads its entries; the roster import places a checked roster's workers into it.
"""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....domain.agreements import normalise_account_number
from ....domain.audit import REGISTRATION_FORM
from ....domain.cases import (
    COLLECTIVE_MIN_WORKERS,
    REPRESENTATIVES_MAX,
    REPRESENTATIVES_MIN,
    Category,
    parse_claim,
)
from ....domain.errors import InvalidInput
from ....domain.identifiers import ResidentId, normalise_mobile, parse_resident_id
from ....domain.money import parse_yuan
from ....domain.personal import PersonalField
from ....domain.text import clean_line, clean_name
from ....services import audit
from ....services.intake import BANK_MAX, WorkerEntry
from ... import formatting
from ...i18n import render
from ...kit.form import FieldErrors
from ...kit.palette import MUTED
from ...kit.table import CellTable
from ...widgets.masked_column import MaskedColumn
from ...workspace import Workspace

# Columns of the table; the typed ones carry the WorkerEntry attribute used in error keys ("workers.3.phone").
NAME, ID_NUMBER, PHONE, CLAIMED, REPRESENTATIVE, IDENTITY = range(6)
# What the documents print about each worker (issue 14 item 3), after the columns every case needs.
ETHNICITY, ADDRESS, POST, SERVICE_ADDRESS = range(6, 10)
# Where the agreement will pay the worker, when known at intake: it prefills the agreement's shares.
BANK, ACCOUNT_NUMBER = range(10, 12)
TYPED_COLUMNS = {
    NAME: "name",
    ID_NUMBER: "id_number",
    PHONE: "phone",
    CLAIMED: "claimed",
    ETHNICITY: "ethnicity",
    ADDRESS: "address",
    POST: "post",
    SERVICE_ADDRESS: "service_address",
    BANK: "bank",
    ACCOUNT_NUMBER: "account_number",
}
_COLUMN_OF_FIELD = {attribute: column for column, attribute in TYPED_COLUMNS.items()}
# The same checks validate() applies, run on one cell as soon as it is edited. An empty phone is judged only on
# submit: whether it is required depends on the whole table (collective cases need only the representatives').
_CELL_CHECKS: dict[int, Callable[[str], object]] = {
    NAME: partial(clean_name, field="name", required=True),
    ID_NUMBER: parse_resident_id,
    PHONE: normalise_mobile,
    BANK: partial(clean_line, field="bank", max_length=BANK_MAX),
    ACCOUNT_NUMBER: partial(normalise_account_number, field="account_number"),
}
# Optional cells: empty is fine, and is not checked.
_OPTIONAL = {PHONE, ACCOUNT_NUMBER}
_ERROR_ROLE = Qt.ItemDataRole.UserRole + 1
_ERROR_BACKGROUND = QColor("#fdecea")  # the wash of the app's error banner (kit.palette.BANNER_STYLE)


def worker_cell(key: str) -> tuple[int, int] | None:
    """The (row, column) an error key such as "workers.3.phone" is about, or None for another key."""
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "workers" and parts[1].isdigit() and parts[2] in _COLUMN_OF_FIELD:
        return int(parts[1]), _COLUMN_OF_FIELD[parts[2]]
    return None


class WorkersTable(QGroupBox):
    """The "Workers" section of the 登记 page: its toolbar, the table, and what the table's contents add up to."""

    def __init__(
        self,
        title: str,
        workspace: Workspace,
        category: Callable[[], Category | None],
        errors: FieldErrors,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        self.workspace = workspace
        self._category = category
        self._errors = errors
        self.add_button = QPushButton(self.tr("Add &worker"))
        self.add_button.setToolTip(self.tr("Add a row for one more worker (Insert)"))
        self.add_button.clicked.connect(self.add_worker)
        self.remove_button = QPushButton(self.tr("Remove &selected"))
        self.remove_button.setToolTip(self.tr("Remove the rows of the selected cells"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(self.tr("Import from r&oster…"))
        self.import_button.setToolTip(
            self.tr("Read the workers from an Excel (.xlsx) or CSV roster; every row is checked first")
        )
        self.template_button = QPushButton(self.tr("Download roster templat&e…"))
        self.template_button.setToolTip(self.tr("Save an Excel roster with the expected column headings"))
        self.reveal = QCheckBox(self.tr("Show &personal data"))
        self.reveal.setToolTip(
            self.tr("Your account may see in full: {fields}. A cell shows in full while you edit it.").format(
                fields=formatting.revealable_text(audit.revealable(workspace.context))
            )
        )
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.add_button)
        toolbar.addWidget(self.remove_button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.template_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.reveal)

        self.table = self._table()
        self.messages = QLabel()
        self.messages.setObjectName("workerMessages")
        self.messages.setTextFormat(Qt.TextFormat.PlainText)  # the messages quote what was typed
        self.messages.setWordWrap(True)
        self.messages.hide()
        self.summary = QLabel()
        self.collective_note = QLabel()
        self.collective_note.setObjectName("collectiveNote")
        self.collective_note.setWordWrap(True)
        self.collective_note.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(errors.field("workers", self.table))
        layout.addWidget(self.messages)
        layout.addWidget(self.summary)
        layout.addWidget(self.collective_note)
        # Insert adds a row from anywhere in the section, also from inside a cell's editor. (Ctrl+Enter registers.)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_worker)

    def _table(self) -> QTableWidget:
        table = CellTable(0, 12)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Name *"),
                self.tr("ID number *"),
                self.tr("Mobile phone"),
                self.tr("Claimed (yuan) *"),
                self.tr("Representative"),
                self.tr("Sex, date of birth"),
                self.tr("Ethnicity"),
                self.tr("Home address"),
                self.tr("Post"),
                self.tr("Address for documents"),
                self.tr("Bank"),
                self.tr("Bank account"),
            ]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setMinimumHeight(240)
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        for column, width in (
            (NAME, 120),
            (ID_NUMBER, 190),
            (PHONE, 140),
            (CLAIMED, 130),
            (REPRESENTATIVE, 110),
            (IDENTITY, 150),
            (ETHNICITY, 70),
            (ADDRESS, 220),
            (POST, 90),
            (SERVICE_ADDRESS, 220),
            (BANK, 200),
            (ACCOUNT_NUMBER, 200),
        ):
            header.resizeSection(column, width)
        table.horizontalHeaderItem(SERVICE_ADDRESS).setToolTip(
            self.tr("Where documents reach the worker, when not at the home address (e.g. the site's dormitory)")
        )
        table.horizontalHeaderItem(ACCOUNT_NUMBER).setToolTip(
            self.tr("An account in the worker's own name; the agreement pays his share into it")
        )
        self._masked = [
            MaskedColumn(table, ID_NUMBER, PersonalField.ID_NUMBER),
            MaskedColumn(table, PHONE, PersonalField.PHONE),
            MaskedColumn(table, ACCOUNT_NUMBER, PersonalField.BANK_ACCOUNT),
        ]
        self.reveal.toggled.connect(self._reveal)
        table.itemChanged.connect(self._cell_edited)
        table.model().rowsRemoved.connect(self.refresh)
        table.itemSelectionChanged.connect(self._update_remove_button)
        return table

    # ---- rows ------------------------------------------------------------------------------------------------

    def reset(self) -> None:
        """One empty row, personal data masked."""
        self.table.setRowCount(0)
        self._append_row()
        self.reveal.setChecked(False)

    def _append_row(self) -> int:
        row = self._insert_row()
        self.refresh()
        return row

    def _insert_row(self) -> int:
        """An empty row at the end, without the table-wide update (a roster adds hundreds at once)."""
        table = self.table
        row = table.rowCount()
        with QSignalBlocker(table):
            table.insertRow(row)
            for column in TYPED_COLUMNS:
                item = QTableWidgetItem("")
                if column == CLAIMED:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            representative = QTableWidgetItem()
            representative.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            representative.setCheckState(Qt.CheckState.Unchecked)
            representative.setToolTip(self.tr("Elected representative (collective cases only)"))
            table.setItem(row, REPRESENTATIVE, representative)
            identity = QTableWidgetItem()
            identity.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            identity.setForeground(QBrush(QColor(MUTED)))
            table.setItem(row, IDENTITY, identity)
        return row

    def add_worker(self) -> None:
        """Add a row and start typing the new worker's name."""
        row = self._append_row()
        self.table.setCurrentCell(row, NAME)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.table.editItem(self.table.item(row, NAME))

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        for row in sorted(rows, reverse=True):
            self.table.removeRow(row)

    def drop_empty_rows(self) -> None:
        """Rows added but never filled in hold nothing; removing them keeps error row numbers equal to table rows."""
        for row, entry in reversed(list(enumerate(self.entries()))):
            if entry == WorkerEntry():
                self.table.removeRow(row)

    def place(self, entries: list[WorkerEntry], *, replace: bool) -> None:
        """Put workers (a checked roster's, a clue's) into the table, in place of its rows or below them; each cell
        is checked as if typed, and the table-wide summary updated once at the end."""
        if replace:
            self.table.setRowCount(0)
        else:
            self.drop_empty_rows()
        for entry in entries:
            row = self._insert_row()
            with QSignalBlocker(self.table):
                for column, attribute in TYPED_COLUMNS.items():
                    self.table.item(row, column).setText(getattr(entry, attribute))
                checked = Qt.CheckState.Checked if entry.representative else Qt.CheckState.Unchecked
                self.table.item(row, REPRESENTATIVE).setCheckState(checked)
            for column in TYPED_COLUMNS:
                self._check_cell(self.table.item(row, column))
        self.refresh()
        self.table.setCurrentCell(0, NAME)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def entries(self) -> list[WorkerEntry]:
        """Every row as typed, empty rows included."""

        def text(row: int, column: int) -> str:
            return self.table.item(row, column).text()

        return [
            WorkerEntry(
                representative=self.table.item(row, REPRESENTATIVE).checkState() == Qt.CheckState.Checked,
                **{attribute: text(row, column) for column, attribute in TYPED_COLUMNS.items()},
            )
            for row in range(self.table.rowCount())
        ]

    def filled_entries(self) -> list[WorkerEntry]:
        return [entry for entry in self.entries() if entry != WorkerEntry()]

    # ---- checking cells --------------------------------------------------------------------------------------

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        self._check_cell(item)
        self.refresh()

    def _cell_check(self, column: int) -> Callable[[str], object] | None:
        if column == CLAIMED:  # whether zero may be claimed depends on the category chosen
            return partial(parse_claim, category=self._category())
        return _CELL_CHECKS.get(column)

    def _check_cell(self, item: QTableWidgetItem) -> None:
        column = item.column()
        check = self._cell_check(column)
        if check is None:
            return
        message, parsed = None, None
        if item.text().strip() or column not in _OPTIONAL:
            try:
                parsed = check(item.text())
            except InvalidInput as error:
                message = render(error.message)
        if column == ID_NUMBER:
            self._show_identity(item.row(), parsed if isinstance(parsed, ResidentId) else None)
        if message is None and parsed is not None:
            self._show_as_kept(item, parsed)
        self.mark_cell(item.row(), column, message)

    def _show_as_kept(self, item: QTableWidgetItem, parsed: object) -> None:
        """The cell shows what is kept, as it is read: ＋８６ １３９－００００－０００７ as 13900000007, a lower-case
        x of an ID number in capitals, ¥１，０００．５元 as 1000.50. Before, only what it added up to showed it."""
        if isinstance(parsed, ResidentId):
            kept = parsed.number
        elif isinstance(parsed, int):  # an amount, in fen
            kept = formatting.typed_yuan(parsed)
        else:
            kept = str(parsed)
        if kept != item.text():
            with QSignalBlocker(self.table):
                item.setText(kept)

    def recheck_claims(self) -> None:
        """After the category changed: whether a zero claim is allowed changed with it."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, CLAIMED).text().strip():
                self._check_cell(self.table.item(row, CLAIMED))
        self.refresh()

    def _show_identity(self, row: int, resident: ResidentId | None) -> None:
        """Sex and birth date read from a valid ID number, so the coordinator can compare them with the card."""
        text = ""
        if resident is not None:
            sex = formatting.label(resident.sex)
            text = self.tr("{sex}, born {birth}").format(sex=sex, birth=formatting.day(resident.birth_date))
        with QSignalBlocker(self.table):
            self.table.item(row, IDENTITY).setText(text)

    def mark_cell(self, row: int, column: int, message: str | None) -> None:
        """Red with the message as tooltip; a valid ID number's tooltip tells the sex and birth date it encodes."""
        item = self.table.item(row, column)
        identity = self.table.item(row, IDENTITY).text() if column == ID_NUMBER else ""
        with QSignalBlocker(self.table):
            item.setData(_ERROR_ROLE, message)
            item.setData(Qt.ItemDataRole.BackgroundRole, QBrush(_ERROR_BACKGROUND) if message else None)
            item.setToolTip(message or identity)

    def clear_marks(self) -> None:
        for row in range(self.table.rowCount()):
            for column in TYPED_COLUMNS:
                self.mark_cell(row, column, None)

    def refresh(self) -> None:
        """After any change to the table: the list of cell errors, the count and total, the collective note."""
        self._errors.set("workers", None)
        header = self.table.horizontalHeaderItem
        lines = [
            self.tr("Row {row}, {column}: {message}").format(
                row=row + 1, column=header(column).text().rstrip(" *"), message=message
            )
            for row in range(self.table.rowCount())
            for column in TYPED_COLUMNS
            if (message := self.table.item(row, column).data(_ERROR_ROLE))
        ]
        self.messages.setText("\n".join(lines))
        self.messages.setVisible(bool(lines))

        entries = self.filled_entries()
        total, unread = 0, []
        for row, entry in enumerate(self.entries(), start=1):
            try:
                total += parse_yuan(entry.claimed, allow_zero=True) if entry != WorkerEntry() else 0
            except InvalidInput:  # its cell shows the error; the total counts what can be read, and says so
                unread.append(str(row))
        summary = self.tr("{count} workers, total claimed {amount}").format(
            count=len(entries), amount=formatting.money(total)
        )
        if unread:
            summary += self.tr(" (not counted: the amount of row {rows}, which needs correcting)").format(
                rows=self.tr(", ").join(unread)
            )
        self.summary.setText(summary)
        collective = len(entries) >= COLLECTIVE_MIN_WORKERS
        self.collective_note.setVisible(collective)
        if collective:
            self.collective_note.setText(
                self.tr(
                    "{minimum} or more workers: this is a collective case. The workers elect {low} to {high} "
                    "representatives; tick them in the Representative column ({marked} ticked)."
                ).format(
                    minimum=COLLECTIVE_MIN_WORKERS,
                    low=REPRESENTATIVES_MIN,
                    high=REPRESENTATIVES_MAX,
                    marked=sum(entry.representative for entry in entries),
                )
            )
        self._update_remove_button()

    def focus_cell(self, row: int, column: int) -> QWidget:
        self.table.setCurrentCell(row, column)
        return self.table

    # ---- personal data ---------------------------------------------------------------------------------------

    def _reveal(self, revealed: bool) -> None:
        shown = audit.revealable(self.workspace.context) if revealed else frozenset()
        if shown:
            self.workspace.record(audit.revealed, shown, REGISTRATION_FORM)
        for column in self._masked:
            column.show(shown)

    def _update_remove_button(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedIndexes()))
