import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query

from ...sync.schemas import CaseCount, StationSummary, Verification
from .. import supervision
from ..deps import AuthorityDep, DatabaseDep, Supervisor

router = APIRouter(prefix="/v1", tags=["supervision"])


@router.get("/supervision/stations", response_model=list[StationSummary])
def stations(_caller: Supervisor, database: DatabaseDep) -> list[StationSummary]:
    """Every station with its devices, last sync and open conflicts."""
    with database.transaction() as session:
        return supervision.stations(session)


@router.get("/supervision/case-counts", response_model=list[CaseCount])
def case_counts(_caller: Supervisor, database: DatabaseDep) -> list[CaseCount]:
    """Live cases per station and status."""
    with database.transaction() as session:
        return supervision.case_counts(session)


@router.get("/verify/{document_id}/{sha256}", response_model=Verification, tags=["verification"])
def verify(
    document_id: uuid.UUID,
    sha256: Annotated[str, Path(pattern=r"^[0-9a-fA-F]{64}$", description="content digest or the PDF's SHA-256")],
    database: DatabaseDep,
    authority: AuthorityDep,
) -> Verification:
    """Unauthenticated: check a document id with its content digest (from the QR code) or a PDF file's SHA-256;
    ``genuine`` also requires the PDF the station uploaded to be signed with its city certificate."""
    with database.transaction() as session:
        return supervision.verify_document(session, authority, document_id, sha256)


@router.get("/verify", response_model=Verification, tags=["verification"])
def verify_qr(
    payload: Annotated[str, Query(max_length=200, description="the QR code's text: HZDOC1:<id>:<digest>")],
    database: DatabaseDep,
    authority: AuthorityDep,
) -> Verification:
    """Unauthenticated: check a printed page by the text of its QR code, as a phone scanned it."""
    document_id, digest = supervision.parse_qr_payload(payload)
    with database.transaction() as session:
        return supervision.verify_document(session, authority, document_id, digest)
