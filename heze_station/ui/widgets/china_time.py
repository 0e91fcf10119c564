"""A date and time entered and shown as Beijing time, whatever zone the computer is set to.

A QDateTimeEdit starts from, and reads back, the machine's local time; a laptop left on another zone (or on UTC,
as many are after a reinstall) would record a mediation session hours off while labelling it China time.
"""

from datetime import datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from ...domain import chinatime

CHINA_ZONE = QTimeZone(int(chinatime.CHINA_TZ.utcoffset(None).total_seconds()))


def china_datetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), CHINA_ZONE)


class ChinaDateTimeEdit(QDateTimeEdit):
    """To the minute, with a calendar; ``moment()`` is timezone-aware (+08:00)."""

    def __init__(self, value: datetime | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTimeZone(CHINA_ZONE)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.set_moment(value or chinatime.now())

    def set_moment(self, moment: datetime) -> None:
        # To the minute it shows: seconds nobody sees would be stored too.
        self.setDateTime(china_datetime(moment.replace(second=0, microsecond=0)))

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), chinatime.CHINA_TZ)
