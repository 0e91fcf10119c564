"""Bar charts as inline SVG, drawn on the server: the page needs no script and prints as it shows."""

import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from markupsafe import Markup

BAR_SPAN = 350  # the longest bar
BAR_HEIGHT = 22
GAP = 6
FONT = 13
# SVG text neither wraps nor widens its column: the labels' column is as wide as the longest label (a station's
# official name, 菏泽市牡丹区人民政府皇镇街道劳动争议调解驿站, was cut off on the left), up to this many
# characters' width; a longer label is cut short with "…" and shows whole as the bar's tooltip.
LABEL_MAX = 26 * FONT


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str  # the value as shown beside the bar


def _width(text: str) -> int:
    """``text``'s width in pixels, about: a Chinese character is as wide as the font is high, others about 0.6 of it
    (rounded up, so that a label is never drawn wider than its column)."""
    return sum(FONT if unicodedata.east_asian_width(character) in "WF" else 8 for character in text)


def _fitted(label: str) -> str:
    while _width(label) > LABEL_MAX:
        label = label[:-2] + "…"
    return label


def bars(title: str, items: list[Bar]) -> Markup:
    """Horizontal bars, one per item, scaled to the largest; an empty chart says there is nothing to show."""
    if not items:
        return Markup(f'<p class="empty">{escape(title)}：本期无数据</p>')
    largest = max(item.value for item in items) or 1
    column = max(_width(_fitted(item.label)) for item in items) + 8  # the labels'
    width = column + BAR_SPAN + 90  # and the value beside the longest bar
    height = len(items) * (BAR_HEIGHT + GAP) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for index, item in enumerate(items):
        top = 28 + index * (BAR_HEIGHT + GAP)
        length = max(round(BAR_SPAN * item.value / largest), 1 if item.value else 0)
        label = escape(_fitted(item.label))
        parts += [
            f"<g><title>{escape(item.label)}：{escape(item.text)}</title>",
            f'<text x="{column - 8}" y="{top + 16}" font-size="{FONT}" text-anchor="end">{label}</text>',
            f'<rect x="{column}" y="{top}" width="{length}" height="{BAR_HEIGHT}" fill="#2f6f9f"/>',
            f'<text x="{column + length + 6}" y="{top + 16}" font-size="{FONT}">{escape(item.text)}</text></g>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
