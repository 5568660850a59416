"""A client library for accessing Agent Protocol"""

from .client import AuthenticatedClient, Client
from .sdk import (
    AgentProtocol,
    AgentProtocolError,
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncAgentProtocol,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    Event,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)

__all__ = (
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AgentProtocol",
    "AgentProtocolError",
    "AsyncAgentProtocol",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "Event",
    "InternalServerError",
    "NotFoundError",
    "PayloadTooLargeError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
)
