"""The SDK's exceptions: every answer of 400 or more raises one, carrying the server's
`ErrorResponse` (`code`, `message`, `metadata`)."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AgentProtocolError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PayloadTooLargeError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
]


class AgentProtocolError(Exception):
    """Base of everything the SDK raises."""


class APIConnectionError(AgentProtocolError):
    """The server could not be reached, or the connection broke (after the retries)."""

    def __init__(self, message: str, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request took longer than the client's `timeout` (it is not retried: the server
    may still be working on it)."""


class APIError(AgentProtocolError):
    """The server answered with an error."""


class APIStatusError(APIError):
    """An answer with a status of 400 or more. `code` is the `ErrorResponse` code
    (`thread_busy`, `thread_not_interrupted`, `not_found`, ...; None when the body is not an
    `ErrorResponse`), `message` its message, `metadata` its details."""

    status_code: int = 0

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        body: Any = None
        try:
            body = response.json()
        except ValueError:
            pass
        is_error = isinstance(body, dict) and isinstance(body.get("code"), str)
        self.body = body
        self.code: str | None = body["code"] if is_error else None
        self.message: str = str(body.get("message", "")) if is_error else response.text[:500] or response.reason_phrase
        self.metadata: dict[str, Any] = (body.get("metadata") or {}) if is_error else {}
        request = response.request
        super().__init__(
            f"{request.method} {request.url.path}: {self.status_code}"
            + (f" {self.code}" if self.code else "")
            + (f": {self.message}" if self.message else "")
        )


class BadRequestError(APIStatusError):
    """400 (and other 4xx without a class of their own)."""


class AuthenticationError(APIStatusError):
    """401: no API key, or one the server does not know."""


class NotFoundError(APIStatusError):
    """404: the thread, run, agent, item or checkpoint does not exist."""


class ConflictError(APIStatusError):
    """409: the thread's state forbids it (`thread_busy`, `thread_not_interrupted`,
    `thread_interrupted`, `thread_exists`, `run_active`)."""


class PayloadTooLargeError(APIStatusError):
    """413: the body is over the server's limit."""


class UnprocessableEntityError(APIStatusError):
    """422: a value the spec refuses (`validation_error`, `too_large`, ...)."""


class InternalServerError(APIStatusError):
    """500 and other 5xx."""


class ServiceUnavailableError(APIStatusError):
    """503 (after the retries): the database does not answer, or the server shuts down."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    422: UnprocessableEntityError,
    503: ServiceUnavailableError,
}


def error_for(response: httpx.Response) -> APIStatusError:
    """The exception of an error answer."""
    status = response.status_code
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else BadRequestError)
    return cls(response)
