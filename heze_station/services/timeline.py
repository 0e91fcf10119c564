"""The case timeline: an append-only record of who did what, and when (the database refuses edits)."""

from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.text import REASON_MAX, clean_text
from ..storage.models import Case, TimelineEvent
from ..storage.types import utc_now
from .station import StationContext


def add(
    session: Session,
    context: StationContext,
    case: Case,
    kind: str,
    detail: str = "",
    at: datetime | None = None,
) -> None:
    session.add(
        TimelineEvent(
            case_id=case.id,
            at=at or utc_now(),
            actor_id=context.user_id,
            kind=kind,
            detail=clean_text(detail, field="detail", max_length=REASON_MAX, printed=False),
        )
    )
