"""The case file's timeline and the workbench's recent activity say what a file is and whose, never its name."""

import uuid

from PySide6.QtWidgets import QTableWidget

from heze_station.domain import chinatime
from heze_station.domain.agreements import SignerRole
from heze_station.services import agreements, case_queries
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.views.dashboard import DashboardView
from heze_station.ui.workspace import Workspace
from tests import samples
from tests.factories import intake_form
from tests.services.agreement_steps import mediating, terms
from tests.ui.conftest import show_view, shown_rows, wait_idle


def representative_signed(workspace: Workspace) -> uuid.UUID:
    """A collective case whose draft agreement the workers' representative 工人1 signed on the pad."""
    context = workspace.context
    today = chinatime.today()
    case_id = mediating(context, intake_form(10, received_on=today), None)
    draft = agreements.save_draft(
        context, case_id, terms(context, case_id, today, [(today, "38000")], amount_each="3800")
    )
    assert draft.draft is not None
    representative = next(c for c in case_queries.case_detail(context, case_id).claimants if c.name == "工人1")
    agreements.sign(
        context,
        draft.draft.id,
        SignerRole.REPRESENTATIVE,
        person_id=representative.person_id,
        image=samples.signature_png("工人1"),
    )
    return case_id


def rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(row, c).text() for c in range(table.columnCount())] for row in range(table.rowCount())]


def test_the_case_file_timeline_says_whose_signature_was_added(qtbot, workspace: Workspace, chinese) -> None:
    case_id = representative_signed(workspace)
    dialog = CaseDetailDialog(workspace, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, workspace)
    dialog.tabs.setCurrentWidget(dialog.timeline_table.parentWidget())

    shown = rows(dialog.timeline_table)
    assert [row[2:] for row in shown if row[2] == "添加附件"] == [["添加附件", "工人代表工人1的签名"]]
    assert not [row for row in shown if ".png" in row[3]]


def test_the_workbench_says_it_too(qtbot, workspace: Workspace) -> None:
    representative_signed(workspace)
    view = show_view(qtbot, workspace, DashboardView(workspace))

    recent = [row[3:] for row in shown_rows(view.recent_model)]
    assert ["Attachment added", "Signature of 工人1 (Workers' representative)"] in recent
    assert not [row for row in recent if ".png" in row[1]]
