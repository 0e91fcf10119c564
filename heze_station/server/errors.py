"""Errors the API answers with: an HTTP status, a stable machine-readable code and a message for a person.

Every refusal goes through ``ApiError`` (or FastAPI's validation, translated in ``app.py``) so that clients can
rely on one body shape: ``{"error": {"code": ..., "message": ..., "details": ...}}``.
"""

from typing import Any


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


def bad_request(code: str, message: str, **details: Any) -> ApiError:
    return ApiError(422, code, message, details or None)


def not_found(code: str, message: str) -> ApiError:
    return ApiError(404, code, message)


def conflict(code: str, message: str, **details: Any) -> ApiError:
    return ApiError(409, code, message, details or None)


def forbidden(code: str, message: str) -> ApiError:
    return ApiError(403, code, message)


def unauthorized(code: str, message: str) -> ApiError:
    return ApiError(401, code, message, headers={"WWW-Authenticate": "Bearer"})
