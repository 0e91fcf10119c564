from fastapi import APIRouter
from sqlalchemy import text

from ...sync.schemas import Health
from ..deps import SessionDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(session: SessionDep) -> Health:
    """Unauthenticated: the server answers and its database too (for the proxy's health check)."""
    session.execute(text("SELECT 1"))
    return Health(status="ok", database=session.get_bind().dialect.name)
