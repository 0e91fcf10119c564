"""Typed dependencies for the routes: settings, database, the calling device and its role.

The ones that only look at memory are ``async``: FastAPI runs plain functions in a worker thread, a hop that
costs more than they do. The ones that use the database stay plain functions, off the event loop.
"""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import IntegrityError

from .auth import STATION_ROLE, SUPERVISOR_ROLE, Principal, Throttle, principal_for_token
from .config import Settings
from .db import Database
from .errors import forbidden, unauthorized


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_database(request: Request) -> Database:
    return request.app.state.database


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]


def client_address(request: Request) -> str:
    # Behind a proxy, uvicorn's --proxy-headers puts the real client here (see docs/deployment.md).
    return request.client.host if request.client else "unknown"


def record_auth_failure(database: Database, settings: Settings, client: str) -> None:
    """Count a failed attempt in its own transaction: it must stick even though the request is refused."""
    try:
        with database.transaction() as session:
            Throttle(settings).record_failure(session, client)
    except IntegrityError:  # two first failures at once: one of them counted is enough
        pass


_bearer = HTTPBearer(auto_error=False, description="access token from POST /v1/auth/token")


def get_principal(
    request: Request,
    database: DatabaseDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise unauthorized("missing_token", "This request needs 'Authorization: Bearer <access token>'.")
    client = client_address(request)
    with database.transaction() as session:
        Throttle(settings).check(session, client)
        principal = principal_for_token(session, credentials.credentials)
    if principal is None:
        record_auth_failure(database, settings, client)
        raise unauthorized("invalid_token", "The access token is not known to this server; ask for a new one.")
    return principal


async def get_station_device(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    if principal.role != STATION_ROLE or principal.station_id is None:
        raise forbidden("station_role_required", "Only a device enrolled for a station may sync.")
    return principal


async def get_supervisor(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    if principal.role != SUPERVISOR_ROLE:
        raise forbidden("supervisor_role_required", "Only the city bureau's supervisor clients may read this.")
    return principal


StationDevice = Annotated[Principal, Depends(get_station_device)]
Supervisor = Annotated[Principal, Depends(get_supervisor)]
