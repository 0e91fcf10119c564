"""Scenario 7 of shared/domain/scenarios.md, through the protocol only (the client of tests/server/client.py is
written from docs/sync-protocol.md): a day at a remote site without network. Six cases are opened on the laptop,
scans attached; meanwhile the office changes one of them; in the evening the laptop syncs, the clash is shown,
a person settles it, and nothing typed on either side is lost."""

import hashlib
import os

from heze_station.domain.ids import new_id

from .conftest import Server


def test_a_day_offline_at_a_construction_site(server: Server) -> None:
    station = server.create_station("城区驿站")
    office, laptop = server.device(station, "办公室电脑"), server.device(station, "流动仲裁庭笔记本")

    # Morning, before leaving: the laptop has the station's data, including one case opened at the office.
    shared_case = new_id()
    office.push_ok(office.transaction(office.op("case_file", shared_case, {"number": "C-0", "status": "accepted"})))
    base, cursor = laptop.pull_all()
    assert [change["row_id"] for change in base if change["table"] == "case_file"] == [str(shared_case)]

    # At the site, offline: six cases, each with a scan; the outbox fills, one local transaction per case.
    outbox, scans = [], {}
    for n in range(1, 7):
        case_id, scan = new_id(), os.urandom(3000 + n)
        sha256 = hashlib.sha256(scan).hexdigest()
        scans[sha256] = scan
        outbox.append(
            laptop.transaction(
                laptop.op("case_file", case_id, {"number": f"C-{n}", "status": "registered"}),
                laptop.op("attachment", new_id(), {"case_id": str(case_id), "sha256": sha256, "size": len(scan),
                                                   "media_type": "image/jpeg"}),
            )
        )  # fmt: skip
    outbox.append(laptop.transaction(laptop.op("case_file", shared_case, {"status": "in_mediation"}, 1)))
    # Meanwhile at the office the same case is refused.
    office.push_ok(office.transaction(office.op("case_file", shared_case, {"status": "refused"}, 1)))

    # Evening: handshake, push (the first attempt's answer is lost, so the laptop pushes everything again), pull.
    handshake = laptop.http.post(
        "/v1/sync/handshake",
        json={"protocol_version": 1, "schema_version": "0002", "app_version": "0.1.0",
              "device_time": "2026-11-27T19:00:00+08:00", "hlc": str(laptop.clock)},
    ).json()  # fmt: skip
    assert handshake["next_seq"] == 1
    laptop.push_ok(*outbox)
    answer = laptop.push_ok(*outbox)
    assert all(result["replayed"] for result in answer["results"])
    clash = answer["results"][-1]["ops"][0]
    assert clash["status"] == "conflict"

    for sha256, scan in scans.items():
        status = laptop.http.post(
            "/v1/attachments", json={"sha256": sha256, "size": len(scan), "media_type": "image/jpeg"}
        ).json()
        for offset in range(status["received"], len(scan), 1024):
            laptop.http.put(f"/v1/attachments/{sha256}/content", params={"offset": offset},
                            content=scan[offset : offset + 1024])  # fmt: skip

    changes, cursor = laptop.pull_all(cursor)
    rows = {change["row_id"]: change for change in changes}
    conflict = rows[str(clash["conflict_ids"][0])]["fields"]
    assert (conflict["server_value"], conflict["client_value"]) == ("refused", "in_mediation")

    # A person looks at both values and keeps mediating; the office sees the outcome.
    current = rows[str(shared_case)]["version"]
    laptop.push_ok(
        laptop.transaction(
            laptop.op("case_file", shared_case, {"status": "in_mediation"}, current, resolves=clash["conflict_ids"])
        )
    )

    at_office = office.latest()
    assert at_office[str(shared_case)]["fields"]["status"] == "in_mediation"
    assert sorted(change["fields"]["number"] for change in at_office.values() if change["table"] == "case_file") == [
        "C-0", "C-1", "C-2", "C-3", "C-4", "C-5", "C-6"]  # fmt: skip
    assert at_office[clash["conflict_ids"][0]]["fields"]["status"] == "resolved"
    for sha256, scan in scans.items():
        assert laptop.http.get(f"/v1/attachments/{sha256}/content").content == scan
