"""A small protocol client written from docs/sync-protocol.md, as the station client will be: enrol, get a token,
push numbered transactions, pull pages by cursor, upload and download attachments."""

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from heze_station.domain.ids import new_id
from heze_station.sync.hlc import Hlc

TIMEOUT = 30


@dataclass
class DeviceClient:
    base_url: str
    device_id: str
    secret: str
    station_id: str | None
    http: httpx.Client
    next_seq: int = 1
    clock: Hlc = field(default_factory=lambda: Hlc(0, 0, "dev"))

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
    ) -> dict[str, Any]:
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

    def transaction(self, *ops: dict[str, Any]) -> dict[str, Any]:
        """Number the operations with the device's next sequence numbers (as the outbox does when it records them)."""
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
