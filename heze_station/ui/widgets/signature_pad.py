"""Capturing a hand signature on the spot: mouse, pen (with pressure, where the tablet reports it) or finger.

The pad keeps the strokes as points with pressure, draws them with a width that follows the pressure, and
exports a PNG with a transparent background, cropped to the ink, that the documents place in a signature box.
``SignatureDialog`` wraps it for one signer and refuses to accept an empty pad.
"""

import itertools
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import chinatime

INK = QColor(20, 30, 90)
# A mouse or a finger reports no pressure: draw as a pen pressed half way.
DEFAULT_PRESSURE = 0.5
BASE_WIDTH = 3.0  # pixels at the pad's own scale, for a half-pressed pen
EXPORT_SCALE = 2  # the PNG has twice the pad's pixels, for a sharp print
EXPORT_MARGIN = 8


@dataclass(frozen=True)
class InkPoint:
    x: float
    y: float
    pressure: float


def _width(pressure: float) -> float:
    # Light pressure still leaves a visible line; full pressure about three times as wide.
    return BASE_WIDTH * (0.4 + 1.2 * max(0.0, min(pressure, 1.0)))


class SignatureEmpty(ValueError):
    """Asked for the PNG of a pad nobody has signed."""


class SignaturePad(QWidget):
    """A white box to sign in. ``changed`` is emitted after every stroke, undo and clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._strokes: list[list[InkPoint]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(QSize(360, 140))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Sign here with the mouse, a pen or a finger."))

    # --- what the pad holds --------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def stroke_count(self) -> int:
        return len(self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        """Remove the last stroke."""
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    def to_png(self) -> bytes:
        """The ink on a transparent background, cropped to the signature; refuses an empty pad."""
        if self.is_empty():
            raise SignatureEmpty("the signature pad is empty")
        bounds = self._ink_bounds().adjusted(-EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN)
        image = QImage(
            int(bounds.width() * EXPORT_SCALE) + 1,
            int(bounds.height() * EXPORT_SCALE) + 1,
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(EXPORT_SCALE, EXPORT_SCALE)
        painter.translate(-bounds.topLeft())
        self._paint_ink(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # --- input: mouse, tablet, touch -----------------------------------------------------------------------

    def _begin(self, position: QPointF, pressure: float) -> None:
        self._strokes.append([InkPoint(position.x(), position.y(), pressure)])
        self._drawing = True
        self.update()

    def _extend(self, position: QPointF, pressure: float) -> None:
        if self._drawing:
            self._strokes[-1].append(InkPoint(position.x(), position.y(), pressure))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), DEFAULT_PRESSURE)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), DEFAULT_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the mouse events it would synthesise from the pen.
        event.accept()
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease:
            self._end()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                point = points[0]  # one finger signs; a second touch is a palm or a slip
                pressure = point.pressure() if 0 < point.pressure() < 1 else DEFAULT_PRESSURE
                if kind == QEvent.Type.TouchBegin:
                    self._begin(point.position(), pressure)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(point.position(), pressure)
                else:
                    self._extend(point.position(), pressure)
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # --- drawing -------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor(200, 200, 200), 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.75
        painter.drawLine(QPointF(12, baseline), QPointF(self.width() - 12, baseline))
        self._paint_ink(painter)
        painter.end()

    def _paint_ink(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self._strokes:
            if len(stroke) == 1:
                point = stroke[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(INK)
                radius = _width(point.pressure) / 2
                painter.drawEllipse(QPointF(point.x, point.y), radius, radius)
                continue
            for start, end in itertools.pairwise(stroke):
                pen = QPen(INK, _width((start.pressure + end.pressure) / 2))
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawLine(QPointF(start.x, start.y), QPointF(end.x, end.y))

    def _ink_bounds(self) -> QRectF:
        points = [point for stroke in self._strokes for point in stroke]
        widest = max(_width(point.pressure) for point in points)
        left = min(point.x for point in points) - widest
        top = min(point.y for point in points) - widest
        right = max(point.x for point in points) + widest
        bottom = max(point.y for point in points) + widest
        return QRectF(left, top, right - left, bottom - top)


class SignatureDialog(QDialog):
    """Signing for one person: the pad, Undo, Clear; OK only once something is signed."""

    def __init__(self, signer: str, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        # The signer by role in the title, which the taskbar and every other program see; by name inside.
        self.setWindowTitle(self.tr("Signature of the {role}").format(role=role))
        self.png: bytes | None = None
        self.signed_at: datetime | None = None
        self.pad = SignaturePad(self)
        prompt = QLabel(self.tr("{name} ({role}), please sign in the box below.").format(name=signer, role=role))
        prompt.setWordWrap(True)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.undo_button = QPushButton(self.tr("&Undo stroke"))
        self.clear_button = QPushButton(self.tr("C&lear"))
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.pad.changed.connect(lambda: self.problem.setText(""))
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.png = self.pad.to_png()
        except SignatureEmpty:
            self.problem.setText(self.tr("Nothing is signed yet: sign in the box, or cancel."))
            return
        self.signed_at = chinatime.now()
        super().accept()
