"""A station's return for a period (周调度表, 月调度表, 季总结表) as a PDF in the documents' style.

The content arrives worded (translated labels, formatted values); this module only lays it out on GB/T 9704 pages:
the title, the station and period, one ruled table per section, what each figure counts in small type under the
tables, and page numbers.
"""

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from . import fonts, layout
from .layout import BOTTOM_MARGIN, LEFT_MARGIN, PAGE_WIDTH, TOP_MARGIN, TYPE_WIDTH, Paragraph, mm


@dataclass(frozen=True)
class ReturnRow:
    label: str
    value: str
    counts: str  # what the figure counts, printed in the notes


@dataclass(frozen=True)
class ReturnSection:
    title: str
    headings: tuple[str, str]
    rows: list[ReturnRow]


@dataclass(frozen=True)
class ReturnContent:
    title: str  # e.g. 月调度表
    station: str
    period: str  # 2026年11月1日至2026年11月30日
    made_at: datetime
    sections: list[ReturnSection]
    notes_title: str


def _page_number(canvas: Canvas, document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(fonts.SONG, 12)
    canvas.drawCentredString(LEFT_MARGIN + TYPE_WIDTH / 2, BOTTOM_MARGIN - 14 * mm, f"— {document.page} —")
    canvas.restoreState()


def build_return(content: ReturnContent) -> bytes:
    styles = layout.styles()
    cell = styles.cell
    note = ParagraphStyle("note", parent=cell, fontSize=10, leading=14)
    story: list = [
        layout.Title(content.title),
        Paragraph(f"{layout.text(content.station)}　{layout.text(content.period)}", styles.plain),
        Paragraph(f"制表时间：{layout.chinese_moment(content.made_at)}", styles.plain),
    ]
    for section in content.sections:
        rows = [[Paragraph(layout.text(heading), cell) for heading in section.headings]]
        rows += [
            [Paragraph(layout.text(row.label), cell), Paragraph(layout.text(row.value), styles.cell_centre)]
            for row in section.rows
        ]
        story += [
            layout.gap(),
            Paragraph(layout.text(section.title), styles.heading),
            layout.grid_table(rows, [TYPE_WIDTH * 0.62, TYPE_WIDTH * 0.38]),
        ]
    story += [layout.gap(), Paragraph(layout.text(content.notes_title), styles.heading)]
    seen: set[str] = set()
    for section in content.sections:
        for row in section.rows:
            if row.label not in seen:
                seen.add(row.label)
                story.append(Paragraph(f"{layout.text(row.label)}：{layout.text(row.counts)}", note))
    output = io.BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=PAGE_WIDTH - LEFT_MARGIN - TYPE_WIDTH,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"{content.title} {content.period}",
        author=content.station,
        creator="heze-station",
        initialFontName=fonts.SONG,  # not reportlab's default, unembedded Helvetica
    )
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return output.getvalue()
