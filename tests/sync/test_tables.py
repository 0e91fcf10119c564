"""The shared schema: each field by its type, length and allowed values; a new row with every required field."""

import pytest

from heze_station.sync.fields import MAX_TEXT_CHARS
from heze_station.sync.tables import SYNCED_TABLES

CASE = SYNCED_TABLES["case_file"]
PERSON = SYNCED_TABLES["person"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("worker_count", 3), ("received_on", "2026-03-01"), ("registered_at", "2026-03-01T08:00:00+08:00"),
     ("registered_at", "2026-03-01T00:00:00.123456Z"), ("project_id", "01a21e73-2287-7dce-9b90-3e10aefbca52"),
     ("is_collective", True), ("closed_on", None), ("status", "accepted"), ("facts", "x" * MAX_TEXT_CHARS)],
)  # fmt: skip
def test_acceptable_values(name: str, value: object) -> None:
    assert CASE.field_problem(name, value) is None


@pytest.mark.parametrize(
    ("name", "value", "code", "words"),
    [("worker_count", "3", "invalid_field", "must be integer"), ("worker_count", True, "invalid_field", "integer"),
     ("worker_count", 2**63, "invalid_field", "must be integer"),
     ("received_on", "2026-02-30", "invalid_field", "must be date"),
     ("received_on", "20260301", "invalid_field", "must be date"),
     ("received_on", "2026-03-01\n", "invalid_field", "must be date"),
     ("registered_at", "2026-03-01T08:00:00", "invalid_field", "must be datetime"),
     ("registered_at", "0001-01-01T00:00:00+08:00", "invalid_field", "must be datetime"),
     ("project_id", "not-a-uuid", "invalid_field", "must be uuid"),
     ("project_id", "01A21E73-2287-7DCE-9B90-3E10AEFBCA52", "invalid_field", "must be uuid"),
     ("status", "paid_in_gold", "invalid_field", "must be one of registered, accepted"),
     ("registered_by_id", None, "invalid_field", "must not be null"),
     ("number", "号" * 41, "invalid_field", "longer than 40"),
     ("Bad-Name", 1, "unknown_field", "lower-case identifier"),
     ("search_key", 7, "unknown_field", "no field search_key"),
     ("version", 2, "unknown_field", "no field version")],
)  # fmt: skip
def test_refused_values_say_why_without_repeating_them(name: str, value: object, code: str, words: str) -> None:
    problem = CASE.field_problem(name, value)
    assert problem is not None
    assert (problem.code, words in problem.message) == (code, True)
    if isinstance(value, str) and len(value) > 3:
        assert value not in problem.message


def test_a_new_row_needs_every_required_field_and_a_change_only_valid_values() -> None:
    assert [problem.field for problem in PERSON.problems({"phone": "13800000000"}, new_row=True)] == ["name"]
    assert PERSON.problems({"phone": "13800000000"}, new_row=False) == []
    assert PERSON.problems({"name": "张三"}, new_row=True) == []  # phone and address have defaults
    missing = {problem.field for problem in CASE.problems({"number": "菏谐调字〔2026〕第0001号"}, new_row=True)}
    assert {"station_id", "year", "sequence", "channel", "category", "registered_at", "received_on"} <= missing
    assert "status" not in missing  # the station's default: registered
