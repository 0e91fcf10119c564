"""The station's seal image (文书 settings): the seal the documents print, shown, and changed by the administrator.

Setting it used to happen silently from a file dialog; a wrong file (a scan with a white background, another
station's seal) was only seen on the next printed agreement. The dialog shows the seal as stored, before and
after it is changed.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import documents
from ..kit.palette import BANNER_STYLE
from ..workspace import Workspace

PREVIEW_SIZE = 220  # pixels: a 4 cm seal at screen scale, large enough to read the ring of characters


class SealSettingsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Station seal image"))
        self.setModal(True)
        self.explanation = QLabel(
            self.tr(
                "The documents print this image over the station's name. Use a PNG with a transparent background, "
                "scanned from the seal itself."
            )
        )
        self.explanation.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_SIZE, PREVIEW_SIZE)
        # A light chequer would show transparency; plain white is what the paper will be.
        self.preview.setStyleSheet("background: white; border: 1px solid #c8c8c8; color: #6b6b6b;")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(BANNER_STYLE)
        self.problem.hide()
        self.choose_button = QPushButton(self.tr("&Choose image…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, 0)
        self.reload()

    def reload(self) -> None:
        self.workspace.load(documents.station_seal, on_done=self.show_seal)

    def show_seal(self, png: bytes | None) -> None:
        image = QImage.fromData(png) if png else QImage()
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No seal image yet: the documents print the seal block empty."))
            return
        pixmap = QPixmap.fromImage(image).scaled(
            PREVIEW_SIZE,
            PREVIEW_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setText("")
        self.preview.setPixmap(pixmap)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Station seal image"), "", self.tr("Seal image with a transparent background (*.png)")
        )
        if path:
            self.use_file(Path(path))

    def use_file(self, path: Path) -> None:
        """Store the image the administrator chose (refusing what is not a picture), then show it as stored."""
        self.problem.hide()
        if QImage(str(path)).isNull():
            self.problem.setText(self.tr("{name} is not an image that can be read.").format(name=path.name))
            self.problem.show()
            return
        self.workspace.change(documents.set_station_seal, path, on_done=lambda _none: self.reload())
