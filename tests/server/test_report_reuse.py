"""The supervision pages' kept reports (server/web/reports.py): what a page says its data is as of."""

from datetime import datetime, timedelta

from heze_station.domain import chinatime
from heze_station.server.web import reports


def test_a_kept_report_with_nothing_new_is_as_of_now_and_one_reused_past_changes_keeps_its_time(monkeypatch) -> None:
    moment = [datetime(2026, 12, 7, 9, 56, tzinfo=chinatime.CHINA_TZ)]
    monkeypatch.setattr(reports.chinatime, "now", lambda: moment[0])
    kept = reports.Reports()
    made = []

    def make() -> str:
        made.append(moment[0])
        return "figures"

    first = kept.get(("figures",), 100, make)
    assert first.as_of == moment[0]
    moment[0] += timedelta(minutes=7)
    same = kept.get(("figures",), 100, make)  # no sync since: still the whole truth, as of now
    assert same.as_of == moment[0]
    moment[0] += timedelta(seconds=20)
    reused = kept.get(("figures",), 101, make)  # a station synced: reused within the minute, as of when it was made
    assert reused.as_of == moment[0] - timedelta(seconds=20)
    assert len(made) == 1
