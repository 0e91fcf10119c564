from fastapi import APIRouter
from sqlalchemy import text

from ...sync.schemas import Health
from ..deps import DatabaseDep

router = APIRouter(tags=["health"])


@router.api_route("/health", methods=["GET", "HEAD"], response_model=Health)  # HEAD: how load balancers probe
def health(database: DatabaseDep) -> Health:
    """Unauthenticated: the server answers and its database too (for the proxy's health check)."""
    with database.transaction() as session:
        session.execute(text("SELECT 1"))
    return Health(status="ok", database=database.engine.dialect.name)
