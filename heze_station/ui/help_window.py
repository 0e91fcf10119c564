"""帮助 › 用户指南 (F1): the bundled Chinese user guide, with its table of contents and a search within the page.

The guide is our own content (resources/guide/index.html, its screenshots in resources/guide/images), so it is shown
as the rich text it is written in. F1 opens it at the section about what is on screen: the page of the main window,
the tab of a case file, or the window itself (section_for).
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from .kit import palette

GUIDE_FOLDER = "guide"
GUIDE_PAGE = "index.html"
FIRST_SECTION = "start"
# The guide's section about each page, tab and window, by its class's name: importing the views here would bring
# the database layer with them. The first visible one in a window decides (the current page, the current tab).
SECTIONS = {
    "DashboardView": "workbench",
    "CaseListView": "find",
    "IntakeView": "register",
    "RegistryView": "ledger",
    "StatisticsView": "statistics",
    "CluesView": "clues",
    "MediationTab": "mediation",
    "AgreementTab": "agreement",
    "AfterMediationTab": "court",
    "DocumentsTab": "documents",
    "CaseDetailDialog": "case-file",
    "SessionDialog": "sessions",
    "ExtensionDialog": "extension",
    "AgreementDialog": "terms",
    "SignerDialog": "signatures",
    "SignatureDialog": "signatures",
    "SignatureCollector": "signatures",
    "PaymentDialog": "payments",
    "SplitPaymentDialog": "payments",
    "ServiceDialog": "documents",
    "PrintPreview": "documents",
    "VerdictDialog": "documents",
    "WitnessDialog": "arbitration",
    "RosterReportDialog": "roster",
    "ArchiveWindow": "documents",
    "SealSettingsDialog": "new-station",
    "CourtSettingsDialog": "payment-order",
    "SyncWindow": "sync",
    "ConflictsWindow": "sync",
    "EnrolDialog": "sync",
    "BackupsWindow": "backups",
    "AccountsWindow": "accounts",
    "AccountDialog": "accounts",
    "ResetPasswordDialog": "accounts",
    "ChangePasswordDialog": "accounts",
    "AuditWindow": "accounts",
    "SignInDialog": "sign-in",
}


def guide_page() -> QUrl:
    return QUrl.fromLocalFile(str(paths.resource(GUIDE_FOLDER, GUIDE_PAGE)))


def section_for(window: QWidget | None) -> str:
    """The section about what ``window`` shows now: its visible page or tab the guide has a section for, else the
    window's own, else the beginning."""
    if window is None:
        return FIRST_SECTION
    for widget in window.findChildren(QWidget):
        section = SECTIONS.get(type(widget).__name__)
        # Case files and other windows are the main window's children too; their pages are not what it shows.
        if section and widget.window() is window and widget.isVisible():
            return section
    return SECTIONS.get(type(window).__name__, FIRST_SECTION)


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    level: int  # 1 the guide's title, 2 a chapter, 3 a part of one
    block: int  # the heading's block number in the document


def sections(document: QTextDocument) -> list[Section]:
    """The document's headings that have an anchor, in order."""
    found = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        fragments = block.begin()
        if level and not fragments.atEnd():
            names = fragments.fragment().charFormat().anchorNames()
            if names:
                found.append(Section(names[0], block.text(), level, block.blockNumber()))
        block = block.next()
    return found


class HelpWindow(QWidget):
    """The guide beside its contents; Ctrl+F searches the page, F3 / Shift+F3 find the next and previous match."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(guide_page())
        self.browser.sourceChanged.connect(self._follow)

        self.contents = QTreeWidget()
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName(self.tr("Contents"))
        self._items: dict[str, QTreeWidgetItem] = {}
        self._sections = sections(self.browser.document())
        self._fill_contents()
        self.browser.verticalScrollBar().valueChanged.connect(self._mark_section_at_top)
        self.contents.itemActivated.connect(self._contents_chosen)
        self.contents.itemClicked.connect(self._contents_chosen)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search this guide (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self.find(from_start=True))
        self.search.returnPressed.connect(self.find)
        self.not_found = QLabel(self.tr("Not found"))
        self.not_found.setStyleSheet(palette.ERROR_STYLE)
        self.not_found.hide()
        self.previous_button = QPushButton(self.tr("&Previous"))
        self.previous_button.clicked.connect(lambda: self.find(backward=True))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.clicked.connect(lambda: self.find())
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.not_found)
        search_row.addWidget(self.previous_button)
        search_row.addWidget(self.next_button)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find)
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, lambda: self.find(backward=True))

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 950])
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        self.resize(1200, 720)

    def _fill_contents(self) -> None:
        chapter: QTreeWidgetItem | None = None
        for section in self._sections:
            if section.level <= 2 or chapter is None:
                item = QTreeWidgetItem(self.contents, [section.title])
                chapter = item
            else:
                item = QTreeWidgetItem(chapter, [section.title])
            item.setData(0, Qt.ItemDataRole.UserRole, section.anchor)
            self._items[section.anchor] = item
        self.contents.expandAll()

    def show_section(self, anchor: str) -> None:
        """Scroll to ``anchor`` with its heading at the top, and mark it in the contents (also a section near the end,
        whose heading the page cannot bring to the top)."""
        self.browser.scrollToAnchor(anchor)
        item = self._items.get(anchor)
        if item is not None:
            self.contents.setCurrentItem(item)

    @property
    def current_section(self) -> str:
        item = self.contents.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else FIRST_SECTION

    def _mark_section_at_top(self, top: int) -> None:
        """The contents follow the reader: the section whose heading is the last above the top of the page."""
        document = self.browser.document()
        layout = document.documentLayout()
        reading = None
        for section in self._sections:
            if layout.blockBoundingRect(document.findBlockByNumber(section.block)).top() > top + 1:
                break
            reading = section
        if reading is not None:
            self.contents.setCurrentItem(self._items[reading.anchor])

    def _contents_chosen(self, item: QTreeWidgetItem) -> None:
        self.show_section(item.data(0, Qt.ItemDataRole.UserRole))

    def _follow(self, url: QUrl) -> None:
        # A link within the guide moved the page: the contents follow it.
        if url.hasFragment():
            self.show_section(url.fragment())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def find(self, *, backward: bool = False, from_start: bool = False) -> bool:
        """Select the next (or previous) match of the search text, wrapping round the page; say when there is none."""
        text = self.search.text().strip()
        if not text:
            self.not_found.hide()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        found = self.browser.find(text, flags)
        if not found:
            self.browser.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = self.browser.find(text, flags)
        self.not_found.setVisible(not found)
        return found
