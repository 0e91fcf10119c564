"""The station's side of the wire: one method per request of docs/sync-protocol.md, answers parsed and checked.

Every failure becomes a ``SyncFailure`` with a stable ``reason``: transient ones (no network, a timeout, a 5xx,
an answer that is not the protocol's) are retried later by the engine; the others need a person (a revoked
device, an old program) and stop syncing until the cause is gone. Nothing here touches the station's data.

Pushes and pages travel in the rows form and compressed (sync.wire): answers as httpx's Accept-Encoding asks (it
decodes zstd and gzip), request bodies once the server has named the codings it takes (its Accept-Encoding header).
"""

import functools
import json
import ssl
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import httpx
import pydantic_core
from pydantic import BaseModel, ValidationError

from ..sync import CHANGES_WAITING_HEADER, wire
from ..sync.schemas import (
    AttachmentStart,
    AttachmentStatus,
    AuditHeadAnswer,
    AuditHeadReport,
    ClientTransaction,
    EnrolRequest,
    EnrolResponse,
    HandshakeRequest,
    HandshakeResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ScopeDigest,
    ScopeRows,
    TokenRequest,
    TokenResponse,
)
from .addresses import normalise_url
from .failures import FailureReason, SyncFailure

Answer = TypeVar("Answer", bound=BaseModel)
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# The rows form first; a server that does not give it answers plain JSON.
ACCEPT_ROWS = f"{wire.ROWS_MEDIA_TYPE}, {wire.JSON_MEDIA_TYPE};q=0.5"
_ROWS_DECODERS: dict[type[BaseModel], Any] = {PullResponse: wire.decode_page, PushResponse: wire.decode_push_answer}


# Access tokens kept between syncs, by server and device, in this process's memory only: a laptop syncs every few
# minutes, and a token asked for each time cost a round trip of every sync.
_TOKENS: dict[tuple[str, uuid.UUID], tuple[str, datetime]] = {}
# A token refused with these is asked for anew, once: it expired in flight, or the server no longer knows a kept one
# (restored from a backup).
_STALE_TOKEN = ("token_expired", "invalid_token")

_BY_CODE = {
    "invalid_enrolment_code": FailureReason.INVALID_CODE,
    "invalid_credentials": FailureReason.NOT_ENROLLED,
    "device_revoked": FailureReason.REVOKED,
    "protocol_version_unsupported": FailureReason.OUTDATED,
    "schema_version_too_old": FailureReason.OUTDATED,
    "schema_version_too_new": FailureReason.SERVER_OUTDATED,
    "sequence_mismatch": FailureReason.COPIED_DEVICE,
    "cursor_reset": FailureReason.CURSOR_RESET,
    "cursor_ahead": FailureReason.CURSOR_RESET,
    "too_many_attempts": FailureReason.THROTTLED,
    "clock_ahead": FailureReason.CLOCK_AHEAD,
}


@functools.cache
def trust_anchors(pem: str | None) -> ssl.SSLContext:
    """A TLS context that trusts only ``pem``: the city's own certificate authority, or the server's certificate
    itself (pinned); None: the usual authorities. Raises ValueError when the text holds no certificate.

    Made once per certificate and kept: loading the usual authorities costs a sync some 20 ms each time."""
    if pem is None:
        return httpx.create_ssl_context()
    if "-----BEGIN CERTIFICATE-----" not in pem:
        raise ValueError("no certificate in PEM form")
    context = ssl.create_default_context(cadata=pem)
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # a pinned server certificate is an anchor of its own
    return context


class ServerClient:
    """Requests to one city server, one at a time (the engine's page prefetch waits for each before the next).

    ``trusted_pem``: the certificates to trust instead of the system's (a city that runs its own authority)."""

    def __init__(self, base_url: str, transport: httpx.BaseTransport | None = None, *, trusted_pem: str | None = None):
        self._http = httpx.Client(
            base_url=normalise_url(base_url), timeout=TIMEOUT, transport=transport, verify=trust_anchors(trusted_pem)
        )
        self._token: str | None = None
        self._token_expires = datetime.min.replace(tzinfo=UTC)
        self._credentials: TokenRequest | None = None
        # The changes typed here the city has not received yet, told on every request (the engine keeps it up).
        self.changes_waiting: int | None = None
        self._request_coding: str | None = None  # how request bodies are compressed: as the server said it reads

    def close(self) -> None:
        self._http.close()

    # --- requests -----------------------------------------------------------------------------------------------

    def enrol(self, code: str, device_name: str, signing_csr: str | None = None) -> EnrolResponse:
        body = EnrolRequest(code=code, device_name=device_name, signing_csr=signing_csr)
        try:
            return self._call("POST", "/v1/enrol", EnrolResponse, body=body)
        except SyncFailure as failure:
            # At enrolment an answer that is not the protocol's (a page not found, a web page) means the address is
            # another web server, the supervision page's or a portal: not a city server to try again later.
            if failure.reason is FailureReason.SERVER_ERROR and failure.status < 500:
                raise SyncFailure(FailureReason.REFUSED, failure.detail) from failure
            raise

    def log_in(self, device_id: uuid.UUID, secret: str) -> None:
        self._credentials = TokenRequest(device_id=device_id, device_secret=secret)
        self._token, self._token_expires = _TOKENS.get(self._token_key, (None, datetime.min.replace(tzinfo=UTC)))

    def handshake(self, request: HandshakeRequest) -> HandshakeResponse:
        return self._call("POST", "/v1/sync/handshake", HandshakeResponse, body=request, auth=True)

    def push(self, transactions: list[ClientTransaction]) -> PushResponse:
        PushRequest(transactions=transactions)  # the same checks as a push in plain JSON, before anything is sent
        rows = pydantic_core.to_json(wire.encode_push(transactions))
        return self._call("POST", "/v1/sync/push", PushResponse, content=rows, rows=True, auth=True)

    def pull(self, cursor: str | None, limit: int) -> PullResponse:
        params: dict[str, object] = {"cursor": cursor or "", "limit": limit}
        if cursor:
            # This computer records the versions its pushes wrote (services/sync_replica.py): the server need not
            # send back the rows it stored exactly as sent (sync-protocol.md 2.3). From the start of the feed (a
            # new computer, a reset cursor) everything comes, its own rows included.
            params["echo"] = "false"
        return self._call("GET", "/v1/sync/changes", PullResponse, params=params, rows=True, auth=True)

    def report_audit_head(self, report: AuditHeadReport) -> AuditHeadAnswer:
        return self._call("POST", "/v1/sync/audit-head", AuditHeadAnswer, body=report, auth=True)

    def scope_digest(self, tables: list[str]) -> ScopeDigest:
        return self._call("GET", "/v1/sync/scope-digest", ScopeDigest, params={"tables": ",".join(tables)}, auth=True)

    def scope_rows(self, tables: list[str], bucket: int) -> ScopeRows:
        params = {"tables": ",".join(tables), "bucket": bucket}
        return self._call("GET", "/v1/sync/scope-rows", ScopeRows, params=params, auth=True)

    def announce(self, start: AttachmentStart) -> AttachmentStatus:
        return self._call("POST", "/v1/attachments", AttachmentStatus, body=start, auth=True)

    def upload_chunk(self, sha256: str, offset: int, chunk: bytes) -> AttachmentStatus:
        return self._call(
            "PUT",
            f"/v1/attachments/{sha256}/content",
            AttachmentStatus,
            params={"offset": offset},
            content=chunk,
            auth=True,
        )

    def download(self, sha256: str, offset: int) -> Iterator[bytes]:
        """The file's bytes from ``offset`` on, streamed; a cut connection raises SyncFailure(OFFLINE)."""
        headers = self._auth_headers()
        if offset:
            headers["Range"] = f"bytes={offset}-"
        try:
            with self._http.stream("GET", f"/v1/attachments/{sha256}/content", headers=headers) as response:
                if response.status_code >= 400:
                    response.read()
                    raise self._failure(response)
                yield from response.iter_bytes()
        except httpx.HTTPError as error:
            raise _unreachable(error) from error

    # --- plumbing -----------------------------------------------------------------------------------------------

    @property
    def _token_key(self) -> tuple[str, uuid.UUID]:
        assert self._credentials is not None
        return str(self._http.base_url), self._credentials.device_id

    def _auth_headers(self) -> dict[str, str]:
        if self._credentials is None:
            raise SyncFailure(FailureReason.NOT_ENROLLED, "no device credentials")
        if self._token is None or datetime.now(UTC) > self._token_expires - timedelta(minutes=1):
            answer = self._call("POST", "/v1/auth/token", TokenResponse, body=self._credentials)
            # The server's clock may be far from ours (F7): trust its lifetime, not its expiry time.
            self._token = answer.access_token
            self._token_expires = datetime.now(UTC) + timedelta(seconds=answer.expires_in)
            _TOKENS[self._token_key] = (self._token, self._token_expires)
        if self.changes_waiting is None:
            return {"Authorization": f"Bearer {self._token}"}
        return {"Authorization": f"Bearer {self._token}", CHANGES_WAITING_HEADER: str(self.changes_waiting)}

    def _call(
        self,
        method: str,
        path: str,
        answer: type[Answer],
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
        rows: bool = False,
        auth: bool = False,
    ) -> Answer:
        """One request. ``rows``: ``content`` (if any) is in the rows form, and the answer is asked for in it."""
        headers: dict[str, str] = {}
        if body is not None:
            content, headers["Content-Type"] = body.model_dump_json().encode(), wire.JSON_MEDIA_TYPE
        elif content is not None:
            headers["Content-Type"] = wire.ROWS_MEDIA_TYPE if rows else "application/octet-stream"
        if rows:
            headers["Accept"] = ACCEPT_ROWS
        if rows and self._request_coding and content is not None and len(content) >= wire.COMPRESS_FROM_BYTES:
            content, headers["Content-Encoding"] = wire.compress(content, self._request_coding), self._request_coding
        for attempt in (1, 2):
            if auth:
                headers.update(self._auth_headers())
            try:
                response = self._http.request(method, path, params=params, content=content, headers=headers)
            except httpx.HTTPError as error:
                raise _unreachable(error) from error
            if response.status_code == 401 and auth and attempt == 1 and _code(response) in _STALE_TOKEN:
                self._token = None  # one new token, one more try
                _TOKENS.pop(self._token_key, None)
                continue
            if response.status_code >= 300:
                raise self._failure(response)
            self._note_codings(response)
            try:
                return self._parsed(response, answer)
            except (ValidationError, ValueError) as error:
                raise SyncFailure(FailureReason.SERVER_ERROR, f"unexpected answer to {path}: {error}") from error
        raise AssertionError("unreachable: the second attempt returns or raises")

    def _note_codings(self, response: httpx.Response) -> None:
        """A server that reads compressed request bodies says which codings in its answers (RFC 7694)."""
        if "accept-encoding" in response.headers:
            codings = wire.accepted_codings(response.headers["accept-encoding"])
            self._request_coding = codings[0] if codings else None

    @staticmethod
    def _parsed(response: httpx.Response, answer: type[Answer]) -> Answer:
        media_type = response.headers.get("content-type", "").partition(";")[0].strip()
        if media_type == wire.ROWS_MEDIA_TYPE and answer in _ROWS_DECODERS:
            return _ROWS_DECODERS[answer](pydantic_core.from_json(response.content))
        return answer.model_validate_json(response.content, strict=False)

    @staticmethod
    def _failure(response: httpx.Response) -> SyncFailure:
        code = _code(response)
        message, details = _error_text(response)
        status = response.status_code
        if status >= 500:
            return SyncFailure(FailureReason.SERVER_ERROR, f"HTTP {status} {message}".strip(), status=status)
        if status == 401 and code in ("invalid_token", "missing_token", "token_expired"):
            # A token problem that survived a new token.
            return SyncFailure(FailureReason.SERVER_ERROR, message, status=status)
        reason = _BY_CODE.get(code or "")
        if reason is None:
            reason = FailureReason.SERVER_ERROR if code is None else FailureReason.REFUSED
        failure = SyncFailure(reason, message or f"HTTP {status}", details, status)
        if reason is FailureReason.THROTTLED:
            failure.details.setdefault("retry_after", response.headers.get("Retry-After"))
        return failure


def _unreachable(error: httpx.HTTPError) -> SyncFailure:
    """No answer: the network, or a server whose certificate this computer does not trust (maybe not the city's)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return SyncFailure(FailureReason.UNTRUSTED_CERTIFICATE, str(cause)[:300])
        cause = cause.__cause__ or cause.__context__
    return SyncFailure(FailureReason.OFFLINE, str(error) or type(error).__name__)


def _error_body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except ValueError:
        return {}
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def _code(response: httpx.Response) -> str | None:
    code = _error_body(response).get("code")
    return code if isinstance(code, str) else None


def _error_text(response: httpx.Response) -> tuple[str, dict[str, Any]]:
    error = _error_body(response)
    details = error.get("details")
    return str(error.get("message", ""))[:500], details if isinstance(details, dict) else {}
