"""The loose field check: known fields by type, unknown ones only as small scalars with plain names."""

import pytest

from heze_station.sync.tables import MAX_TEXT_CHARS, SYNCED_TABLES, field_problem

CASE = SYNCED_TABLES["case_file"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("worker_count", 3), ("received_on", "2026-03-01"), ("registered_at", "2026-03-01T08:00:00+08:00"),
     ("project_id", "01a21e73-2287-7dce-9b90-3e10aefbca52"), ("is_collective", True), ("closed_on", None),
     ("new_column_from_a_later_release", "ok")],
)  # fmt: skip
def test_acceptable_values(name: str, value: object) -> None:
    assert field_problem(CASE, name, value) is None


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [("worker_count", "3", "must be integer"), ("worker_count", True, "must be integer"),
     ("received_on", "2026-02-30", "must be date"), ("registered_at", "2026-03-01T08:00:00", "must be datetime"),
     ("project_id", "not-a-uuid", "must be uuid"), ("Bad-Name", 1, "lower-case identifier"),
     ("version", 2, "managed by the sync protocol"), ("extra", {"nested": 1}, "unknown field"),
     ("facts", "x" * (MAX_TEXT_CHARS + 1), "longer than")],
)  # fmt: skip
def test_refused_values_say_why(name: str, value: object, words: str) -> None:
    problem = field_problem(CASE, name, value)
    assert problem is not None
    assert words in problem
