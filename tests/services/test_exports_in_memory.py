"""Exports that hold personal data pass through no temporary file (a thief found the case list's rows in clear in
the temp folder after an export to a USB stick pulled out too soon), and a failed one leaves nothing behind."""

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from heze_station import spreadsheet
from heze_station.domain.errors import DomainError
from heze_station.services import audit, case_export, ledger
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage import disk
from tests.factories import intake_form, register

EXPORTS: dict[str, Callable[[StationContext, Path], object]] = {
    "case list": lambda station, path: case_export.export_cases(station, CaseFilter(), path, str),
    "audit trail": lambda station, path: audit.export(station, audit.AuditFilter(), path, ["序号"], {}),
    "ledger": lambda station, path: ledger.export_ledger(station, path, str),
}


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder every library uses, empty, and what it held when each export wrote its file."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_passes_through_no_temporary_file_and_a_failed_one_leaves_nothing(
    station: StationContext, tmp_path: Path, temporary: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    register(station, intake_form(2))
    seen: list[list[str]] = []
    close = spreadsheet.PersonalWorkbook.close

    def looked_at_first(workbook: spreadsheet.PersonalWorkbook) -> None:
        seen.append(sorted(path.name for path in temporary.iterdir()))  # every row is in the workbook by now
        close(workbook)

    monkeypatch.setattr(spreadsheet.PersonalWorkbook, "close", looked_at_first)
    EXPORTS[name](station, tmp_path / "导出.xlsx")
    assert seen == [[]]
    assert load_workbook(tmp_path / "导出.xlsx").worksheets[0].max_row >= 2

    stick = tmp_path / "U盘"  # pulled out before the file was written
    with pytest.raises(disk.FileNotWritten):
        EXPORTS[name](station, stick / "导出.xlsx")
    assert list(temporary.iterdir()) == []
    assert not stick.exists()


def test_text_a_spreadsheet_would_run_stays_text_dates_are_dates_and_headings_bold(tmp_path: Path) -> None:
    from datetime import date

    path = tmp_path / "导出.xlsx"
    workbook = spreadsheet.PersonalWorkbook(path)
    sheet = workbook.sheet("导出")
    sheet.append(["序号", "日期"], bold=True)
    sheet.append(['=HYPERLINK("http://x","点这里")', date(2026, 12, 1), "http://example.com", "-1", 12])
    workbook.close()

    rows = list(load_workbook(path)["导出"].iter_rows())
    assert rows[0][0].font.b
    formula, day, link, minus, number = rows[1]
    assert (formula.value, formula.data_type, formula.quotePrefix) == ('=HYPERLINK("http://x","点这里")', "s", True)
    assert day.value.date() == date(2026, 12, 1)
    assert (link.value, link.hyperlink) == ("http://example.com", None)
    assert (minus.value, minus.quotePrefix, number.value) == ("-1", True, 12)


@pytest.mark.parametrize("name", ["case list", "audit trail"])
def test_more_rows_than_a_file_holds_in_memory_are_refused_in_words_before_anything_is_written(
    station: StationContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    register(station, intake_form(2))
    monkeypatch.setattr(spreadsheet, "MOST_ROWS", 0)  # as 100,000 would be for years of an audit trail
    folder = tmp_path / "导出"
    folder.mkdir()
    with pytest.raises(DomainError) as refused:
        EXPORTS[name](station, folder / "导出.xlsx")
    assert "one file holds at most 0" in refused.value.message.render()
    assert list(folder.iterdir()) == []
