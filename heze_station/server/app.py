"""The FastAPI application: routes, error bodies, request size limit. ``create_app`` builds one per settings."""

import json
import logging
import re
import threading
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..sync.schemas import ErrorResponse
from . import ca
from .config import Settings
from .db import Database
from .errors import ApiError
from .routes import attachments, auth, health, supervision, sync
from .web import accounts, pages, reports

ACCESS_LOG = logging.getLogger("heze_station.server.access")
# How long stopping waits for a count of the supervision page's first figures under way (web/pages.warm_up).
WARM_UP_STOP_SECONDS = 10

_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "the body could not be read (not UTF-8, broken encoding)"),
        (401, "missing, unknown or expired access token"),
        (403, "revoked device or wrong role"),
        (413, "request too large"),
        (422, "malformed request: the error code says what"),
        (429, "too many failed attempts"),
    )
}


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = database is None
        app.state.database = database or Database(settings)
        if app.state.ca is not None:
            _publish_root(app.state.database, app.state.ca)
        # Beside the requests, which the server answers at once (its transactions only read); stopping ends it
        # between two counts and waits for the one under way, for a while.
        stopping = threading.Event()
        app.state.warming = None
        if settings.count_at_start:
            app.state.warming = threading.Thread(
                target=pages.warm_up,
                args=(app.state.city_reports, app.state.database, stopping),
                name="warm-up",
                daemon=True,
            )
            app.state.warming.start()
        yield
        stopping.set()
        if app.state.warming is not None:
            app.state.warming.join(WARM_UP_STOP_SECONDS)
        if owned:
            app.state.database.close()

    app = FastAPI(
        title="heze-station city sync server",
        version=__version__,
        description="Stations enrol, push, pull and upload attachments; the city bureau supervises. "
        "See docs/sync-protocol.md.",
        lifespan=lifespan,
        responses=_ERROR_RESPONSES,
        # Not served: the browsable page would load its script from the internet, which the city's network does not
        # reach, and would describe the API to anyone who asks; the contract is docs/openapi.json (``openapi``).
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.state.city_reports = reports.Reports()  # the supervision page's figures, shared by its supervisors
    # Loaded at start: a missing or wrong passphrase stops the server with a message, not an enrolment with a 500.
    app.state.ca = ca.from_settings(settings)
    accounts.nobody()  # made now: the first sign-in with an unknown name takes no longer than any other
    if database is not None:
        app.state.database = database
    for module in (health, auth, sync, attachments, supervision, pages):
        app.include_router(module.router)
    app.include_router(pages.root)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(AccessLog)
    return app


def _publish_root(database: Database, authority: ca.CityCa) -> None:
    """The authority's root in the reference data (again, after ``ca init`` or on a restored database)."""
    try:
        with database.transaction() as session:
            ca.publish_root(session, authority)
    except IntegrityError:
        pass  # another server process published it at the same moment


async def _api_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [_told_back(item) for item in error.errors()]
    malformed = any(problem["type"] == "json_invalid" for problem in problems)
    code, message = (
        ("malformed_json", "The request body is not valid JSON.")
        if malformed
        else ("invalid_request", "The request does not match the protocol: " + _summary(problems))
    )
    body = {"error": {"code": code, "message": message, "details": {"problems": jsonable_encoder(problems[:20])}}}
    return JSONResponse(body, status_code=422)


def _told_back(item: dict[str, Any]) -> dict[str, Any]:
    """A problem as the sender is told it, which never repeats what was sent (the protocol's word): pydantic's
    message can quote a character of a bad value in backquotes, and an unknown key's place is the key itself,
    which may be an ID number."""
    location = list(item.get("loc", ()))
    if item.get("type") == "extra_forbidden" and location:
        location[-1] = "(a key the protocol does not have)"
    message = _QUOTED.sub("…", str(item.get("msg", "")))
    return {"location": location, "type": item.get("type"), "message": message}


_QUOTED = re.compile(r"`[^`]*`")


def _summary(problems: list[dict[str, Any]]) -> str:
    first = problems[0] if problems else {"location": [], "message": "invalid"}
    where = ".".join(str(part) for part in first["location"])
    return f"{where}: {first['message']}" + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")


_HTTP_CODES = {400: "malformed_body", 404: "not_found", 405: "method_not_allowed", 413: "request_too_large"}


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    headers = getattr(error, "headers", None)
    if request.url.path.startswith("/city") and error.status_code >= 400:
        # A person's browser: told in Chinese, on a page (stations get JSON). A redirect to the sign-in stays one.
        page = pages.problem_page(error.status_code)
        page.headers.update(headers or {})
        return page
    code = _HTTP_CODES.get(error.status_code, "http_error")
    return JSONResponse(
        {"error": {"code": code, "message": str(error.detail), "details": None}},
        status_code=error.status_code,
        headers=headers,
    )


class BodyLimit:
    """Refuses a request body larger than ``max_bytes`` with 413, whether or not it declares its length."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(self.max_bytes, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                # An HTTPException, which FastAPI passes on while it reads a body (it turns anything else into 400).
                raise StarletteHTTPException(413, f"The request body is larger than {self.max_bytes} bytes.")
            return message

        await self.app(scope, limited_receive, send)


class AccessLog:
    """One JSON line per request on the ``heze_station.server.access`` logger: request id (also sent back as
    ``X-Request-Id``), method, route (its template: no ids, hashes or query values), status, duration, the calling
    device and station, and the client's address. Never a body, a header's secret or a field's value."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        started = time.perf_counter()
        status = 500  # what the client gets when the app fails before answering

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = scope.get("route")
            principal = scope.get("state", {}).get("principal")
            client = scope.get("client")
            ACCESS_LOG.info(
                json.dumps(
                    {
                        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                        "request_id": request_id,
                        "method": scope["method"],
                        "route": getattr(route, "path", None),
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                        "device": str(principal.device_id) if principal else None,
                        "station": str(principal.station_id) if principal and principal.station_id else None,
                        "client": client[0] if client else None,
                    }
                )
            )


async def _too_large(max_bytes: int, send: Send) -> None:
    error = ApiError(413, "request_too_large", f"The request body is larger than {max_bytes} bytes.")
    response = JSONResponse(error.body(), status_code=413)
    await response({"type": "http"}, _never_receive, send)


async def _never_receive() -> Message:
    raise RuntimeError("a refused request's body is not read")
