"""Bar charts as inline SVG, drawn on the server: the page needs no script and prints as it shows."""

from dataclasses import dataclass
from xml.sax.saxutils import escape

from markupsafe import Markup

WIDTH = 640
BAR_HEIGHT = 22
LABEL_WIDTH = 200
GAP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str  # the value as shown beside the bar


def bars(title: str, items: list[Bar]) -> Markup:
    """Horizontal bars, one per item, scaled to the largest; an empty chart says there is nothing to show."""
    if not items:
        return Markup(f'<p class="empty">{escape(title)}：本期无数据</p>')
    largest = max(item.value for item in items) or 1
    span = WIDTH - LABEL_WIDTH - 90
    height = len(items) * (BAR_HEIGHT + GAP) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for index, item in enumerate(items):
        top = 28 + index * (BAR_HEIGHT + GAP)
        length = max(round(span * item.value / largest), 1 if item.value else 0)
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{top + 16}" font-size="13" text-anchor="end">{escape(item.label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{top}" width="{length}" height="{BAR_HEIGHT}" fill="#2f6f9f"/>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{top + 16}" font-size="13">{escape(item.text)}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
