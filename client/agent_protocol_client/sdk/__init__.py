"""The hand-written SDK over the generated layer (survives regeneration): `AgentProtocol`,
`AsyncAgentProtocol`, their exceptions and stream events. See client/README.md."""

from .client import AgentProtocol, AsyncAgentProtocol
from .exceptions import (
    AgentProtocolError,
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)
from .resources import NOT_GIVEN
from .streaming import AsyncRunStream, Event, RunStream

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AgentProtocol",
    "AgentProtocolError",
    "AsyncAgentProtocol",
    "AsyncRunStream",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "Event",
    "InternalServerError",
    "NotFoundError",
    "PayloadTooLargeError",
    "RunStream",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
]
