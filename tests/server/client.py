"""A small protocol client written from docs/sync-protocol.md, as the station client will be: enrol, get a token,
push numbered transactions, pull pages by cursor, upload and download attachments.

A new row must be whole (sync-protocol.md 5): ``op`` fills the required fields a test leaves out with plain values,
and the rows they name (a case's station and registering user) are created once per device, in the next
transaction, before the rows that name them.
"""

import hashlib
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from heze_station.domain.ids import new_id
from heze_station.sync.fields import FieldRule, FieldType
from heze_station.sync.hlc import Hlc
from heze_station.sync.tables import SYNCED_TABLES

TIMEOUT = 30
# A plain value per type for a required field a test does not care about.
PLAIN = {
    FieldType.TEXT: "测试",
    FieldType.INTEGER: 1,
    FieldType.BOOLEAN: False,
    FieldType.DATE: "2026-11-27",
    FieldType.DATETIME: "2026-11-27T08:00:00+00:00",
}
FORM_EXAMPLES = {"sha256": hashlib.sha256(b"test").hexdigest(), "public_key": ""}


def plain_value(rule: FieldRule) -> Any:
    """A plain value that fits the field (a row it names is made up)."""
    if rule.choices:
        return rule.choices[0]
    if rule.type is FieldType.UUID:
        return str(new_id())
    if rule.form is not None:
        return FORM_EXAMPLES[rule.form]
    return rule.least if rule.least is not None else PLAIN[rule.type]


@dataclass
class DeviceClient:
    base_url: str
    device_id: str
    secret: str
    station_id: str | None
    http: httpx.Client
    next_seq: int = 1
    clock: Hlc = field(default_factory=lambda: Hlc(0, 0, "dev"))
    parents: dict[str, str] = field(default_factory=dict)  # table -> the row made to be named by required fields
    unsent_parents: list[dict[str, Any]] = field(default_factory=list)  # their operations, for the next transaction

    @classmethod
    def enrol(cls, base_url: str, code: str, name: str) -> "DeviceClient":
        answer = httpx.post(f"{base_url}/v1/enrol", json={"code": code, "device_name": name}, timeout=TIMEOUT)
        assert answer.status_code == 201, answer.text
        body = answer.json()
        client = cls(base_url, body["device_id"], body["device_secret"], body["station_id"], httpx.Client())
        client.clock = Hlc(0, 0, body["device_id"].replace("-", "")[-12:])
        client.refresh_token()
        return client

    def refresh_token(self) -> None:
        answer = httpx.post(
            f"{self.base_url}/v1/auth/token",
            json={"device_id": self.device_id, "device_secret": self.secret},
            timeout=TIMEOUT,
        )
        assert answer.status_code == 200, answer.text
        self.token = answer.json()["access_token"]
        self.http = httpx.Client(
            base_url=self.base_url, headers={"Authorization": f"Bearer {self.token}"}, timeout=TIMEOUT
        )

    def close(self) -> None:
        self.http.close()

    # --- building operations ---

    def op(
        self,
        table: str,
        row_id: uuid.UUID | str,
        fields: dict[str, Any] | None = None,
        base_version: int = 0,
        kind: str = "upsert",
        resolves: list[str] | None = None,
        whole: bool = True,
    ) -> dict[str, Any]:
        """One operation; a new row is made whole unless ``whole`` is false (to test what the server refuses)."""
        if whole and kind == "upsert" and base_version == 0 and table in SYNCED_TABLES:
            fields = self.whole(table, fields or {})
        self.clock = self.clock.tick(int(time.time() * 1000))
        operation = {
            "op_id": str(new_id()),
            "table": table,
            "row_id": str(row_id),
            "kind": kind,
            "base_version": base_version,
            "fields": fields or {},
            "hlc": str(self.clock),
        }
        if resolves:
            operation["resolves"] = resolves
        return operation

    def whole(self, table: str, fields: dict[str, Any]) -> dict[str, Any]:
        """``fields`` with a plain value for every required field left out."""
        rules = SYNCED_TABLES[table]
        missing = {
            # A value meant to be unique (a case number) is made unique, or every made-up row would collide (F6).
            name: new_id().hex[-12:] if name in rules.unique else self.plain(rule)
            for name, rule in rules.fields.items()
            if rule.required and name not in fields
        }
        return {**missing, **fields}

    def plain(self, rule: FieldRule) -> Any:
        return self.parent(rule.references) if rule.references else plain_value(rule)

    def parent(self, table: str) -> str:
        """The id of a row of ``table`` this device made for required fields to name, made on first use."""
        if table not in self.parents:
            row_id = str(new_id())
            self.parents[table] = row_id
            self.unsent_parents.append(self.op(table, row_id))
        return self.parents[table]

    def transaction(self, *ops: dict[str, Any]) -> dict[str, Any]:
        """Number the operations with the device's next sequence numbers (as the outbox does when it records them).

        Rows made for required fields to name come first."""
        ops = (*self.unsent_parents, *ops)
        self.unsent_parents = []
        numbered = []
        for operation in ops:
            numbered.append({**operation, "seq": self.next_seq})
            self.next_seq += 1
        return {"tx_id": str(new_id()), "ops": numbered}

    # --- talking to the server ---

    def push(self, *transactions: dict[str, Any]) -> httpx.Response:
        return self.http.post("/v1/sync/push", json={"transactions": list(transactions)})

    def push_ok(self, *transactions: dict[str, Any]) -> dict[str, Any]:
        answer = self.push(*transactions)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def pull(self, cursor: str = "", **params: Any) -> dict[str, Any]:
        answer = self.http.get("/v1/sync/changes", params={"cursor": cursor, **params})
        assert answer.status_code == 200, answer.text
        return answer.json()

    def pull_all(self, cursor: str = "", **params: Any) -> tuple[list[dict[str, Any]], str]:
        changes: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor, **params)
            changes.extend(page["changes"])
            cursor = page["cursor"]
            if not page["has_more"]:
                return changes, cursor

    def latest(self) -> dict[str, dict[str, Any]]:
        """Every row this device can see, as of now, by row id (later changes replace earlier ones)."""
        return {change["row_id"]: change for change in self.pull_all()[0]}
