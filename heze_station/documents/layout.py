"""The page every document is printed on: A4 after GB/T 9704, with the case number, page numbers and QR code.

GB/T 9704 (党政机关公文格式): top margin 37 mm, left (binding) margin 28 mm, a type area of 156 x 225 mm, body in a
Song/FangSong face at 16 pt (三号) with 22 lines a page, titles at 22 pt (二号). The header carries the case
number, the footer "第 x 页 共 y 页", and every page a QR code with the short verification code beneath it
(see ``integrity``). Builders hand over a story of flowables; ``render`` lays it out in one pass.
"""

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from xml.sax.saxutils import escape

import segno
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib import textsplit as reportlab_textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, TableStyle
from reportlab.platypus import paragraph as reportlab_paragraph
from reportlab.platypus.flowables import KeepTogether

from ..domain import chinatime
from ..domain.chinatime import chinese_date  # the builders take it from here, with the page's other helpers
from ..sync import issued
from . import fonts, images, integrity
from .content import Header, Signer, SignerRole
from .typesetting import Paragraph, Table

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
TYPE_WIDTH = 156 * mm
TYPE_HEIGHT = 225 * mm
BOTTOM_MARGIN = PAGE_HEIGHT - TOP_MARGIN - TYPE_HEIGHT
BODY_SIZE = 16
BODY_LEADING = TYPE_HEIGHT / 22  # 22 lines a page
TITLE_SIZE = 22
SMALL_SIZE = 12
QR_SIZE = 18 * mm
# The minutes' foot on every page: the readers' confirmation, then a row of boxes for each four readers, each box under
# the name of who signs it. A row is as tall as a signature needs; the body is shortened by as many rows as needed.
PAGE_SIGNATURE_COLUMNS = 4
PAGE_SIGNATURE_ROWS_MAX = 4
_PAGE_SIGNATURE_HEAD = 9 * mm
_PAGE_SIGNATURE_ROW = 14.5 * mm
_PAGE_SIGNATURE_LABEL = 3.6 * mm
_PAGE_LABEL_SIZES = (8, 7, 6)  # a long name is set smaller to fit its box's width, never over the next one
# A company cannot sign: the person who speaks for it signs the box of its role.
_PAGE_SIGNER_LABEL = {SignerRole.EMPLOYER: "被申请人", SignerRole.GENERAL_CONTRACTOR: "施工总承包单位"}


def page_signature_height(signers: int) -> float:
    """How much the minutes' foot takes from every page, for so many readers (none: nothing)."""
    if not signers:
        return 0.0
    return _PAGE_SIGNATURE_HEAD + -(-signers // PAGE_SIGNATURE_COLUMNS) * _PAGE_SIGNATURE_ROW


SIGNER_ROLE_WORDING = {
    SignerRole.WORKER: "申请人（劳动者）",
    SignerRole.AGENT: "委托代理人",
    SignerRole.REPRESENTATIVE: "劳动者代表",
    SignerRole.EMPLOYER: "被申请人（用人单位）",
    SignerRole.GENERAL_CONTRACTOR: "施工总承包单位",
    SignerRole.MEDIATOR: "调解员",
    SignerRole.RECORDER: "记录人",
    SignerRole.RECIPIENT: "受送达人",
    SignerRole.SERVER: "送达人",
    SignerRole.WITNESS: "见证人",
}


# GB/T 15834: these never start a line. reportlab's list has the Japanese set and lacks the Chinese full-width
# comma, colon, semicolon, question and exclamation marks and closing quotes.
CHINESE_CANNOT_START_LINE = "，：；？！”’》〉"


@cache
def _configure_reportlab() -> str:
    """Once per process: the face, Chinese line breaking, binary image streams. Returns the face's name."""
    for module in (reportlab_paragraph, reportlab_textsplit):  # each holds its own copy of the list
        if CHINESE_CANNOT_START_LINE[0] not in module.ALL_CANNOT_START:
            module.ALL_CANNOT_START += CHINESE_CANNOT_START_LINE
    # Images (seal, signatures) as binary streams: ASCII85 would make them 25 % bigger and, without reportlab's
    # optional C accelerator, cost more time than everything else in a build.
    rl_config.useA85 = 0
    return fonts.register()


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    plain: ParagraphStyle  # body without the two-character indent
    heading: ParagraphStyle  # 一、二、 section headings
    number: ParagraphStyle  # the document number under the title
    right: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle


def styles() -> Styles:
    song = _configure_reportlab()
    body = ParagraphStyle(
        "body",
        fontName=song,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        firstLineIndent=2 * BODY_SIZE,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    plain = ParagraphStyle("plain", parent=body, firstLineIndent=0, alignment=TA_LEFT)
    cell = ParagraphStyle("cell", parent=plain, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.35)
    return Styles(
        body=body,
        plain=plain,
        heading=ParagraphStyle("heading", parent=plain, spaceBefore=4, keepWithNext=1),
        number=ParagraphStyle("number", parent=plain, alignment=TA_CENTER, spaceAfter=BODY_LEADING / 2),
        right=ParagraphStyle("right", parent=plain, alignment=TA_RIGHT),
        cell=cell,
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
    )


def text(value: str) -> str:
    """Paragraphs read a little markup; the parties' own words must print as typed, '<' and '&' included."""
    return escape(value).replace("\n", "<br/>")


def chinese_moment(moment: datetime) -> str:
    local = moment.astimezone(chinatime.CHINA_TZ)
    return f"{chinese_date(local.date())}{local.hour}时{local.minute:02d}分"


def on_day(day: date | None) -> str:
    """“于2026年12月1日” for a decision's day in a document's body (its own date is the day it was printed), or
    nothing when the day is not known."""
    return f"于{chinese_date(day)}" if day is not None else ""


class Title(Flowable):
    """The centred title. The Song face has no bold, and official titles use a heavy Song (小标宋), so the
    glyphs are filled and stroked (text render mode 2) to thicken them, which keeps the text extractable."""

    def __init__(self, title: str, size: float = TITLE_SIZE):
        super().__init__()
        self.title = title
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size * 2

    def draw(self) -> None:
        canvas = self.canv
        text_object = canvas.beginText()
        text_object.setFont(fonts.SONG, self.size)
        text_object.setTextRenderMode(2)
        canvas.setLineWidth(self.size / 40)
        # Official titles are spaced out when short (调 解 协 议 书 reads as one word to pdftotext all the same).
        spacing = self.size * 0.25 if len(self.title) <= 8 else 0
        text_object.setCharSpace(spacing)
        width = canvas.stringWidth(self.title, fonts.SONG, self.size) + spacing * (len(self.title) - 1)
        text_object.setTextOrigin((self.width - width) / 2, self.size * 0.6)
        text_object.textOut(self.title)
        canvas.drawText(text_object)


class ImageBox(Flowable):
    """A PNG (a signature, a seal) scaled into a box, keeping its proportions; an empty box without one."""

    def __init__(self, png: bytes | None, width: float, height: float, *, frame: bool = False):
        super().__init__()
        self.png, self.width, self.height, self.frame = png, width, height, frame

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if self.frame:
            self.canv.setStrokeColor(colors.grey)
            self.canv.setLineWidth(0.5)
            self.canv.rect(0, 0, self.width, self.height)
        if self.png:
            images.draw_png(self.canv, self.png, 0, 0, self.width, self.height)


class SealBlock(Flowable):
    """The issuing body's name and the date, right-aligned, with the red seal over them (骑年盖月)."""

    SEAL = 42 * mm

    def __init__(self, header: Header, *, label: str = ""):
        super().__init__()
        self.header = header
        self.label = label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, BODY_LEADING * 3.5

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(fonts.SONG, BODY_SIZE)
        name = self.header.station.name + (f"（{self.label}）" if self.label else "")
        issued = chinese_date(self.header.issued_on)
        right = self.width - 2 * BODY_SIZE
        name_width = canvas.stringWidth(name, fonts.SONG, BODY_SIZE)
        date_width = canvas.stringWidth(issued, fonts.SONG, BODY_SIZE)
        centre = right - max(name_width, date_width) / 2
        canvas.drawCentredString(centre, BODY_LEADING * 1.6, name)
        canvas.drawCentredString(centre, BODY_LEADING * 0.5, issued)
        seal = self.header.station.seal_png
        if seal:
            # Centred between the name and the date, so that the seal covers both (骑年盖月).
            middle = BODY_LEADING * 1.35
            images.draw_png(
                canvas, seal, centre - self.SEAL / 2, middle - self.SEAL / 2, self.SEAL, self.SEAL, seal=True
            )
        else:
            canvas.setFont(fonts.SONG, SMALL_SIZE)
            canvas.drawCentredString(centre, BODY_LEADING * 2.7, "（盖章）")


# Plain-string cells (even empty ones) would be set in reportlab's default Helvetica, a font never embedded.
_TABLE_FONT = [("FONTNAME", (0, 0), (-1, -1), fonts.SONG), ("FONTSIZE", (0, 0), (-1, -1), SMALL_SIZE)]


def _signed_on(signer: Signer) -> str:
    """The date beside a signature, as a plain cell: never broken over two lines (a Paragraph broke 2026年12月10日
    before its 日 in the tables' date columns), and the blank to date by hand keeps its spaces for the pen."""
    if signer.signed_at is None:
        return "    年  月  日"  # dated by hand on paper
    return chinese_date(chinatime.local_date(signer.signed_at))


# The date column: the longest date (2026年12月10日, about 29.6 mm in the cells' font) fits inside its width with
# this side padding, as it did not with reportlab's default of 6 points a side; set with the leading of the
# paragraphs beside it (the name's), so that both sit on one line.
_DATE_COLUMN = [
    ("LEFTPADDING", (-1, 0), (-1, -1), 3),
    ("RIGHTPADDING", (-1, 0), (-1, -1), 3),
    ("LEADING", (-1, 0), (-1, -1), SMALL_SIZE * 1.35),
]


def _thumbprint_box(signer: Signer) -> Flowable | str:
    return ImageBox(None, 16 * mm, 16 * mm, frame=True) if signer.thumbprint else ""


def signature_cell(signer: Signer | None, s: Styles) -> Table | str:
    """A signer's signature, thumbprint box and date, to sit inside a form's cell."""
    if signer is None:
        return ""
    signature = ImageBox(signer.signature_png, 38 * mm, 14 * mm, frame=signer.signature_png is None)
    cells = [
        [
            Paragraph(text(signer.name), s.cell),
            signature,
            _thumbprint_box(signer),
            _signed_on(signer),
        ]
    ]
    table = Table(cells, colWidths=[22 * mm, 40 * mm, 18 * mm, 32 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([*_TABLE_FONT, *_DATE_COLUMN, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def signature_table(
    signers: Sequence[Signer], s: Styles, wording: Mapping[SignerRole, str] = SIGNER_ROLE_WORDING
) -> Table:
    """One row a signer: who (``wording`` names the roles where a document names them its own way), the signature
    (or an empty box for pen), a thumbprint box if wanted, the date."""
    rows = []
    for signer in signers:
        rows.append(
            [
                Paragraph(text(wording[signer.role]), s.cell),
                Paragraph(text(signer.name), s.cell),
                ImageBox(signer.signature_png, 38 * mm, 14 * mm, frame=signer.signature_png is None),
                _thumbprint_box(signer),
                _signed_on(signer),
            ]
        )
    table = Table(rows, colWidths=[36 * mm, 26 * mm, 42 * mm, 19 * mm, 33 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *_TABLE_FONT,
                *_DATE_COLUMN,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def grid_table(rows: list[list[object]], widths: Sequence[float], *, header_rows: int = 1) -> Table:
    """A ruled table whose header repeats on every page and whose rows are never cut in half."""
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="CENTER")
    commands = [
        *_TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.93, 0.93, 0.93)))
    table.setStyle(TableStyle(commands))
    return table


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


# The signatures that stay with what follows them (a seal, a date) when a document's end is set over two pages: the
# last to sign, the employer's handler and the mediator in most documents.
SIGNERS_WITH_SEAL = 2


def ending(
    words: Sequence[Flowable],
    s: Styles,
    signers: Sequence[Signer] = (),
    *,
    wording: Mapping[SignerRole, str] = SIGNER_ROLE_WORDING,
    after: Sequence[Flowable] = (),
) -> KeepTogether:
    """A document's end, on one page when it fits: its last ``words`` (the last paragraph, a caption), the
    signatures, and ``after`` them the seal's place, the seal or a date. Taller than a page holds, it is set over
    two: the words with the first signatures, then the last SIGNERS_WITH_SEAL signatures with what follows them.
    Either way the signatures begin on a page of the document's text, and a seal or a date never stands on a page
    of its own, which could be stapled to another document (GB/T 9704 keeps the seal with the text for that
    reason)."""
    if len(signers) <= SIGNERS_WITH_SEAL:
        return keep(*words, *([signature_table(signers, s, wording)] if signers else []), *after)
    first, last = signers[:-SIGNERS_WITH_SEAL], signers[-SIGNERS_WITH_SEAL:]
    return keep(keep(*words, signature_table(first, s, wording)), keep(signature_table(last, s, wording), *after))


def gap(lines: float = 0.5) -> Spacer:
    return Spacer(1, BODY_LEADING * lines)


@dataclass(frozen=True)
class Furniture:
    """What every page of one document carries besides its story."""

    header: Header
    title: str
    content_digest: str
    page_signers: tuple[Signer, ...] = ()  # the minutes: the reader confirms and signs every page

    @property
    def code(self) -> str:
        return integrity.verification_code(self.header.document_id, self.content_digest)


def _qr_form(canvas: Canvas, payload: str) -> str:
    """Draw the QR code once as a form XObject that every page reuses."""
    name = "hezeQr"
    matrix = segno.make(payload, error="m", micro=False).matrix
    modules = len(matrix)
    module = QR_SIZE / modules
    canvas.beginForm(name)
    path = canvas.beginPath()
    for row, line in enumerate(matrix):
        # One rectangle per run of dark modules: a third of the drawing operations of one per module.
        column = 0
        while column < modules:
            if not line[column]:
                column += 1
                continue
            start = column
            while column < modules and line[column]:
                column += 1
            path.rect(start * module, QR_SIZE - (row + 1) * module, (column - start) * module, module)
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.endForm()
    return name


def _draw_furniture(canvas: Canvas, furniture: Furniture, page: int, pages: int, qr_form: str) -> None:
    canvas.saveState()
    right = LEFT_MARGIN + TYPE_WIDTH
    # Header: the case number above the type area, a hairline under it.
    canvas.setFont(fonts.SONG, 10.5)
    header_y = PAGE_HEIGHT - TOP_MARGIN + 9 * mm
    canvas.drawString(LEFT_MARGIN, header_y, furniture.header.station.name)
    canvas.drawRightString(right, header_y, f"案号：{furniture.header.case_number}")
    canvas.setLineWidth(0.5)
    canvas.line(LEFT_MARGIN, header_y - 2.5 * mm, right, header_y - 2.5 * mm)
    # Footer: page numbers centred, the QR code and its verification code at the right.
    canvas.setFont(fonts.SONG, 14)
    canvas.drawCentredString(LEFT_MARGIN + TYPE_WIDTH / 2, BOTTOM_MARGIN - 14 * mm, f"第 {page} 页 共 {pages} 页")
    qr_y = BOTTOM_MARGIN - QR_SIZE - 8 * mm
    canvas.saveState()
    canvas.translate(right - QR_SIZE, qr_y)
    canvas.doForm(qr_form)
    canvas.restoreState()
    canvas.setFont(fonts.SONG, 8)
    canvas.drawRightString(right, qr_y - 3.2 * mm, f"验证码 {furniture.code}")
    canvas.drawRightString(right - QR_SIZE - 2 * mm, qr_y + 1 * mm, furniture.title)
    if furniture.page_signers:
        _draw_page_confirmation(canvas, furniture.page_signers)
    canvas.restoreState()


def _draw_page_confirmation(canvas: Canvas, signers: tuple[Signer, ...]) -> None:
    """The minutes' foot on every page: the reader's confirmation and one signature box per reader."""
    top = BOTTOM_MARGIN + page_signature_height(len(signers))
    canvas.setLineWidth(0.5)
    canvas.line(LEFT_MARGIN, top - 2 * mm, LEFT_MARGIN + TYPE_WIDTH, top - 2 * mm)
    canvas.setFont(fonts.SONG, SMALL_SIZE)
    canvas.drawString(LEFT_MARGIN, top - 7 * mm, "以上笔录我已看过，与我所说一致。（阅读人逐页签名）")
    width = TYPE_WIDTH / PAGE_SIGNATURE_COLUMNS
    box_width, box_height = width - 3 * mm, _PAGE_SIGNATURE_ROW - _PAGE_SIGNATURE_LABEL - 1.5 * mm
    for index, signer in enumerate(signers):
        row, column = divmod(index, PAGE_SIGNATURE_COLUMNS)
        x = LEFT_MARGIN + column * width
        y = top - _PAGE_SIGNATURE_HEAD - (row + 1) * _PAGE_SIGNATURE_ROW
        label = _PAGE_SIGNER_LABEL.get(signer.role, signer.name)
        size = next(
            (size for size in _PAGE_LABEL_SIZES if canvas.stringWidth(label, fonts.SONG, size) <= box_width),
            _PAGE_LABEL_SIZES[-1],
        )
        canvas.setFont(fonts.SONG, size)
        canvas.drawString(x, y + box_height + 1.2 * mm, _fitted(canvas, label, size, box_width))
        canvas.setStrokeColor(colors.grey)
        canvas.rect(x, y, box_width, box_height)
        if signer.signature_png:
            images.draw_png(canvas, signer.signature_png, x, y, box_width, box_height)


def _fitted(canvas: Canvas, label: str, size: float, width: float) -> str:
    """``label`` as it fits ``width`` at ``size``: cut with an ellipsis past the smallest size (a name of some
    twenty characters), so that it never runs into the next box; the box's signature says the rest."""
    if canvas.stringWidth(label, fonts.SONG, size) <= width:
        return label
    while label and canvas.stringWidth(label + "…", fonts.SONG, size) > width:
        label = label[:-1]
    return label + "…"


def _numbered_canvas(furniture: Furniture) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say how many pages there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            qr_form = _qr_form(self, integrity.qr_payload(furniture.header.document_id, furniture.content_digest))
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                _draw_furniture(self, furniture, number, len(self._held_pages), qr_form)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(story: list[Flowable], furniture: Furniture, *, invariant: bool = False) -> bytes:
    """Lay ``story`` out on GB/T 9704 pages and return the PDF bytes (unsigned).

    ``invariant`` fixes the creation date and file id, so the same content gives the same bytes (golden tests).
    """
    _configure_reportlab()
    output = io.BytesIO()
    reserved = page_signature_height(len(furniture.page_signers))
    header = furniture.header
    document = BaseDocTemplate(
        output,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=PAGE_WIDTH - LEFT_MARGIN - TYPE_WIDTH,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN + reserved,
        title=f"{furniture.title} {header.case_number}",
        author=header.station.name,
        subject=header.case_number,
        creator="heze-station",
        keywords=issued.keywords(header.document_id, furniture.content_digest),
        invariant=int(invariant),
        pageCompression=1,
        # reportlab starts every page in Helvetica, which pdffonts would list as a font that is not embedded.
        initialFontName=fonts.SONG,
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(story, canvasmaker=_numbered_canvas(furniture))
    return output.getvalue()
