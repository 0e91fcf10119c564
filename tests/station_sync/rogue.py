"""A rogue device: an enrolled device of one station that pushes whatever it likes, and the real stations that must
not notice (issue 12, point 10).

Each trial the rogue pushes generated transactions (random tables, fields, types, sizes, clocks, ids of its own,
of another station and of the city's rows; whole rows with a field spoilt; broken envelopes), then a real station
of the same station and one of another station sync, and the first saves an edit. A trial is *stuck* when a sync
or the save fails; the server must answer no 5xx, and no row it stores may be one a station could not store
(checked against the shared schema on the server, and as rows a station had to set aside).

Used by tests/station_sync/test_rogue.py (hundreds of trials) and bench/sync.py (ten thousand).
"""

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from hypothesis import strategies as st
from sqlalchemy import delete, select

from heze_station.domain.ids import new_id
from heze_station.server import reference
from heze_station.server.models import SyncRow
from heze_station.services import sync
from heze_station.services.station import StationContext
from heze_station.storage.models import Case, QuarantinedRow
from heze_station.sync.fields import FieldRule, FieldType
from heze_station.sync.hlc import MAX_AHEAD_MS, Hlc
from heze_station.sync.tables import SYNCED_TABLES
from tests.factories import intake_form, register
from tests.server.client import DeviceClient
from tests.stations import join_city

from .faults import CityServer, new_station

NAMES = sorted({name for rule in SYNCED_TABLES.values() for name in rule.fields} | {"id", "version", "search_key"})
CITY_REFERENCE = {
    "employers": [{"kind": "company", "credit_code": "91371700MA3CXXXX1X", "name": "菏泽建工集团"}],
    "calendar": [{"day": "2027-01-01", "kind": "holiday", "source": "国务院办公厅"}],
    "calendar_years": [{"year": 2027, "complete": True, "source": "国务院办公厅"}],
    "clues": [{"platform_ref": "GZQX-ROGUE", "station": "城区驿站", "amount_fen": 100}],
}


@dataclass
class Tally:
    trials: int = 0
    stuck: int = 0
    server_errors: int = 0
    invalid_rows_stored: int = 0
    problems: list[str] = field(default_factory=list)  # the first few, in words

    def note(self, problem: str) -> None:
        if len(self.problems) < 20:
            self.problems.append(problem)

    def line(self) -> str:
        return (
            f"sync_rogue_trials_stuck {self.stuck} (goal <= 0) trials {self.trials} "
            f"server_errors {self.server_errors} invalid_rows_stored {self.invalid_rows_stored}"
        )


class RogueLab:
    """The city server, a rogue device of 城区驿站, a real laptop of 城区驿站 and one of 开发区驿站."""

    def __init__(self, root: Path, *, server_process: bool = False):
        """``server_process``: the server in a process of its own (faster for many trials: no shared GIL)."""
        self.server = CityServer(root / "server", process=server_process, auth_failures_allowed=10**9)
        self.server.start()
        home, other = self.server.create_station("城区驿站"), self.server.create_station("开发区驿站")
        self.home = self._laptop(root / "home", home, "城区笔记本")
        self.other = self._laptop(root / "other", other, "开发区笔记本")
        with self.server.database.transaction() as session:
            reference.import_reference(session, reference.ReferenceFile(**CITY_REFERENCE))
        self.case_id = register(self.home, intake_form(2))
        self.other_case = register(self.other, intake_form(1, employer_serial=2))
        for station in (self.home, self.other):
            sync.sync_now(station)
        self.rogue = DeviceClient.enrol(self.server.url, self.server.enrol_code(home), "rogue")
        self.ids: dict[str, list[str]] = defaultdict(list)  # table -> ids a push may name: own, other, city
        with self.server.database.transaction() as session:
            for row_id, table in session.execute(select(SyncRow.row_id, SyncRow.table_name)):
                self.ids[table].append(str(row_id))
        self.checked_seq = 0
        self.tally = Tally()

    def _laptop(self, folder: Path, station_id: uuid.UUID, name: str) -> StationContext:
        context = new_station(folder)
        join_city(context, self.server.url, self.server.enrol_code(station_id), name)
        return context

    def close(self) -> None:
        self.rogue.close()
        for station in (self.home, self.other):
            station.close()
        self.server.close()

    # --- one trial ----------------------------------------------------------------------------------------------

    def trial(self, body: dict[str, Any] | bytes) -> None:
        tally = self.tally
        tally.trials += 1
        content = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        try:
            answer = self.rogue.http.post(
                "/v1/sync/push", content=content, headers={"Content-Type": "application/json"}
            )
        except httpx.HTTPError as error:  # the server dropped the connection: as bad as a 5xx
            tally.server_errors += 1
            tally.note(f"push: {type(error).__name__}")
            return
        if answer.status_code >= 500:
            tally.server_errors += 1
            tally.note(f"push: HTTP {answer.status_code}")
        elif answer.status_code == 200:
            self._learn(json.loads(content), answer.json())
        self._stations_carry_on()
        tally.invalid_rows_stored += self._invalid_rows()

    def _learn(self, sent: dict[str, Any], answer: dict[str, Any]) -> None:
        """The device's next number, and the rows it made, for later pushes to name."""
        self.rogue.next_seq = answer["next_seq"]
        ops = {op["op_id"]: op for tx in sent.get("transactions", []) for op in tx["ops"]}
        for result in answer["results"]:
            for applied in result["ops"]:
                op = ops.get(applied["op_id"])
                if op and applied["status"] != "unchanged" and op["row_id"] not in self.ids[op["table"]]:
                    self.ids[op["table"]].append(op["row_id"])

    def _stations_carry_on(self) -> None:
        """Both real stations sync, and the rogue's own station saves an edit: none of it may fail."""
        tally = self.tally
        for station in (self.home, self.other):
            try:
                sync.sync_now(station)
            except sync.SyncProblem as problem:
                tally.stuck += 1
                tally.note(f"{station.station_name}: sync {problem.reason.value} {problem.detail[:120]}")
                return
            with station.database.replica_transaction() as session:  # counted, then cleared for the next trial
                kept_aside = session.execute(delete(QuarantinedRow).returning(QuarantinedRow.table_name,
                                                                              QuarantinedRow.reason)).all()  # fmt: skip
            for table, reason in kept_aside:
                tally.invalid_rows_stored += 1
                tally.note(f"{station.station_name} could not store {table}: {reason}")
        try:
            with self.home.database.transaction() as session:
                session.get_one(Case, self.case_id).facts = f"第 {tally.trials} 次检查后仍可保存"
        except Exception as error:
            tally.stuck += 1
            tally.note(f"save: {type(error).__name__}")

    def _invalid_rows(self) -> int:
        """Rows written since the last check that a station could not store (the shared schema, whole rows)."""
        with self.server.database.transaction() as session:
            rows = session.execute(
                select(SyncRow.change_seq, SyncRow.table_name, SyncRow.fields).where(
                    SyncRow.change_seq > self.checked_seq
                )
            ).all()
        invalid = 0
        for seq, table, fields in rows:
            self.checked_seq = max(self.checked_seq, seq)
            rule = SYNCED_TABLES.get(table)
            problems = rule.problems(fields, new_row=True) if rule else ["unknown table"]
            if table == "sync_conflict":  # the server's own record carries both values as any JSON
                problems = [p for p in problems if getattr(p, "code", "") != "unknown_field"]
            if problems:
                invalid += 1
                self.tally.note(f"stored {table}: {problems[0]}")
        return invalid


# --- what a rogue sends -------------------------------------------------------------------------------------------


def _now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def _clock(kind: str, ahead_ms: int) -> str:
    return {
        "now": lambda: str(Hlc(_now_ms(), 0, "rogue")),
        "ahead": lambda: str(Hlc(_now_ms() + MAX_AHEAD_MS + ahead_ms, 0, "rogue")),
        "zero": lambda: "000000000000000-00000-0",
        "end": lambda: "999999999999999-99999-zzzz",
    }[kind]()


# Mostly a good clock, so that most pushes get as far as their rows; now and then one far ahead or at either end.
clocks = st.builds(_clock, st.sampled_from(["now"] * 57 + ["ahead", "zero", "end"]), st.integers(1, 10**12))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=20),
    st.text(alphabet="0123456789-:TZ+", min_size=8, max_size=32),  # almost dates and times
    st.sampled_from(["2026-11-27", "2026-02-30", "2026-11-27T08:00:00+08:00", "0001-01-01T00:00:00+14:00",
                     "20261127", "2026-11-27\n", "registered", "paid_in_gold", "holiday", "X" * 70_000]),
)  # fmt: skip


def _pick(draw: st.DrawFn, pool: list[str]) -> str:
    """One of the ids known so far, or a new one. Drawn as a number, not from the list: the list grows from trial
    to trial, and Hypothesis must draw the same way each time it replays an example."""
    index = draw(st.integers(0, 2**16))
    return pool[index % len(pool)] if pool else str(new_id())


def _valid(draw: st.DrawFn, rule: FieldRule, ids: dict[str, list[str]]) -> Any:
    """A value this field takes (a row id of the table it names, when there is one)."""
    if rule.references:
        return _pick(draw, ids.get(rule.references, []))
    if rule.choices:
        return draw(st.sampled_from(rule.choices))
    return {
        FieldType.TEXT: "某",
        FieldType.INTEGER: draw(st.integers(0, 10**6)),
        FieldType.BOOLEAN: draw(st.booleans()),
        FieldType.UUID: str(new_id()),
        FieldType.DATE: "2026-11-27",
        FieldType.DATETIME: "2026-11-27T08:00:00+00:00",
    }[rule.type]


@st.composite
def operation(draw: st.DrawFn, ids: dict[str, list[str]]) -> dict[str, Any]:
    tables = sorted(SYNCED_TABLES)
    table = draw(st.sampled_from([*tables, "?"]))  # mostly a real one
    if table == "?":
        table = draw(st.text(min_size=1, max_size=12))
    every_id = [row_id for pool in ids.values() for row_id in pool]
    which = draw(st.sampled_from(["new"] * 5 + ["uuid4", "any", "same table", "same table"]))
    row_id = {
        "new": lambda: str(new_id()),
        "uuid4": lambda: str(uuid.uuid4()),
        "any": lambda: _pick(draw, every_id),
        "same table": lambda: _pick(draw, ids.get(table, [])),
    }[which]()
    kind = draw(st.sampled_from(["upsert"] * 6 + ["delete", "restore"]))
    rule = SYNCED_TABLES.get(table)
    fields: dict[str, Any] = {}
    if rule is not None and draw(st.sampled_from([True, True, True, False])):  # a whole row, a field or two spoilt
        required = [(name, field_rule) for name, field_rule in rule.fields.items() if field_rule.required]
        fields = {name: _valid(draw, field_rule, ids) for name, field_rule in required}
        for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
            fields[draw(st.sampled_from(NAMES))] = draw(scalars)
    else:
        fields = draw(st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=8)), scalars, max_size=5))
    return {
        "op_id": str(new_id()),
        "table": table,
        "row_id": row_id,
        "kind": kind,
        "base_version": draw(
            st.integers(0 if kind == "upsert" else 1, 0 if which == "new" and kind == "upsert" else 4)
        ),
        "fields": {} if kind == "delete" else fields,
        "hlc": draw(clocks),
        "resolves": [_pick(draw, ids.get("sync_conflict", [])) for _ in range(draw(st.integers(0, 1)))],
    }


@st.composite
def push(draw: st.DrawFn, lab: RogueLab) -> dict[str, Any] | bytes:
    """A push from the rogue: mostly well numbered (so that it gets as far as the rows), sometimes broken."""
    transactions, seq = [], lab.rogue.next_seq
    for _ in range(draw(st.integers(1, 3))):
        ops = []
        for op in draw(st.lists(operation(lab.ids), min_size=1, max_size=4)):
            ops.append({**op, "seq": seq})
            seq += 1
        transactions.append({"tx_id": str(new_id()), "ops": ops})
    body: dict[str, Any] = {"transactions": transactions}
    spoil = draw(st.sampled_from([None] * 8 + ["gap", "replay", "duplicate_op", "garbage", "too_many"]))
    first = transactions[0]["ops"][0]
    if spoil == "gap":
        first["seq"] += 5
    elif spoil == "replay" and lab.rogue.next_seq > 1:  # numbers used before, with other content
        for tx in transactions:
            for op in tx["ops"]:
                op["seq"] -= 1
    elif spoil == "duplicate_op":
        transactions[-1]["ops"][-1]["op_id"] = first["op_id"]
    elif spoil == "garbage":
        return draw(st.binary(max_size=200))
    elif spoil == "too_many":
        body["transactions"] = [{"tx_id": str(new_id()), "ops": [
            {**first, "op_id": str(new_id()), "seq": lab.rogue.next_seq + 501 * t + n} for n in range(501)
        ]} for t in range(2)]  # fmt: skip
    return body
