"""The benchmark's roster must be one the import takes whole, or its figures would time the refusal path."""

from pathlib import Path

from bench.roster import write_roster
from heze_station.services.intake import MAX_WORKERS
from heze_station.services.roster import read_roster


def test_benchmark_roster_is_a_clean_roster_at_the_limit_of_one_case(tmp_path: Path) -> None:
    report = read_roster(write_roster(tmp_path / "roster.xlsx"))

    assert report.usable
    assert len(report.rows) == MAX_WORKERS
    assert len({row.entry.id_number for row in report.rows}) == MAX_WORKERS
    assert report.representatives == 3
