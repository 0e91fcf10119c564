"""The signature pad, driven as a person would: mouse strokes, a pen with pressure, a finger."""

import io

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from heze_station.ui.widgets.signature_pad import SignatureDialog, SignatureEmpty, SignaturePad


@pytest.fixture
def pad(qtbot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(400, 160)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _mouse(widget, kind: QEvent.Type, x: float, y: float, buttons=Qt.MouseButton.LeftButton) -> None:
    position = QPointF(x, y)
    event = QMouseEvent(
        kind, position, widget.mapToGlobal(position), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def mouse_stroke(widget, points: list[tuple[float, float]]) -> None:
    _mouse(widget, QEvent.Type.MouseButtonPress, *points[0])
    for x, y in points[1:]:
        _mouse(widget, QEvent.Type.MouseMove, x, y)
    _mouse(widget, QEvent.Type.MouseButtonRelease, *points[-1], buttons=Qt.MouseButton.NoButton)


def pen_stroke(widget, points: list[tuple[float, float]], pressure: float) -> None:
    device = QPointingDevice(
        "pen",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )
    kinds = [QEvent.Type.TabletPress] + [QEvent.Type.TabletMove] * (len(points) - 2) + [QEvent.Type.TabletRelease]
    for kind, (x, y) in zip(kinds, points, strict=True):
        position = QPointF(x, y)
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
        event = QTabletEvent(
            kind,
            device,
            position,
            widget.mapToGlobal(position),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            buttons,
        )
        QApplication.sendEvent(widget, event)


def ink_pixels(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    return sum(image.getchannel("A").histogram()[129:])


LINE = [(40 + 10 * i, 80 + (i % 3) * 4) for i in range(30)]


def test_a_mouse_stroke_exports_ink_on_a_transparent_background(pad: SignaturePad) -> None:
    mouse_stroke(pad, LINE)
    png = pad.to_png()
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    assert image.getpixel((0, 0))[3] == 0  # the corner is transparent, not white
    assert ink_pixels(png) > 500
    red, green, blue, _ = max(image.get_flattened_data(), key=lambda pixel: pixel[3])
    assert blue > red
    assert blue > green


def test_an_empty_pad_refuses_to_export(pad: SignaturePad) -> None:
    assert pad.is_empty()
    with pytest.raises(SignatureEmpty):
        pad.to_png()


def test_undo_removes_the_last_stroke_and_clear_removes_all(pad: SignaturePad, qtbot) -> None:
    mouse_stroke(pad, LINE)
    one_stroke = ink_pixels(pad.to_png())
    mouse_stroke(pad, [(x, y + 40) for x, y in LINE])
    assert pad.stroke_count() == 2
    with qtbot.waitSignal(pad.changed):
        pad.undo()
    assert pad.stroke_count() == 1
    assert ink_pixels(pad.to_png()) == one_stroke
    pad.clear()
    assert pad.is_empty()


def test_pen_pressure_makes_the_line_wider(pad: SignaturePad) -> None:
    pen_stroke(pad, LINE, pressure=0.1)
    light = ink_pixels(pad.to_png())
    pad.clear()
    pen_stroke(pad, LINE, pressure=1.0)
    heavy = ink_pixels(pad.to_png())
    assert heavy > 2 * light


def test_a_finger_signs_too(pad: SignaturePad) -> None:
    device = QTest.createTouchDevice()
    sequence = QTest.touchEvent(pad, device)
    sequence.press(0, QPoint(*LINE[0])).commit()
    for x, y in LINE[1:]:
        QTest.touchEvent(pad, device).move(0, QPoint(x, y)).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(*LINE[-1])).commit()
    assert pad.stroke_count() == 1
    assert ink_pixels(pad.to_png()) > 500


def test_the_dialog_will_not_accept_an_empty_signature(qtbot) -> None:
    dialog = SignatureDialog("李秀兰", "申请人")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "李秀兰" not in dialog.windowTitle(), "the taskbar and other programs see a window's title"
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.png is None
    assert dialog.problem.text()
    mouse_stroke(dialog.pad, LINE)
    assert dialog.problem.text() == ""
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.png is not None
    assert dialog.png.startswith(b"\x89PNG")
    assert dialog.signed_at is not None
    assert dialog.signed_at.tzinfo is not None


def test_undo_and_clear_buttons(qtbot) -> None:
    dialog = SignatureDialog("陈丽", "被申请人")
    qtbot.addWidget(dialog)
    dialog.show()
    mouse_stroke(dialog.pad, LINE)
    mouse_stroke(dialog.pad, [(x, y + 30) for x, y in LINE])
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.pad.stroke_count() == 1
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.pad.is_empty()
    QTimer.singleShot(0, dialog.reject)
