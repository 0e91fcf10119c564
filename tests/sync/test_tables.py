"""The shared schema: each field by its type, length and allowed values; a new row with every required field."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heze_station.sync.fields import MAX_TEXT_CHARS, FieldRule, FieldType
from heze_station.sync.tables import SYNCED_TABLES, TableRule

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
     ("received_on", "1899-12-31", "invalid_field", "must be date"),
     ("claimed_total_fen", -1, "invalid_field", "must be from 0 to"),
     ("claimed_total_fen", 2**62, "invalid_field", "must be from 0 to"),
     ("sequence", 0, "invalid_field", "must be from 1 to 999999"),
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


# What a device might send for a field of each type: good values, those at the type's edges, and of other types.
_EDGES = {
    FieldType.TEXT: ["张三", "", "accepted", "registered", "号" * 41, "x" * (MAX_TEXT_CHARS + 1)],
    FieldType.INTEGER: [0, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, True, 1.0],
    FieldType.BOOLEAN: [True, False, 0, 1],
    FieldType.DATE: ["2026-03-01", "2026-02-30", "20260301", "2026-03-01\n", "0001-01-01", "2999-12-31", "3000-01-01",
                     "9999-12-31", "1899-12-31", "1900-01-01"],
    FieldType.DATETIME: ["2026-03-01T08:00:00+08:00", "2026-03-01T00:00:00.123456Z", "2026-03-01T08:00:00",
                         "0001-01-01T00:00:00+08:00", "0001-01-01T00:00:00-08:00", "9999-12-31T23:30:00-01:00",
                         "9999-12-31T20:00:00+01:00", "2026-02-30T08:00:00+08:00", "2999-12-31T23:30:00-01:00",
                         "3000-01-01T00:00:00+08:00"],
    FieldType.UUID: ["01a21e73-2287-7dce-9b90-3e10aefbca52", "01A21E73-2287-7DCE-9B90-3E10AEFBCA52", "not-a-uuid"],
}  # fmt: skip
_OTHERS = st.one_of(st.none(), st.integers(), st.floats(), st.text(max_size=12), st.lists(st.integers(), max_size=2))
_TABLES = ("case_file", "person", "timeline_event", "agreement_instalment", "attachment", "staff_user")
_FORMS = {  # a good value of each form, then values a hostile device sent
    "sha256": ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "ab\x01cd", "../" * 21 + "a",
               "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "9f86d0818" * 7 + "0"],
    "public_key": ["Lm3LWIPiN2yDuBSkXIFIgVLFBVs5sG38SHbkHuoRZH0=", "", "not a key", "Lm3LWIPiN2yDuBSkXIFIgVLFBVs5sG38"],
}  # fmt: skip


def _edges(rule: FieldRule) -> list[object]:
    """A field's values at its type's edges, and at its range's or form's."""
    edges = list(_EDGES[rule.type])
    if rule.most is not None:
        edges += [rule.least - 1, rule.least, rule.most, rule.most + 1]
    if rule.form is not None:
        edges += _FORMS[rule.form]
    return edges


def _good_value(rule: FieldRule) -> object:
    if rule.choices:
        return rule.choices[0]
    if rule.form is not None:
        return _FORMS[rule.form][0]
    return rule.least if rule.least is not None else _EDGES[rule.type][0]


def _good_row(table: TableRule) -> dict[str, object]:
    return {name: _good_value(rule) for name, rule in table.fields.items()}


@pytest.mark.parametrize("name", _TABLES)
def test_a_page_of_good_rows_is_checked_at_once(name: str) -> None:
    table = SYNCED_TABLES[name]
    page = [_good_row(table) for _ in range(3)]
    assert table.rows_fit(page, new_rows=True)
    assert table.rows_fit([{**page[0], "deleted_at": None}, page[1]], new_rows=False)
    # A row without a required field is a problem for a new row only.
    required = next(iter(table.required))
    partial = [page[0], {key: value for key, value in page[1].items() if key != required}]
    assert (table.rows_fit(partial, new_rows=True), table.rows_fit(partial, new_rows=False)) == (False, True)


@pytest.mark.parametrize("name", _TABLES)
def test_a_page_is_refused_at_once_exactly_when_a_row_of_it_is_refused_alone(name: str) -> None:
    # Every field of the table given each value at its type's edges, and none, in a page beside a good row.
    table = SYNCED_TABLES[name]
    for field, rule in table.fields.items():
        for value in [*_edges(rule), None]:
            rows = [_good_row(table), _good_row(table) | {field: value}]
            for new_rows in (True, False):
                alone = [table.problems(row, new_row=new_rows) for row in rows] == [[], []]
                assert table.rows_fit(rows, new_rows=new_rows) == alone, (field, value, new_rows)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(data=st.data(), name=st.sampled_from(_TABLES), others=st.integers(0, 2), unknown=st.booleans(),
       new_rows=st.booleans())  # fmt: skip
def test_a_page_passes_the_check_at_once_only_if_every_row_passes_alone(
    data: st.DataObject, name: str, others: int, unknown: bool, new_rows: bool
) -> None:
    table = SYNCED_TABLES[name]
    field = data.draw(st.sampled_from(sorted(table.fields)))
    value = data.draw(st.one_of(st.sampled_from(_edges(table.fields[field])), _OTHERS))
    # Good rows and one with a field given a generated value (and perhaps a field a newer program added).
    changed = _good_row(table) | {field: value} | ({"added_later": 1} if unknown else {})
    rows = [_good_row(table)] * others + [changed]
    if table.rows_fit(rows, new_rows=new_rows):
        assert [table.problems(row, new_row=new_rows) for row in rows] == [[]] * len(rows)
