"""reportlab's Paragraph and Table, read once and measured once, and a one-line cell: most of a collective
agreement is its roster, a table of several hundred one-line cells, and reportlab spent more time reading and
re-measuring them than drawing them.

Paragraph and Table write the same PDF byte for byte (the golden files prove it); a Line draws the same pixels as
the paragraph it stands for (compared at 300 dpi on the roster's pages when it was written).
"""

import copy
import weakref
from xml.sax.saxutils import escape

from reportlab import platypus
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus import paragraph as reportlab_paragraph
from reportlab.platypus.paraparser import ParaFrag, ParaParser

# Text with neither is plain: no tag, no entity to read.
MARKUP = ("<", "&")
FITS_MARGIN = 0.01  # points
ALIGNED = (TA_LEFT, TA_CENTER)  # what a Line sets itself; the rest is left to the paragraph

_plain_fragments: weakref.WeakKeyDictionary[ParagraphStyle, ParaFrag] = weakref.WeakKeyDictionary()


def _plain_fragment(text: str, style: ParagraphStyle) -> ParaFrag:
    """What reportlab's parser makes of plain text: one fragment in the style's face, copied from the style's."""
    template = _plain_fragments.get(style)
    if template is None:
        template = ParaParser().parse("x", style)[1][0]
        _plain_fragments[style] = template
    fragment = copy.copy(template)
    fragment.text = text
    return fragment


class Paragraph(reportlab_paragraph.Paragraph):
    """A paragraph of reportlab's, read without its markup parser when it has no markup, and whose lines are
    broken once per width.

    A table measures every cell to size its rows, measures them again for each page it is split across, and a
    third time to draw them; ``keep`` measures its paragraphs before the frame does. The lines only depend on the
    width (reportlab ignores the height offered), so the second measure of the same text is the first one's.
    A split that finds no room drops the broken lines (``blPara``); the next measure breaks them again."""

    _measured: tuple[float, tuple[float, float]] | None = None

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,  # reportlab's names: its split makes the halves with ready fragments
        frags: list[ParaFrag] | None = None,
        **options: object,
    ) -> None:
        if frags is None and text is not None:
            plain = reportlab_paragraph.cleanBlockQuotedText(text)  # what reportlab's parser is given
            if plain and not any(mark in plain for mark in MARKUP):
                text, frags = plain, [_plain_fragment(plain, style)]
                reportlab_paragraph.textTransformFrags(frags, style)
        super().__init__(text, style, bulletText, frags, **options)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._measured is None or self._measured[0] != available_width or not hasattr(self, "blPara"):
            self._measured = (available_width, super().wrap(available_width, available_height))
        return self._measured[1]

    def breakLinesCJK(self, maxWidths: float | list[float]) -> ParaFrag:
        """reportlab's lines, with no line begun by a closing mark or ended by an opening one (GB/T 15834).

        reportlab hangs one closing mark in the margin, but a second one (the colon of "（用人单位）：") then
        begins the next line, and it leaves an opening bracket at a line's end. Such a line is broken again
        narrower, so that the character before the marks goes down with them, and then spread to the full width
        as before."""
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        full = list(widths)
        lines = super().breakLinesCJK(list(widths))  # reportlab widens its list for a bullet
        if getattr(self, "_splitpara", 0):
            return lines  # the first part of a paragraph split across pages: its lines, as broken here before
        for _ in range(MOST_LINES_RETRIED):
            retry = _badly_broken(lines, self.frags)
            if retry is None:
                break
            index, width = retry
            widths += [widths[-1]] * (index + 2 - len(widths))
            full += [full[-1]] * (index + 2 - len(full))
            widths[index + 1 :] = full[index + 1 :]  # only the line before the break is narrower
            if width >= widths[index]:
                break
            widths[index] = width
            lines = super().breakLinesCJK(list(widths))
        for index, (narrowed, whole) in enumerate(zip(widths, full, strict=False)):
            if narrowed != whole and index < len(lines.lines):
                _widen(lines, index, whole - narrowed)
        return lines


# Marks that never begin a line beyond reportlab's own list (read when used: documents.layout adds the Chinese
# comma and colon to it), and marks that never end one.
CANNOT_END_LINE = "（《〈“‘【〔［｛"
MOST_LINES_RETRIED = 8  # a paragraph with more such breaks than this keeps the rest as reportlab made them


def _text(lines: ParaFrag, index: int) -> str:
    line = lines.lines[index]
    return line[1][0] if lines.kind == 0 else "".join(word.text for word in line.words)  # kind 0: (space, [text])


def _widths(lines: ParaFrag, index: int, frags: list[ParaFrag]) -> list[float]:
    """The width of each character of line ``index``, in the face of the fragment it is set in."""
    if lines.kind == 0:
        face = frags[0]
        return [stringWidth(each, face.fontName, face.fontSize) for each in _text(lines, index)]
    return [stringWidth(each, word.fontName, word.fontSize) for word in lines.lines[index].words for each in word.text]


def _badly_broken(lines: ParaFrag, frags: list[ParaFrag]) -> tuple[int, float] | None:
    """(a line, the narrower width that takes its last characters down) for the first line whose next line
    begins with a closing mark, or that ends with an opening mark; None when every break is right."""
    cannot_start = reportlab_paragraph.ALL_CANNOT_START
    following = _text(lines, 0) if lines.lines else ""
    for index in range(len(lines.lines) - 1):
        text, following = following, _text(lines, index + 1)
        if len(text) < 3 or not following or (lines.kind == 1 and lines.lines[index].lineBreak):
            continue  # too short to give anything, or broken where the text says
        if following[0] in cannot_start:
            # The character before the marks hung at this line's end overflows, and goes down with them.
            keep = len(text) - 1
            while keep > 1 and text[keep] in cannot_start:
                keep -= 1
        elif text[-1] in CANNOT_END_LINE:
            keep = len(text) - 1
        else:
            continue
        widths = _widths(lines, index, frags)
        return index, sum(widths[:keep]) + widths[keep] / 2
    return None


def _widen(lines: ParaFrag, index: int, extra: float) -> None:
    """Line ``index``, broken narrower, set across the whole width again (justified or ragged as before)."""
    if lines.kind == 0:
        space, words = lines.lines[index]
        lines.lines[index] = (space + extra, words)
    else:
        line = lines.lines[index]
        line.extraSpace += extra
        line.maxWidth += extra


class Table(platypus.Table):
    """reportlab's table, sized once for the space it is offered: a frame sizes a table to see whether it fits and,
    when it does not, sizes it again for the same space to split it (a roster: every row of 60 workers)."""

    _sized_for: tuple[float, float] | None = None

    def _calc(self, available_width: float, available_height: float) -> None:
        if self._sized_for != (available_width, available_height):
            super()._calc(available_width, available_height)
            self._sized_for = (available_width, available_height)

    def setStyle(self, commands: object) -> None:
        self._sized_for = None  # spans and paddings change the sizes
        super().setStyle(commands)


def _plain_line_style(style: ParagraphStyle) -> bool:
    """A style a Line sets as the paragraph would: left or centred, no indent, no background, no transformation."""
    indented = style.leftIndent or style.rightIndent or style.firstLineIndent
    decorated = style.backColor or style.borderWidth or style.textTransform
    return style.alignment in ALIGNED and not indented and not decorated


class Line(Flowable):
    """A table cell's plain text (not markup) that fits on one line, set as reportlab's paragraph sets it: at the
    top of the cell, the first baseline a font size down, left or centred. The paragraph breaks a text into lines
    character by character first, which for a roster's few hundred names, numbers and amounts took longer than
    drawing them; a text too wide for its cell is left to the paragraph, which wraps it."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = reportlab_paragraph.cleanBlockQuotedText(text)  # white space as the paragraph has it
        self.style = style
        self._text_width = stringWidth(self.text, style.fontName, style.fontSize)
        self._paragraph: Paragraph | None = None
        if not (self.text and _plain_line_style(style)):
            self._paragraph = Paragraph(escape(self.text), style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # The paragraph measures a line as the sum of its characters' widths; a hair's margin keeps a text on the
        # edge, whose sum might round the other way, with the paragraph.
        if self._paragraph is None and self._text_width > available_width - FITS_MARGIN:
            self._paragraph = Paragraph(escape(self.text), self.style)
        if self._paragraph is not None:
            return self._paragraph.wrap(available_width, available_height)
        self.width, self.height = available_width, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        if self._paragraph is not None:
            self._paragraph.drawOn(self.canv, 0, 0)
            return
        style, canvas = self.style, self.canv
        # No saveState here: drawOn saves and restores the canvas around every flowable.
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize, style.leading)
        baseline = self.height - style.fontSize
        left = (self.width - self._text_width) / 2 if style.alignment == TA_CENTER else 0
        canvas.drawString(left, baseline, self.text)
