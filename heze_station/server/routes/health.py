from fastapi import APIRouter
from sqlalchemy import text

from ...sync.schemas import Health
from ..deps import DatabaseDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
@router.head("/health", response_model=Health)  # how load balancers probe (one route of both: its id varied)
def health(database: DatabaseDep) -> Health:
    """Unauthenticated: the server answers and its database too (for the proxy's health check)."""
    with database.transaction() as session:
        session.execute(text("SELECT 1"))
    return Health(status="ok", database=database.engine.dialect.name)
