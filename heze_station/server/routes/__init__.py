"""HTTP routes, thin: parse, authorise (dependencies), call one service function, answer."""

from typing import Any

from ...sync.schemas import ErrorResponse

_MEANINGS = {
    404: "not found in the caller's scope",
    409: "conflicts with the server's state: the error code says what to do",
    415: "the body's Content-Encoding is not one the server reads (its Accept-Encoding header says which)",
    416: "the requested byte range is not in the attachment",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error answers a route gives besides the common ones (see app.py)."""
    return {status: {"model": ErrorResponse, "description": _MEANINGS[status]} for status in statuses}
