"""What a person typed is shown as typed: markup in a name, an address or the facts never turns into formatting.

A QLabel guesses rich text from anything that looks like markup, so a worker named "<b>李</b>" would show bold and
an employer's "<h1>" as a heading. The test types markup into every field of a case, opens every page of the main
window and every tab of the case file, and checks each label that shows typed text.
"""

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from heze_station.domain import chinatime
from heze_station.domain.cases import Employment
from heze_station.services.intake import AgentEntry, EmployerEntry
from heze_station.ui.main_window import MainWindow
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.workspace import Workspace
from tests.factories import credit_code, intake_form, register, resident_id, worker
from tests.ui.conftest import wait_idle

TAG = "<u>"  # in every typed value: any label that shows it formatted, rather than as these characters, is wrong


def typed(text: str) -> str:
    return f"{TAG}{text}</u>"


def marked_case(workspace: Workspace):
    today = chinatime.today()
    form = intake_form(1, received_on=today - timedelta(days=2))
    form.workers = [
        replace(
            worker(1, name=typed("李磊")),
            ethnicity=typed("汉"),
            address=typed("菏泽市牡丹区"),
            post=typed("钢筋工"),
            service_address=typed("万福街道"),
        )
    ]
    form.employer = EmployerEntry(
        name=typed("宏达劳务有限公司"),
        credit_code=credit_code(7),
        legal_representative=typed("张总"),
        address=typed("开发区"),
    )
    form.project_name = typed("幸福里三期")
    form.project_address = typed("牡丹区")
    form.general_contractor = EmployerEntry(name=typed("鲁建集团有限公司"), credit_code=credit_code(8))
    form.facts = typed("工资未结清")
    form.evidence = [typed("考勤表")]
    form.agent = AgentEntry(name=typed("王律师"), id_number=resident_id(40), phone="13900000040")
    form.employment = Employment.ENDED
    form.employment_ended_on = form.knew_on = date(2026, 10, 1)
    return register(workspace.context, form)


def labels_showing_markup(root: QWidget) -> list[str]:
    return [
        f"{type(label.parent()).__name__}: {label.text()}"
        for label in root.findChildren(QLabel)
        if TAG in label.text() and label.textFormat() != Qt.TextFormat.PlainText
    ]


def test_typed_markup_shows_as_typed_on_every_page_and_tab(chinese: None, workspace: Workspace, qtbot) -> None:
    case_id = marked_case(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    offenders = []
    for page in range(window.pages.count()):
        window.show_page(page)  # as the navigation does: a page is built at its first visit
        wait_idle(qtbot, workspace)
        offenders += labels_showing_markup(window)
    with qtbot.waitSignal(window.cases.model.refreshed):  # the search runs once typing pauses
        window.cases.search.setText("李磊")
    offenders += labels_showing_markup(window)

    workspace.case_requested.emit(case_id)
    case_file = qtbot.waitUntil(lambda: window.findChild(CaseDetailDialog) is not None) or window.findChild(
        CaseDetailDialog
    )
    qtbot.waitUntil(lambda: case_file.detail is not None)
    wait_idle(qtbot, workspace)
    shown_typed = [label for label in case_file.findChildren(QLabel) if TAG in label.text()]
    assert shown_typed, "the case file shows the typed names somewhere"
    for tabs in case_file.findChildren(QTabWidget):
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            wait_idle(qtbot, workspace)
            offenders += labels_showing_markup(case_file)
    assert not offenders, "\n".join(sorted(set(offenders)))
    case_file.close()
    window.close()
