"""The scope check's two routes (F13, sync-protocol.md §9): digests of exactly what the station pulls, and one
bucket's rows again, so that a station repairs what differs and nothing else."""

import uuid

from heze_station.domain.ids import new_id
from heze_station.sync.scope import BUCKETS, bucket_of, digest

from .conftest import Server


def test_digests_and_bucket_rows_cover_exactly_the_stations_scope(server: Server) -> None:
    station, other = server.create_station("城区驿站"), server.create_station("开发区驿站")
    laptop, neighbour = server.device(station), server.device(other)
    cases = [new_id() for _ in range(40)]
    laptop.push_ok(laptop.transaction(*(laptop.op("case_file", case_id, {"number": "C"}) for case_id in cases)))
    laptop.push_ok(laptop.transaction(laptop.op("case_file", cases[0], {"facts": "拖欠工资"}, base_version=1)))
    neighbour.push_ok(neighbour.transaction(neighbour.op("case_file", new_id(), {"number": "N"})))

    pulled = [row for row in laptop.latest().values() if row["table"] == "case_file"]
    assert {uuid.UUID(row["row_id"]) for row in pulled} == set(cases)  # the neighbour's case is not in scope
    answer = laptop.http.get("/v1/sync/scope-digest", params={"tables": "case_file"})
    assert answer.status_code == 200
    theirs = [(bucket["rows"], bucket["sha256"]) for bucket in answer.json()["buckets"]]
    assert theirs == digest((uuid.UUID(row["row_id"]), row["version"]) for row in pulled)

    bucket = bucket_of(cases[0])
    answer = laptop.http.get("/v1/sync/scope-rows", params={"tables": "case_file", "bucket": bucket})
    assert answer.status_code == 200
    rows = {change["row_id"]: change for change in answer.json()["changes"]}
    assert set(rows) == {str(case_id) for case_id in cases if bucket_of(case_id) == bucket}
    assert rows[str(cases[0])]["version"] == 2
    assert rows[str(cases[0])]["fields"]["facts"] == "拖欠工资"


def test_unknown_tables_and_buckets_are_refused_by_name(server: Server) -> None:
    laptop = server.device(server.create_station("城区驿站"))
    answer = laptop.http.get("/v1/sync/scope-digest", params={"tables": "case_file,passwords"})
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "unknown_table"
    assert answer.json()["error"]["details"] == {"tables": ["passwords"]}
    answer = laptop.http.get("/v1/sync/scope-rows", params={"tables": "case_file", "bucket": BUCKETS})
    assert answer.status_code == 422
