"""帮助: F1 opens the bundled user guide at the section about what is on screen; the guide is whole (its pictures
are there, its links lead somewhere) and searchable; 关于 shows the version `heze-station --version` prints, the data
folder and the fonts' licences."""

import importlib
import pkgutil
import subprocess
import sys

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from heze_station import paths
from heze_station.ui import about, help_window
from heze_station.ui.help_window import HelpWindow
from heze_station.ui.main_window import MainWindow
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.ui.conftest import type_chinese, wait_idle

GUIDE_MAX_BYTES = 3 * 1024 * 1024  # bundled with every installation


def open_window(qtbot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the shortcuts answer in the active window only
    wait_idle(qtbot, workspace)
    return window


def links_and_pictures(document: QTextDocument) -> tuple[set[str], list[str], list[str]]:
    """The anchors the document names, the links it makes, and the pictures it shows."""
    anchors: set[str] = set()
    links: list[str] = []
    pictures: list[str] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            character = fragments.fragment().charFormat()
            anchors.update(character.anchorNames())
            if character.isAnchor() and character.anchorHref():
                links.append(character.anchorHref())
            if character.isImageFormat():
                pictures.append(character.toImageFormat().name())
            fragments += 1
        block = block.next()
    return anchors, links, pictures


def test_f1_on_the_register_page_opens_the_guide_at_registering(chinese: None, workspace: Workspace, qtbot) -> None:
    window = open_window(qtbot, workspace)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.intake
    assert window.intake.channel.hasFocus()  # typing starts in the form, not in the page list

    qtbot.keyClick(window, Qt.Key.Key_F1)

    guide = window.help_window
    qtbot.waitExposed(guide)
    assert guide.windowTitle() == "用户指南"
    assert guide.contents.currentItem().text(0) == "登记投诉"
    # The heading is at the top of the page, not somewhere below the beginning of the guide.
    top = guide.browser.cursorForPosition(guide.browser.viewport().rect().topLeft()).block()
    assert guide.browser.verticalScrollBar().value() > 0
    assert "登记投诉" in top.text() or top.previous().text() == "登记投诉"

    # The contents lead anywhere in the guide.
    chapter = guide.contents.findItems("同步", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    guide.contents.itemClicked.emit(chapter, 0)
    assert guide.current_section == "sync"
    # Scrolling the page moves the mark in the contents along.
    guide.browser.scrollToAnchor("backups")
    assert guide.contents.currentItem().text(0) == "备份与恢复"
    window.close()


def test_f1_in_a_case_file_opens_the_section_of_its_page(chinese: None, workspace: Workspace, qtbot) -> None:
    case_id = register(workspace.context, intake_form())
    window = open_window(qtbot, workspace)
    window.open_case(case_id)
    case_window = window._case_windows[case_id]
    qtbot.waitExposed(case_window)
    wait_idle(qtbot, workspace)
    case_window.tabs.setCurrentWidget(case_window.mediation_tab)
    case_window.activateWindow()
    qtbot.waitUntil(lambda: case_window.isActiveWindow())

    qtbot.keyClick(case_window, Qt.Key.Key_F1)

    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible())
    assert window.help_window.current_section == "mediation"
    assert window.help_window.contents.currentItem().text(0) == "调解"
    window.close()


def test_every_picture_of_the_guide_is_bundled_and_every_link_leads_somewhere(qtbot) -> None:
    guide = HelpWindow()
    qtbot.addWidget(guide)
    document = guide.browser.document()
    anchors, links, pictures = links_and_pictures(document)

    folder = paths.resource(help_window.GUIDE_FOLDER)
    assert pictures, "the guide shows the screens it explains"
    for picture in pictures:
        assert (folder / picture).is_file(), picture
        assert not QImage(str(folder / picture)).isNull(), picture
        assert document.resource(QTextDocument.ResourceType.ImageResource, QUrl(picture)) is not None
    for link in links:
        if link.startswith("#"):
            assert link[1:] in anchors, link
    # Every page, tab and window F1 can be pressed in has its section, and the contents list them all.
    assert set(help_window.SECTIONS.values()) | {help_window.FIRST_SECTION} <= anchors
    assert set(help_window.SECTIONS.values()) <= set(guide._items)
    # Nothing in the folder the guide does not show, and all of it small enough to bundle.
    bundled = [file for file in folder.rglob("*") if file.is_file()]
    assert {file.relative_to(folder).as_posix() for file in bundled} == {help_window.GUIDE_PAGE, *pictures}
    assert sum(file.stat().st_size for file in bundled) < GUIDE_MAX_BYTES


def test_every_window_the_guide_knows_by_name_exists() -> None:
    """The sections are found by the class names of the pages, tabs and windows: a renamed class would lose its."""
    import heze_station.ui

    names = set()
    for module in pkgutil.walk_packages(heze_station.ui.__path__, "heze_station.ui."):
        loaded = importlib.import_module(module.name)
        names.update(name for name, value in vars(loaded).items() if isinstance(value, type))
    assert set(help_window.SECTIONS) <= names


def test_ctrl_f_searches_the_guide(chinese: None, qtbot) -> None:
    guide = HelpWindow()
    qtbot.addWidget(guide)
    with qtbot.waitActive(guide):
        guide.show()
        guide.activateWindow()

    guide.browser.setFocus()
    qtbot.keyClick(guide.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert guide.focusWidget() is guide.search
    type_chinese(guide.search, "花名册")
    assert guide.browser.textCursor().selectedText() == "花名册"
    first = guide.browser.textCursor().position()
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    second = guide.browser.textCursor().position()
    assert second > first
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.browser.textCursor().position() > second
    qtbot.mouseClick(guide.previous_button, Qt.MouseButton.LeftButton)
    assert guide.browser.textCursor().position() == second
    assert not guide.not_found.isVisible()

    guide.search.clear()
    type_chinese(guide.search, "火星")
    assert guide.not_found.isVisible()
    assert guide.not_found.text() == "未找到"


def test_about_shows_the_version_of_the_command_the_data_folder_and_the_font_licences(
    chinese: None, workspace: Workspace, qtbot
) -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "heze_station", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    window = open_window(qtbot, workspace)

    window.about_action.trigger()

    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "关于菏谐驿站"
    assert dialog.version.text() == f"版本 {printed}"
    assert dialog.folder.text() == str(workspace.context.data_dir)
    assert dialog.folder.textFormat() is Qt.TextFormat.PlainText
    # Every licence file the fonts came with can be read in the dialog.
    listed = {dialog.licence_choice.itemData(index) for index in range(dialog.licence_choice.count())}
    assert listed == {file.name for file in paths.resource("fonts").glob("*.txt")}
    assert isinstance(dialog.licence, QPlainTextEdit)
    assert dialog.licence.isReadOnly()
    dialog.licence_choice.setCurrentIndex(dialog.licence_choice.findData("ar-pl-uming.LICENSE.txt"))
    assert "ARPHIC PUBLIC LICENSE" in dialog.licence.toPlainText()
    assert dialog.licence.toPlainText() == about.licence_text("ar-pl-uming.LICENSE.txt")
    dialog.close()
    window.close()
