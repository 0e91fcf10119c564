"""Every read-only table of every page and of the case file sorts by a click on its header."""

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from heze_station.domain import chinatime
from heze_station.services.station import StationContext
from heze_station.ui.main_window import MainWindow
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.ui.conftest import wait_idle


def unsortable(root: QWidget) -> list[str]:
    return [
        table.accessibleName() or table.objectName() or type(table.parent()).__name__
        for table in root.findChildren(QTableView)
        if table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers and not table.isSortingEnabled()
    ]


def test_every_read_only_table_sorts(qtbot, station: StationContext, workspace: Workspace) -> None:
    case_id = register(station, intake_form(received_on=chinatime.today()))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    wait_idle(qtbot, workspace)
    for page in range(window.pages.count()):
        window.show_page(page)
        wait_idle(qtbot, workspace)
    assert unsortable(window) == []

    window.open_case(case_id)
    wait_idle(qtbot, workspace)
    assert unsortable(window._case_windows[case_id]) == []
