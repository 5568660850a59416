"""Server-sent events for the streaming operations (hand-written; survives regeneration).

The generated modules for `text/event-stream` responses read the whole body before
parsing it, which never finishes for a live run. This module reads the body as it
arrives instead:

    from agent_protocol_client import Client
    from agent_protocol_client.models import RunStream
    from agent_protocol_client.sse import create_and_stream_run

    async with Client(base_url="http://127.0.0.1:2024") as client:
        async with create_and_stream_run(client, RunStream(...)) as events:
            async for event in events:
                print(event.event, event.json())

`stream_run`, `create_and_stream_run` and `resume_and_stream_run` are async context
managers; the `*_sync` twins are their blocking versions. Each builds its request with the
generated `_get_kwargs` of the operation, so paths and methods live only in the spec. A
non-200 answer raises `StreamError`. `aiter_sse` / `iter_sse` parse any httpx response,
and `SSEDecoder` is the parser itself (the HTML "event stream" rules, incrementally).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager, contextmanager
from typing import Any
from uuid import UUID

import httpx

from .api.background_runs import stream_run as _stream_run_op
from .api.runs import create_and_stream_run as _create_and_stream_run_op
from .api.runs import resume_and_stream_run as _resume_and_stream_run_op
from .client import AuthenticatedClient, Client
from .event_stream import ServerSentEvent, SSEDecoder, aiter_sse, iter_sse
from .models.error_response import ErrorResponse
from .models.run_resume_stream import RunResumeStream
from .models.run_stream import RunStream
from .types import UNSET

__all__ = [
    "EventStream",
    "SSEDecoder",
    "ServerSentEvent",
    "StreamError",
    "aiter_sse",
    "create_and_stream_run",
    "create_and_stream_run_sync",
    "iter_sse",
    "resume_and_stream_run",
    "resume_and_stream_run_sync",
    "stream_run",
    "stream_run_sync",
]


class StreamError(Exception):
    """A streaming operation answered with a status other than 200."""

    def __init__(self, status_code: int, error: ErrorResponse | None, content: bytes) -> None:
        self.status_code = status_code
        self.error = error  # the parsed body, when it was an ErrorResponse in JSON
        self.content = content
        detail = f"{error.code}: {error.message}" if error else content[:200].decode("utf-8", "replace")
        super().__init__(f"HTTP {status_code}: {detail}")

    @classmethod
    def from_response(cls, response: httpx.Response) -> StreamError:
        try:
            error: ErrorResponse | None = ErrorResponse.from_dict(response.json())
        except (ValueError, KeyError, TypeError, AttributeError):
            error = None
        return cls(response.status_code, error, response.content)


class EventStream:
    """The events of one open streaming response: iterate it (`async for` with an async client).

    `response` is the httpx response (status, headers). `last_event_id` is the id of the
    latest event yielded, for rejoining with `stream_run(..., last_event_id=...)`.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.last_event_id: str | None = None

    async def __aiter__(self) -> AsyncIterator[ServerSentEvent]:
        async for event in aiter_sse(self.response):
            self.last_event_id = event.id
            yield event

    def __iter__(self) -> Iterator[ServerSentEvent]:
        for event in iter_sse(self.response):
            self.last_event_id = event.id
            yield event


def _with_accept(kwargs: dict[str, Any]) -> dict[str, Any]:
    headers = dict(kwargs.get("headers") or {})
    headers.setdefault("Accept", "text/event-stream")
    return {**kwargs, "headers": headers}


@asynccontextmanager
async def _astream(client: Client | AuthenticatedClient, kwargs: dict[str, Any]) -> AsyncIterator[EventStream]:
    async with client.get_async_httpx_client().stream(**_with_accept(kwargs)) as response:
        if response.status_code != 200:
            await response.aread()
            raise StreamError.from_response(response)
        yield EventStream(response)


@contextmanager
def _stream(client: Client | AuthenticatedClient, kwargs: dict[str, Any]) -> Iterator[EventStream]:
    with client.get_httpx_client().stream(**_with_accept(kwargs)) as response:
        if response.status_code != 200:
            response.read()
            raise StreamError.from_response(response)
        yield EventStream(response)


def _stream_run_kwargs(run_id: UUID | str, last_event_id: str | None) -> dict[str, Any]:
    return _stream_run_op._get_kwargs(run_id, last_event_id=UNSET if last_event_id is None else last_event_id)


def stream_run(
    client: Client | AuthenticatedClient, run_id: UUID | str, *, last_event_id: str | None = None
) -> AbstractAsyncContextManager[EventStream]:
    """Join the stream of an existing run (GET /runs/{run_id}/stream), after `last_event_id` if given."""
    return _astream(client, _stream_run_kwargs(run_id, last_event_id))


def create_and_stream_run(
    client: Client | AuthenticatedClient, body: RunStream
) -> AbstractAsyncContextManager[EventStream]:
    """Create a run and stream its output (POST /runs/stream)."""
    return _astream(client, _create_and_stream_run_op._get_kwargs(body=body))


def resume_and_stream_run(
    client: Client | AuthenticatedClient, body: RunResumeStream
) -> AbstractAsyncContextManager[EventStream]:
    """Resume an interrupted thread and stream the new run (PATCH /runs/resume/stream)."""
    return _astream(client, _resume_and_stream_run_op._get_kwargs(body=body))


def stream_run_sync(
    client: Client | AuthenticatedClient, run_id: UUID | str, *, last_event_id: str | None = None
) -> AbstractContextManager[EventStream]:
    """Blocking `stream_run`."""
    return _stream(client, _stream_run_kwargs(run_id, last_event_id))


def create_and_stream_run_sync(
    client: Client | AuthenticatedClient, body: RunStream
) -> AbstractContextManager[EventStream]:
    """Blocking `create_and_stream_run`."""
    return _stream(client, _create_and_stream_run_op._get_kwargs(body=body))


def resume_and_stream_run_sync(
    client: Client | AuthenticatedClient, body: RunResumeStream
) -> AbstractContextManager[EventStream]:
    """Blocking `resume_and_stream_run`."""
    return _stream(client, _resume_and_stream_run_op._get_kwargs(body=body))
