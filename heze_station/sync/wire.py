"""The protocol's bodies on the wire (docs/sync-protocol.md 2.4): compressed, and in the rows form of version 2.

Shared by the station client and the city server. Two things, each negotiated by standard HTTP headers so that a
version 1 client, which asks for neither, gets and sends the plain JSON of version 1:

- Compression (``Content-Encoding``): zstd or gzip. Answers are compressed when the request's ``Accept-Encoding``
  allows it; a request body is compressed when the server said in its ``Accept-Encoding`` answer header (RFC 7694)
  which codings it takes. Decompression stops at a byte limit, so a small body cannot unpack into gigabytes.
- The rows form (``ROWS_MEDIA_TYPE`` in ``Content-Type`` / ``Accept``): a page, a push and a push's answer name each
  table's columns once and carry rows and operations as arrays, instead of repeating every key in every row. It is
  an encoding of the same messages: ``decode_*`` gives the models (or, for a push, the JSON) of version 1.
"""

import gzip
import io
import uuid
import zlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import zstandard

from .schemas import ClientTransaction, PullResponse, PushResponse

ROWS_MEDIA_TYPE = "application/vnd.heze.sync-rows+json"
JSON_MEDIA_TYPE = "application/json"
CODINGS = ("zstd", "gzip")  # in order of preference
COMPRESS_FROM_BYTES = 1024  # a smaller body gains less than its headers cost
ZSTD_LEVEL = 3  # zstd's default: several times smaller JSON at hundreds of MB/s


class BadBody(ValueError):
    """A body that cannot be read: an unknown or broken coding, or a rows form that is not the protocol's."""


class TooLarge(BadBody):
    """A body that unpacks to more than the limit."""


class UnknownCoding(BadBody):
    """A ``Content-Encoding`` this side does not read."""


# --- compression ------------------------------------------------------------------------------------------------------


def accepted_codings(header: str | None) -> list[str]:
    """The codings of CODINGS an ``Accept-Encoding`` header allows, in this side's order of preference.

    A coding named with ``q=0`` is refused even when ``*`` allows the rest (RFC 9110 12.5.3); a quality that is not
    a number between 0 and 1 makes its item unreadable, and an unreadable item allows nothing."""
    qualities = _qualities(header)
    wildcard = qualities.get("*", 0.0)
    return [coding for coding in CODINGS if qualities.get(coding, wildcard) > 0]


def accepts(header: str | None, media_type: str) -> bool:
    """Whether an ``Accept`` header names ``media_type`` with a quality above 0 (``;q=0`` refuses it)."""
    return _qualities(header).get(media_type, 0.0) > 0


def _qualities(header: str | None) -> dict[str, float]:
    """The items of an ``Accept`` or ``Accept-Encoding`` header with their qualities, unreadable items left out."""
    qualities: dict[str, float] = {}
    for item in (header or "").split(","):
        name, *parameters = (part.strip() for part in item.split(";"))
        quality = _quality(parameters)
        if name and quality is not None:
            qualities[name.lower()] = quality
    return qualities


def _quality(parameters: list[str]) -> float | None:
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "q":
            try:
                quality = float(value.strip())
            except ValueError:
                return None
            return quality if 0 <= quality <= 1 else None  # NaN and infinities too
    return 1.0


def compress(data: bytes, coding: str) -> bytes:
    if coding == "zstd":
        return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(data)
    if coding == "gzip":
        return gzip.compress(data, compresslevel=6, mtime=0)
    raise BadBody(f"unknown coding {coding!r}")


def decompress(data: bytes, coding: str | None, limit: int) -> bytes:
    """``data`` unpacked by its ``Content-Encoding``; BadBody when broken or unknown, TooLarge past ``limit``."""
    name = (coding or "identity").strip().lower()
    if name == "identity":
        return data
    if name == "zstd":
        return _unzstd(data, limit)
    if name in ("gzip", "x-gzip"):
        return _gunzip(data, limit)
    raise UnknownCoding(f"the body's coding is not one of {', '.join(CODINGS)}")


def _unzstd(data: bytes, limit: int) -> bytes:
    out = bytearray()
    try:
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True) as reader:
            while chunk := reader.read(65536):
                out += chunk
                if len(out) > limit:
                    raise TooLarge(f"the body unpacks to more than {limit} bytes")
    except zstandard.ZstdError as error:
        raise BadBody(f"the zstd body is broken: {error}") from error
    if data and not out:
        raise BadBody("the zstd body holds nothing")
    return bytes(out)


def _gunzip(data: bytes, limit: int) -> bytes:
    unpacker = zlib.decompressobj(wbits=31)  # gzip's header and trailer
    try:
        out = unpacker.decompress(data, limit + 1)
    except zlib.error as error:
        raise BadBody(f"the gzip body is broken: {error}") from error
    if len(out) > limit:
        raise TooLarge(f"the body unpacks to more than {limit} bytes")
    if not unpacker.eof or unpacker.unused_data:
        raise BadBody("the gzip body is cut short or has bytes after its end")
    return out


# --- the rows form ----------------------------------------------------------------------------------------------------


class _Shapes:
    """The (table, columns) pairs of a body, numbered in order of first use."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, tuple[str, ...]], int] = {}

    def number(self, table: str, columns: tuple[str, ...]) -> int:
        return self.numbers.setdefault((table, columns), len(self.numbers))

    def listed(self) -> list[dict[str, Any]]:
        return [{"table": table, "columns": list(columns)} for table, columns in self.numbers]


# A change as a page in the rows form carries it: (table, row_id, version, deleted, station_id, changed_at, hlc,
# fields), the ids and the time as text.
PageEntry = tuple[str, str, int, bool, str | None, str, str | None, dict[str, Any]]


def page_entry(
    table: str,
    row_id: uuid.UUID | str,
    version: int,
    deleted: bool,
    station_id: uuid.UUID | str | None,
    changed_at: datetime,
    hlc: str | None,
    fields: dict[str, Any],
) -> PageEntry:
    """A change's values as a page in the rows form carries them, its ids and time as text: for the protocol's
    models (encode_page) and the server's feed rows alike (the feed reads its ids as text already)."""
    return (
        table,
        str(row_id),
        version,
        deleted,
        None if station_id is None else str(station_id),
        changed_at.isoformat(),
        hlc,
        fields,
    )


def encode_page(page: PullResponse) -> dict[str, Any]:
    """A pull's page in the rows form (see encode_entries)."""
    entries = (
        page_entry(c.table, c.row_id, c.version, c.deleted, c.station_id, c.changed_at, c.hlc, c.fields)
        for c in page.changes
    )
    return encode_entries(entries, page.cursor, page.has_more)


def encode_entries(entries: Iterable[PageEntry], cursor: str, has_more: bool) -> dict[str, Any]:
    """A pull's page in the rows form, from its changes' values (the server encodes its feed's rows so, without
    building the protocol's models): ``changes`` are [shape, row_id, version, deleted, station_id, changed_at, hlc,
    [values in the shape's column order]]."""
    shapes = _Shapes()
    changes = [
        [
            shapes.number(table, tuple(fields)),
            row_id,
            version,
            deleted,
            station_id,
            changed_at,
            hlc,
            list(fields.values()),
        ]
        for table, row_id, version, deleted, station_id, changed_at, hlc, fields in entries
    ]
    return {"tables": shapes.listed(), "changes": changes, "cursor": cursor, "has_more": has_more}


def decode_page(body: Any) -> PullResponse:
    """A page in the rows form as the protocol's model; BadBody when it is not that form."""
    shapes = _read_shapes(body)
    changes = []
    for entry in _list(body, "changes"):
        shape, row_id, version, deleted, station_id, changed_at, hlc, values = _entry(entry, 8)
        table, columns = _shape(shapes, shape)
        changes.append(
            {
                "table": table,
                "row_id": row_id,
                "version": version,
                "deleted": deleted,
                "fields": _fields(columns, values),
                "station_id": station_id,
                "changed_at": changed_at,
                "hlc": hlc,
            }
        )
    return PullResponse.model_validate(
        {"changes": changes, "cursor": body.get("cursor"), "has_more": body.get("has_more")}, strict=False
    )


def encode_push(transactions: Sequence[ClientTransaction]) -> dict[str, Any]:
    """A push in the rows form: each transaction's ``ops`` are [shape, op_id, seq, row_id, kind, base_version,
    hlc, [values], [resolves]]."""
    shapes = _Shapes()
    return {
        "transactions": [
            {
                "tx_id": str(transaction.tx_id),
                "ops": [
                    [
                        shapes.number(op.table, tuple(op.fields)),
                        str(op.op_id),
                        op.seq,
                        str(op.row_id),
                        op.kind,
                        op.base_version,
                        op.hlc,
                        list(op.fields.values()),
                        [str(conflict) for conflict in op.resolves],
                    ]
                    for op in transaction.ops
                ],
            }
            for transaction in transactions
        ],
        "tables": shapes.listed(),
    }


def decode_push(body: Any) -> dict[str, Any]:
    """A push in the rows form as the JSON of version 1, for the server's usual checks; BadBody when it is not
    that form (the values themselves are checked there, as in any push)."""
    shapes = _read_shapes(body)
    transactions = []
    for transaction in _list(body, "transactions"):
        if not isinstance(transaction, dict) or set(transaction) != {"tx_id", "ops"}:
            raise BadBody("a transaction is {tx_id, ops}")
        ops = []
        for entry in _list(transaction, "ops"):
            shape, op_id, seq, row_id, kind, base_version, hlc, values, resolves = _entry(entry, 9)
            table, columns = _shape(shapes, shape)
            ops.append(
                {
                    "op_id": op_id,
                    "seq": seq,
                    "table": table,
                    "row_id": row_id,
                    "kind": kind,
                    "base_version": base_version,
                    "fields": _fields(columns, values),
                    "hlc": hlc,
                    "resolves": resolves,
                }
            )
        transactions.append({"tx_id": transaction["tx_id"], "ops": ops})
    return {"transactions": transactions}


def encode_push_answer(answer: PushResponse) -> dict[str, Any]:
    """A push's answer in the rows form: each result's ``ops`` are [op_id, seq, status, version, conflict_ids]."""
    body = answer.model_dump(mode="json")
    for result in body["results"]:
        result["ops"] = [
            [op["op_id"], op["seq"], op["status"], op["version"], op["conflict_ids"]] for op in result["ops"]
        ]
    return body


def decode_push_answer(body: Any) -> PushResponse:
    if not isinstance(body, dict):
        raise BadBody("the answer is not an object")
    results = []
    for result in _list(body, "results"):
        if not isinstance(result, dict):
            raise BadBody("a result is not an object")
        ops = [
            dict(zip(("op_id", "seq", "status", "version", "conflict_ids"), _entry(op, 5), strict=True))
            for op in _list(result, "ops")
        ]
        results.append({**result, "ops": ops})
    return PushResponse.model_validate({**body, "results": results}, strict=False)


def _read_shapes(body: Any) -> list[tuple[str, list[str]]]:
    if not isinstance(body, dict):
        raise BadBody("the body is not a JSON object")
    shapes = []
    for shape in _list(body, "tables"):
        if not isinstance(shape, dict) or set(shape) != {"table", "columns"}:
            raise BadBody("each of tables is {table, columns}")
        table, columns = shape["table"], shape["columns"]
        if not isinstance(table, str) or not isinstance(columns, list) or not _all_text(columns):
            raise BadBody("a table is named by text and its columns are a list of names")
        if len(set(columns)) != len(columns):
            raise BadBody(f"a column is named twice in a shape of {table[:63]}")
        shapes.append((table, columns))
    return shapes


def _all_text(items: Iterable[Any]) -> bool:
    return all(isinstance(item, str) for item in items)


def _list(body: dict[str, Any], key: str) -> list[Any]:
    value = body.get(key)
    if not isinstance(value, list):
        raise BadBody(f"{key} is not a list")
    return value


def _entry(entry: Any, length: int) -> list[Any]:
    if not isinstance(entry, list) or len(entry) != length:
        raise BadBody(f"an entry is not a list of {length} items")
    return entry


def _shape(shapes: list[tuple[str, list[str]]], number: Any) -> tuple[str, list[str]]:
    if type(number) is not int or not 0 <= number < len(shapes):
        raise BadBody("an entry names a shape that is not in tables")
    return shapes[number]


def _fields(columns: list[str], values: Any) -> dict[str, Any]:
    if not isinstance(values, list) or len(values) != len(columns):
        raise BadBody("an entry's values do not match its shape's columns")
    return dict(zip(columns, values, strict=True))
