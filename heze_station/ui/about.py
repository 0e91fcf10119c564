"""帮助 › 关于菏谐驿站: the version, where this station's data is kept, the Qt and Python underneath, and the licences
of the fonts the program carries (the interface's and the printed documents')."""

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, paths
from .kit.text import plain_label

# Every licence file under resources/fonts, with what it covers; a test checks that none is left out.
FONT_LICENCES = (
    (QT_TRANSLATE_NOOP("AboutDialog", "WenQuanYi Micro Hei, the interface's font"), "wqy-microhei.LICENSE.txt"),
    (QT_TRANSLATE_NOOP("AboutDialog", "WenQuanYi Micro Hei: Apache License 2.0"), "Apache-2.0.txt"),
    (QT_TRANSLATE_NOOP("AboutDialog", "AR PL UMing, the printed documents' font"), "ar-pl-uming.LICENSE.txt"),
)


def licence_text(file_name: str) -> str:
    return paths.resource("fonts", file_name).read_text(encoding="utf-8")


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("About heze-station"))
        title = QLabel(self.tr("heze-station: labour-dispute mediation"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.version = plain_label(self.tr("Version {version}").format(version=__version__))
        # A folder's name is the computer's, not ours: shown as it is, to be copied.
        self.folder = plain_label(str(data_dir), wrap=True, selectable=True)
        open_folder = QPushButton(self.tr("&Open the folder"))
        open_folder.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(open_folder)
        self.runtime = plain_label(
            self.tr("Qt {qt} (PySide6 {pyside}), Python {python}").format(
                qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
            )
        )
        facts = QFormLayout()
        facts.addRow(self.tr("Data folder:"), folder_row)
        facts.addRow(self.tr("Built on:"), self.runtime)

        self.licence_choice = QComboBox()
        for caption, file_name in FONT_LICENCES:
            self.licence_choice.addItem(QCoreApplication.translate("AboutDialog", caption), file_name)
        self.licence = QPlainTextEdit()
        self.licence.setReadOnly(True)
        self.licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licence_choice.currentIndexChanged.connect(self._show_licence)
        self._show_licence()
        licences = QFormLayout()
        licences.addRow(self.tr("Font &licence:"), self.licence_choice)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.version)
        layout.addLayout(facts)
        layout.addSpacing(8)
        layout.addLayout(licences)
        layout.addWidget(self.licence, 1)
        layout.addWidget(buttons)
        self.resize(720, 600)

    def _show_licence(self) -> None:
        self.licence.setPlainText(licence_text(self.licence_choice.currentData()))

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
