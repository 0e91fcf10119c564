"""Issue 15 item 8: the station's seal is shown in the documents' settings, and shown again once it is set."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from heze_station.services import documents
from heze_station.ui.main_window import MainWindow
from heze_station.ui.views.seal_settings import SealSettingsDialog
from tests.ui.conftest import wait_idle


def red_seal(path) -> None:
    image = QImage(300, 300, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setPen(QColor("#c8102e"))
    painter.drawEllipse(10, 10, 280, 280)
    painter.end()
    assert image.save(str(path))


def test_the_seal_chosen_in_the_documents_settings_is_shown_as_stored(qtbot, workspace, tmp_path) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, workspace)
    window.seal_action.trigger()
    dialog = window.seal_dialog
    assert isinstance(dialog, SealSettingsDialog)
    wait_idle(qtbot, workspace)
    assert dialog.preview.text() == "No seal image yet: the documents print the seal block empty."

    # A file that is no picture is refused before anything is stored.
    text = tmp_path / "seal.png"
    text.write_text("not an image")
    dialog.use_file(text)
    assert dialog.problem.text() == "seal.png is not an image that can be read."
    assert documents.station_seal(workspace.context) is None

    seal = tmp_path / "印章.png"
    red_seal(seal)
    dialog.use_file(seal)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull())
    assert dialog.preview.text() == ""
    assert dialog.preview.pixmap().width() == 220  # scaled into the preview, as stored
    assert documents.station_seal(workspace.context) == seal.read_bytes()
    window.close()
