import uuid
from typing import Annotated

from fastapi import APIRouter, Path

from ...sync.schemas import SHA256_PATTERN, CaseCount, StationSummary, Verification
from .. import supervision
from ..deps import DatabaseDep, Supervisor

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
    document_id: uuid.UUID, sha256: Annotated[str, Path(pattern=SHA256_PATTERN)], database: DatabaseDep
) -> Verification:
    """Unauthenticated: anyone holding a printed document checks its QR code (document id + SHA-256 of the PDF)."""
    with database.transaction() as session:
        return supervision.verify_document(session, document_id, sha256)
