"""Station dates are Chinese civil dates: deadlines fall on Beijing-time days whatever the laptop's zone says."""

from datetime import date, datetime, timedelta, timezone

# China has one zone and no daylight saving, so a fixed offset is exact and needs no tz database on Windows.
CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")


def now() -> datetime:
    return datetime.now(CHINA_TZ)


def today() -> date:
    return now().date()


def local_date(moment: datetime) -> date:
    return moment.astimezone(CHINA_TZ).date()


def chinese_date(day: date) -> str:
    """2026年11月30日, as documents, returns and pages write a date."""
    return f"{day.year}年{day.month}月{day.day}日"
