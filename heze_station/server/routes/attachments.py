import re
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ...sync.schemas import SHA256_PATTERN, AttachmentStart, AttachmentStatus
from .. import attachments
from ..deps import DatabaseDep, SettingsDep, StationDevice
from ..errors import ApiError, bad_request
from . import errors

router = APIRouter(prefix="/v1/attachments", tags=["attachments"])
Sha256Path = Annotated[str, Path(pattern=SHA256_PATTERN, description="lower-case hex SHA-256 of the whole file")]
_RANGE = re.compile(r"^bytes=(\d{1,15})-(\d{0,15})$")


@router.post("", response_model=AttachmentStatus, responses=errors(409))
def start(
    body: AttachmentStart, caller: StationDevice, database: DatabaseDep, settings: SettingsDep
) -> AttachmentStatus:
    """Announce an upload (or ask how far one got): answers with the bytes received so far."""
    assert caller.station_id is not None
    with database.transaction() as session:
        return attachments.start(session, settings, caller.station_id, body)


@router.get("/{sha256}", response_model=AttachmentStatus, responses=errors(404))
def status(sha256: Sha256Path, caller: StationDevice, database: DatabaseDep) -> AttachmentStatus:
    assert caller.station_id is not None
    with database.transaction() as session:
        return attachments.status(session, caller.station_id, sha256)


@router.put(
    "/{sha256}/content",
    response_model=AttachmentStatus,
    responses=errors(404, 409),
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string"}}}}
    },
)
async def upload_chunk(
    sha256: Sha256Path,
    offset: Annotated[int, Query(ge=0, le=2**53, description="where this chunk starts; must equal 'received'")],
    request: Request,
    caller: StationDevice,
    database: DatabaseDep,
    settings: SettingsDep,
) -> AttachmentStatus:
    """Append one chunk (raw bytes) at ``offset``. The last chunk completes the upload and is hash-checked."""
    assert caller.station_id is not None
    data = await request.body()

    def store() -> attachments.ChunkOutcome:
        with database.transaction() as session:
            return attachments.append(session, settings, caller.station_id, sha256, offset, data)

    outcome = await run_in_threadpool(store)  # the database is used synchronously, off the event loop
    if outcome.hash_mismatch:
        raise bad_request(
            "hash_mismatch",
            "The uploaded bytes do not have the announced SHA-256; the upload was discarded. Upload it again.",
        )
    return outcome.status


@router.get(
    "/{sha256}/content",
    response_class=Response,
    responses={
        200: {"content": {"application/octet-stream": {}}},
        206: {"description": "the requested range", "content": {"application/octet-stream": {}}},
        **errors(404, 409, 416),
    },
)
def download(
    sha256: Sha256Path,
    caller: StationDevice,
    database: DatabaseDep,
    range_header: Annotated[str | None, Header(alias="Range", max_length=50)] = None,
) -> Response:
    """The bytes of a complete attachment; ``Range: bytes=N-`` resumes an interrupted download."""
    assert caller.station_id is not None
    start, end = 0, None
    if range_header is not None:
        match = _RANGE.match(range_header)
        if match is None:
            raise ApiError(416, "invalid_range", "Only 'Range: bytes=START-' or 'bytes=START-END' is understood.")
        start, end = int(match[1]), int(match[2]) if match[2] else None
    with database.transaction() as session:
        data, size = attachments.read(session, caller.station_id, sha256, start, end)
    headers = {"Accept-Ranges": "bytes", "ETag": f'"{sha256}"'}
    if range_header is None:
        return Response(data, media_type="application/octet-stream", headers=headers)
    headers["Content-Range"] = f"bytes {start}-{start + len(data) - 1}/{size}"
    return Response(data, status_code=206, media_type="application/octet-stream", headers=headers)
