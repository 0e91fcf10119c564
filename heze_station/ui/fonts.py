"""The bundled CJK font: a fresh Windows or Linux machine may have none, and Chinese would show as boxes."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import paths

FONT_FILE = "wqy-microhei.ttc"
POINT_SIZE = 11


def install(application: QApplication) -> None:
    font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0], POINT_SIZE)
        application.setFont(font)
