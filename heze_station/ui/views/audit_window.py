"""账户 › 审计日志 (administrator): the audit trail, filtered by person, action and dates, exported to Excel; and
whether the trail is whole, as the start and the city found it.
"""

from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime
from ...domain.audit import AUDIT_TRAIL, AuditAction
from ...services import audit
from ...services.audit import AuditFilter, AuditRow, ChainState
from .. import formatting
from ..i18n import domain_text
from ..kit.inputs import EnumCombo, date_edit, date_range
from ..kit.page import StationView
from ..kit.palette import BANNER_STYLE
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..workspace import Workspace

WHOLE_STYLE = "color: #1e6b34; background: #e8f5e9; border: 1px solid #b7dfc0; border-radius: 3px; padding: 6px;"


def chain_text(state: ChainState) -> str:
    """What the administrator is told about the trail: whole, or where and how it was found altered."""
    problems = []
    if state.broken_at is not None:
        text = QCoreApplication.translate(
            "AuditWindow",
            "Entry {seq} of the audit trail was changed, removed or inserted after it was written (found when the "
            "program started). The entries after it are as they were written.",
        )
        problems.append(text.format(seq=state.broken_at))
    if state.city_mismatch_since is not None:
        text = QCoreApplication.translate(
            "AuditWindow",
            "Since {time} this computer's audit trail no longer matches what the city server received at earlier "
            "syncs: it was rewritten on this computer. The city has been told.",
        )
        problems.append(text.format(time=formatting.moment(state.city_mismatch_since)))
    if problems:
        return "\n".join(problems)
    text = QCoreApplication.translate(
        "AuditWindow", "The audit trail is whole: {count} entries, each checked when the program started."
    )
    return text.format(count=formatting.locale_number(state.entries))


class AuditWindow(StationView, QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.setWindowTitle(self.tr("Audit trail"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.person = QComboBox()
        self.person.addItem(self.tr("Everyone"), "")
        self.action = EnumCombo(list(AuditAction), blank=self.tr("All actions"))
        self.dated = QCheckBox(self.tr("&Dates"))
        today = QDate(chinatime.today())  # the station's day, whatever zone the laptop is set to
        self.since, self.until = date_edit(today.addDays(-30)), date_edit(today)
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        filters = QHBoxLayout()
        person_caption = QLabel(self.tr("&Person"))
        person_caption.setBuddy(self.person)
        action_caption = QLabel(self.tr("&Action"))
        action_caption.setBuddy(self.action)
        for widget in (person_caption, self.person, action_caption, self.action, self.dated, self.since):
            filters.addWidget(widget)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.until)
        filters.addStretch()
        filters.addWidget(self.export_button)
        self.model: RowTableModel[AuditRow] = RowTableModel(
            [
                Column(self.tr("No."), lambda row: str(row.seq), number=True),
                Column(self.tr("Time"), lambda row: _seconds(row.at)),
                Column(self.tr("Person"), lambda row: row.user_name),
                Column(self.tr("Action"), _action_text, foreground=_warning_colour),
                Column(self.tr("Concerning"), lambda row: domain_text(row.subject)),
                Column(self.tr("Details"), lambda row: audit.details_text(row.details), stretch=True),
            ],
            self,
        )
        self.table = row_table(self.model)
        self.count = QLabel()
        self.exported = QLabel()  # apart from the count, which the reload after an export rewrites
        footer = QHBoxLayout()
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(self.exported)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        self.resize(1000, 560)
        for signal in (
            self.person.currentIndexChanged,
            self.action.currentIndexChanged,
            self.dated.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(self.reload)
        self.dated.toggled.connect(self._dates_enabled)
        self._dates_enabled(False)
        workspace.load(audit.check, on_done=self.show_state)
        workspace.load(audit.people, on_done=self._show_people)
        self.refresh()

    def wanted(self) -> AuditFilter:
        dated = self.dated.isChecked()
        since, until = date_range(self.since, self.until)
        return AuditFilter(
            login=self.person.currentData() or "",
            action=self.action.current(),
            since=since if dated else None,
            until=until if dated else None,
        )

    def reload(self) -> None:
        wanted = self.wanted()
        self.workspace.load(audit.entries, wanted, on_done=lambda rows: self._show(wanted, rows))

    def _show(self, wanted: AuditFilter, rows: list[AuditRow]) -> None:
        if wanted != self.wanted():
            return  # the filter changed while these loaded: the newer answer follows
        self.model.set_rows(rows)
        fit_columns(self.table)
        if len(rows) >= audit.SHOWN_LIMIT:
            text = self.tr("The newest {count} entries are shown; narrow the filter or export to see all.")
        else:
            text = self.tr("{count} entries")
        self.count.setText(text.format(count=formatting.locale_number(len(rows))))

    def show_state(self, state: ChainState) -> None:
        whole = state.broken_at is None and state.city_mismatch_since is None
        self.state.setStyleSheet(WHOLE_STYLE if whole else BANNER_STYLE)
        self.state.setText(chain_text(state))

    def _show_people(self, people: list[str]) -> None:
        for name in people:
            self.person.addItem(name, name)

    def _dates_enabled(self, enabled: bool) -> None:
        self.since.setEnabled(enabled)
        self.until.setEnabled(enabled)

    def export(self) -> None:
        stamp = chinatime.now().strftime("%Y%m%d")
        suggested = self.tr("audit-trail-{date}.xlsx").format(date=stamp)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        headings = [column.title for column in self.model.columns]
        labels = {action.value: formatting.label(action) for action in AuditAction}
        self.workspace.change(
            partial(audit.export, title=domain_text(AUDIT_TRAIL)),
            self.wanted(),
            path,
            headings,
            labels,
            on_done=lambda count: self.exported.setText(
                self.tr("{count} entries exported to {file}").format(count=count, file=path.name)
            ),
        )


def _seconds(moment: datetime) -> str:
    return moment.astimezone(chinatime.CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")


def _action_text(row: AuditRow) -> str:
    return formatting.label(row.action) if isinstance(row.action, AuditAction) else row.action


def _warning_colour(row: AuditRow) -> str | None:
    warnings = (AuditAction.SIGN_IN_FAILED, AuditAction.CHAIN_BROKEN, AuditAction.RECOVERED)
    return "#b03a2e" if row.action in warnings else None
