"""The Chinese of the figures' names, from the station's translation catalogue (resources/i18n), as the station
shows them: the city page names a figure exactly as the station's 统计 page does."""

import xml.etree.ElementTree as ElementTree
from datetime import date
from functools import cache

from ... import paths
from ...domain.periods import Period, PeriodKind
from ...domain.text import invisible

CATALOGUE = ("i18n", "heze_station_zh_CN.ts")


@cache
def _catalogue() -> dict[str, str]:
    root = ElementTree.parse(paths.resource(*CATALOGUE)).getroot()
    return {
        message.findtext("source", ""): message.findtext("translation", "")
        for context in root.iter("context")
        if context.findtext("name") == "Domain"
        for message in context.iter("message")
        if message.findtext("translation")
    }


def tr(source: str) -> str:
    """``source`` (an English source text of domain/) in Chinese; the source itself when none is there yet."""
    return _catalogue().get(source, source)


def group(value: object) -> str:
    """A breakdown's group: an enum member by its label, a project by its name, nothing given said so."""
    if value is None:
        return "（未填写）"
    return tr(value.label) if hasattr(value, "label") else str(value)


def shown(name: str) -> str:
    """A station's or district's name as the pages and the return show it: without the control and formatting
    characters (domain.text.invisible) that an older server let into it. A right-to-left override (U+202E)
    reversed the rest of the page's heading and of the return's first cell."""
    return "".join(character for character in name if not invisible(character))


def day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def period_name(period: Period) -> str:
    """2026年第48周, 2026年11月, 2026年第3季度, 2026年, or its dates."""
    match period.kind:
        case PeriodKind.WEEK:
            year, week, _ = period.first.isocalendar()
            return f"{year}年第{week}周（{day(period.first)}至{day(period.last)}）"
        case PeriodKind.MONTH:
            return f"{period.first.year}年{period.first.month}月"
        case PeriodKind.QUARTER:
            return f"{period.first.year}年第{(period.first.month - 1) // 3 + 1}季度"
        case PeriodKind.YEAR:
            return f"{period.first.year}年"
    return f"{day(period.first)}至{day(period.last)}"


RETURN_TITLES = {
    PeriodKind.WEEK: "周调度",
    PeriodKind.MONTH: "月调度",
    PeriodKind.QUARTER: "季总结",
    PeriodKind.YEAR: "年度报表",
    PeriodKind.CUSTOM: "统计报表",
}
