"""Typed dependencies for the routes: settings, database, the calling device and its role.

The ones that only look at memory are ``async``: FastAPI runs plain functions in a worker thread, a hop that
costs more than they do. The ones that use the database stay plain functions, off the event loop.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from .auth import STATION_ROLE, SUPERVISOR_ROLE, Principal, Throttle, principal_for_token, too_many_attempts
from .ca import CityCa
from .config import Settings
from .db import Database
from .errors import ApiError, forbidden, unauthorized


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_database(request: Request) -> Database:
    return request.app.state.database


async def get_authority(request: Request) -> CityCa | None:
    return request.app.state.ca


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
# The city's document-signing authority, unlocked at start; None until ``ca init``.
AuthorityDep = Annotated[CityCa | None, Depends(get_authority)]


def client_address(request: Request) -> str:
    # Behind a proxy, `serve --forwarded-allow-ips PROXY` makes uvicorn put the real client here (deployment.md).
    return request.client.host if request.client else "unknown"


def wrong_attempt(database: Database, settings: Settings, keys: list[str], refusal: ApiError) -> ApiError:
    """The answer to a wrong code, secret or token: ``refusal``, or 429 once one of ``keys`` (the client's address,
    the device) is over the throttle's limit. Counted in its own transaction: it sticks although the request fails."""
    throttle = Throttle(settings)
    with database.transaction() as session:
        wait = throttle.wait(session, keys)
    if wait is None:
        count_failure(database, settings, keys)
    return too_many_attempts(wait) if wait else refusal


def count_failure(database: Database, settings: Settings, keys: list[str]) -> None:
    """One more wrong attempt for each of ``keys``, in its own transaction: it sticks although the request fails."""
    try:
        with database.transaction() as session:
            Throttle(settings).record_failure(session, keys)
    except IntegrityError:
        # Two first failures of a key at once: one of them is counted (of several keys, the others' with it), and
        # a flood still reaches the limit a moment later.
        pass


class Realm(StrEnum):
    """Who a wrong attempt is counted against, apart: a supervisor's sign-in on the pages, or a device's code,
    secret or token on the API. Stations behind the city's NAT mistyping enrolment codes must not lock the
    supervisors of the bureau out of their pages, which share the address."""

    PAGES = "pages"
    API = "api"


def address_key(request: Request, realm: Realm) -> str:
    return f"{realm}-address:{client_address(request)}"


_bearer = HTTPBearer(auto_error=False, description="access token from POST /v1/auth/token")


def get_principal(
    request: Request,
    database: DatabaseDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise _missing_token()
    return principal_of(request, database, settings, credentials.credentials)


def _missing_token() -> ApiError:
    return unauthorized("missing_token", "This request needs 'Authorization: Bearer <access token>'.")


def principal_of(
    request: Request,
    database: Database,
    settings: Settings,
    token: str,
    single_read: Callable[[], AbstractContextManager[Connection]] | None = None,
) -> Principal:
    """The caller behind ``token``; refuses an unknown one (counted by the throttle), an expired one, a revoked
    device. It reads the database: call it off the event loop. ``single_read``: where to read (see
    ``Database.read_then_transactions``), by default ``database.single_read``."""
    # Every request asks this: one statement, no transaction around it.
    with (single_read or database.single_read)() as connection:
        principal = principal_for_token(connection, token)
    if principal is None:
        unknown = unauthorized("invalid_token", "The access token is not known to this server; ask for a new one.")
        raise wrong_attempt(database, settings, [address_key(request, Realm.API)], unknown)
    request.state.principal = principal  # for the access log
    return principal


async def get_station_device(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    return station_device(principal)


def station_device(principal: Principal) -> Principal:
    """``principal``, when it is a device enrolled for a station."""
    if principal.role != STATION_ROLE or principal.station_id is None:
        raise forbidden("station_role_required", "Only a device enrolled for a station may sync.")
    return principal


async def get_bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The request's access token, not yet looked up (see ``principal_of``)."""
    if credentials is None:
        raise _missing_token()
    return credentials.credentials


async def get_supervisor(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    if principal.role != SUPERVISOR_ROLE:
        raise forbidden("supervisor_role_required", "Only the city bureau's supervisor clients may read this.")
    return principal


StationDevice = Annotated[Principal, Depends(get_station_device)]
BearerToken = Annotated[str, Depends(get_bearer_token)]
Supervisor = Annotated[Principal, Depends(get_supervisor)]
