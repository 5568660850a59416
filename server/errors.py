"""The errors a request can end in, each with its HTTP status and ErrorResponse code.

Any layer raises these; the router turns them into an `ErrorResponse` body. Nothing a
client sends may end in a 500: an unexpected exception is a bug, logged, and answered
with a 500 `internal_error` body.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ApiError(Exception):
    status: int = 500
    code: str = "internal_error"
    headers: ClassVar[dict[str, str]] = {}  # sent with the error response

    def __init__(
        self, message: str, *, code: str | None = None, status: int | None = None, **metadata: Any
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.metadata = metadata

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.metadata:
            body["metadata"] = self.metadata
        return body


class Invalid(ApiError):
    """The request is malformed (422)."""

    status = 422
    code = "validation_error"


class NotFound(ApiError):
    """The resource does not exist (404)."""

    status = 404
    code = "not_found"

    def __init__(self, kind: str, ident: object, *, code: str | None = None) -> None:
        metadata: dict[str, Any] = {f"{kind}_id": str(ident)}
        super().__init__(f"{kind} {ident} not found", code=code, **metadata)


class Conflict(ApiError):
    """The resource is in a state that forbids the operation (409)."""

    status = 409
    code = "conflict"


class TooLarge(ApiError):
    """A request body larger than the server accepts (413)."""

    status = 413
    code = "body_too_large"


class UnsupportedMediaType(ApiError):
    """A request body that is not declared JSON (415)."""

    status = 415
    code = "unsupported_media_type"


class Unavailable(ApiError):
    """The database does not answer, or the server is going away (503): try again."""

    status = 503
    code = "unavailable"
    headers: ClassVar[dict[str, str]] = {"Retry-After": "1"}
