"""Small helpers for station-sync tests: edit a row as a service would, read rows back, plant a row on the server."""

import io
import uuid
from dataclasses import replace
from typing import Any

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select

from heze_station.domain.ids import new_id
from heze_station.server.feed import write_rows
from heze_station.server.ingest import server_row
from heze_station.server.models import Station, SyncRow
from heze_station.services.station import StationContext
from heze_station.storage.models import Case
from tests.server.conftest import Server


def edit(station: StationContext, model: type, row_id: uuid.UUID, **values: Any) -> None:
    """Change fields of one row in a unit of work, as a service does (the outbox records it)."""
    with station.database.transaction() as session:
        row = session.get_one(model, row_id)
        for name, value in values.items():
            setattr(row, name, value)


def value(station: StationContext, model: type, row_id: uuid.UUID, name: str) -> Any:
    with station.database.transaction() as session:
        return getattr(session.get_one(model, row_id), name)


def cases(station: StationContext) -> dict[uuid.UUID, tuple]:
    """Every case as (number, status, facts, deleted): what two converged laptops must agree on."""
    with station.database.transaction() as session:
        rows = session.execute(select(Case.id, Case.number, Case.status, Case.facts, Case.deleted_at)).all()
    return {row.id: (row.number, row.status, row.facts, row.deleted_at is not None) for row in rows}


def plant(server: Server, table: str, fields: dict, row_id: uuid.UUID | None = None, version: int = 1) -> uuid.UUID:
    """A row in the station's scope on the server that no push could make (written before the server checked
    rows, or by a bug): the city's database is the one thing a station cannot choose."""
    row_id = row_id or new_id()
    with server.database.transaction() as session:
        station = session.scalars(select(Station.id).where(Station.name == "城区驿站")).one()
        row = server_row(table, row_id, station, fields)
        if version > 1:
            row = replace(row, version=version, is_new=session.get(SyncRow, row_id) is None)
        write_rows(session, [row])
    return row_id


def signer_of(pdf: bytes) -> x509.Certificate:
    """The certificate that made the PDF's (last) signature, as pyHanko reads it from the file."""
    reader = PdfFileReader(io.BytesIO(pdf))
    return x509.load_der_x509_certificate(reader.embedded_signatures[-1].signer_cert.dump())
