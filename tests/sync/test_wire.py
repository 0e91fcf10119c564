"""The wire's encodings (sync.wire): the rows form carries exactly the messages of version 1, and a body that cannot
be read is said to be so, never taken apart into something else."""

import gzip
import uuid
from datetime import UTC, datetime

import pytest
import zstandard

from heze_station.sync import wire
from heze_station.sync.schemas import (
    Change,
    ClientTransaction,
    OpResult,
    PullResponse,
    PushRequest,
    PushResponse,
    TransactionResult,
)

CASE = uuid.UUID("01a21e7d-bb0f-78e6-8d94-3a0583cdf8c8")
STATION = uuid.UUID("01a21e7d-b9e9-759b-bdc8-23b111f2260e")


def page() -> PullResponse:
    moment = datetime(2026, 11, 27, 8, 2, 12, 123456, tzinfo=UTC)
    return PullResponse(
        changes=[
            Change(table="case_file", row_id=CASE, version=2, deleted=False, station_id=STATION, changed_at=moment,
                   fields={"number": "(2026)菏谐调字第0001号", "status": "accepted", "claimed_total_fen": 380000,
                           "decided_on": None, "collective": False}, hlc="001795766532000-00000-7c0a3e9f21b4"),
            Change(table="case_file", row_id=uuid.uuid4(), version=5, deleted=True, station_id=STATION,
                   changed_at=moment, fields={"status": "registered"}, hlc=None),
            Change(table="calendar_day", row_id=uuid.uuid4(), version=1, deleted=False, station_id=None,
                   changed_at=moment, fields={"day": "2026-10-01", "kind": "holiday", "source": "国务院"}),
        ],
        cursor="e1.0.17",
        has_more=True,
    )  # fmt: skip


def transactions() -> list[ClientTransaction]:
    op = {"table": "case_file", "row_id": str(CASE), "kind": "upsert", "base_version": 2,
          "hlc": "001795766532000-00001-7c0a3e9f21b4"}  # fmt: skip
    return PushRequest.model_validate(
        {"transactions": [
            {"tx_id": str(uuid.uuid4()), "ops": [
                {**op, "op_id": str(uuid.uuid4()), "seq": 7, "fields": {"facts": "拖欠工资", "claimed_total_fen": 1}},
                {**op, "op_id": str(uuid.uuid4()), "seq": 8, "kind": "delete", "fields": {},
                 "resolves": [str(uuid.uuid4())]},
            ]},
            {"tx_id": str(uuid.uuid4()), "ops": [
                {**op, "op_id": str(uuid.uuid4()), "seq": 9, "fields": {"facts": "补充", "claimed_total_fen": 2}},
            ]},
        ]},
        strict=False,
    ).transactions  # fmt: skip


def test_a_page_in_the_rows_form_reads_back_as_the_same_page_with_each_tables_columns_named_once() -> None:
    original = page()
    encoded = wire.encode_page(original)
    assert wire.decode_page(encoded) == original
    assert [shape["table"] for shape in encoded["tables"]] == ["case_file", "case_file", "calendar_day"]
    assert '"number"' not in str(encoded["changes"])


def test_a_push_and_its_answer_in_the_rows_form_read_back_as_the_same_messages() -> None:
    sent = transactions()
    encoded = wire.encode_push(sent)
    assert len(encoded["tables"]) == 2  # the two upserts share one shape, the delete has its own
    assert PushRequest.model_validate(wire.decode_push(encoded)).transactions == sent
    answer = PushResponse(
        results=[
            TransactionResult(tx_id=sent[0].tx_id, first_seq=7, last_seq=8, status="applied",
                              ops=[OpResult(op_id=op.op_id, seq=op.seq, status="conflict", version=3,
                                            conflict_ids=[uuid.uuid4()]) for op in sent[0].ops]),
        ],
        next_seq=9,
    )  # fmt: skip
    assert wire.decode_push_answer(wire.encode_push_answer(answer)) == answer


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"tables": 1, "transactions": []},
        {"tables": [{"table": "case_file"}], "transactions": []},
        {"tables": [], "transactions": [{"tx_id": "x", "ops": [[0, "a", 1, "b", "upsert", 0, "h", [], []]]}]},
        {"tables": [{"table": "t", "columns": ["a"]}], "transactions": [{"tx_id": "x", "ops": [[0, 1]]}]},
        {"tables": [{"table": "t", "columns": ["a"]}],
         "transactions": [{"tx_id": "x", "ops": [[0, "a", 1, "b", "upsert", 0, "h", [1, 2], []]]}]},
        {"tables": [{"table": "t", "columns": ["a", "a"]}], "transactions": []},
        {"tables": [{"table": "t", "columns": ["a"]}],
         "transactions": [{"tx_id": "x", "ops": [[True, "a", 1, "b", "upsert", 0, "h", [1], []]]}]},
    ],
)  # fmt: skip
def test_a_push_that_is_not_the_rows_form_is_refused_as_such(body: object) -> None:
    with pytest.raises(wire.BadBody):
        wire.decode_push(body)


def test_bodies_unpack_by_their_coding_up_to_a_limit_and_broken_ones_are_refused() -> None:
    data = "菏泽".encode() * 1000
    for coding in wire.CODINGS:
        assert wire.decompress(wire.compress(data, coding), coding, len(data)) == data
        with pytest.raises(wire.TooLarge):
            wire.decompress(wire.compress(data, coding), coding, len(data) - 1)
        with pytest.raises(wire.BadBody):
            wire.decompress(b"not compressed at all", coding, 10_000)
    assert wire.decompress(data, None, 0) == data  # no coding: as it came (the route's own limit applies)
    with pytest.raises(wire.BadBody):
        wire.decompress(gzip.compress(data)[:-5], "gzip", 10_000)  # cut short
    with pytest.raises(wire.BadBody):
        wire.decompress(zstandard.ZstdCompressor().compress(data)[:-5], "zstd", 10_000)
    with pytest.raises(wire.BadBody):
        wire.decompress(data, "br", 10_000)


def test_accept_encoding_is_read_with_its_qualities_in_this_sides_order() -> None:
    assert wire.accepted_codings("gzip, deflate, zstd") == ["zstd", "gzip"]
    assert wire.accepted_codings("zstd;q=0, gzip;q=0.5") == ["gzip"]
    assert wire.accepted_codings("identity") == []
    assert wire.accepted_codings(None) == []
    assert wire.accepted_codings("*") == ["zstd", "gzip"]
