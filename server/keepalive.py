"""Long waits that answer JSON (LangGraph's `/wait` and `/join`): keep the connection alive.

A handler returns `Pending(task)`. If the task gives its body within one heartbeat, the
response is the usual one (any status). Otherwise a 200 starts at once and a newline is sent
every heartbeat until the body follows; JSON ignores the leading whitespace, so clients
(and proxies that close idle connections) see a live response. An error after the start is
the body: the `ErrorResponse`. A client that goes away cancels the task.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response, StreamingResponse

from .errors import ApiError


@dataclass(frozen=True, slots=True)
class Pending:
    task: asyncio.Task[Any]


async def pending_response(
    pending: Pending,
    first: Callable[[Awaitable[Any]], Awaitable[Any]],
    heartbeat: float,
    render: Callable[[Any], bytes],
    status: int,
    headers: dict[str, str],
) -> Response | Any:
    """The body, if it is ready within one heartbeat (waited through `first`, which gives up
    when the client goes away); else a streamed response with keepalive newlines."""
    task = pending.task
    try:
        return await first(asyncio.wait_for(asyncio.shield(task), heartbeat))
    except TimeoutError:
        return StreamingResponse(
            _kept_alive(task, heartbeat, render),
            status_code=status,
            media_type="application/json",
            headers=headers,
        )
    except BaseException:
        task.cancel()
        raise


async def _kept_alive(
    task: asyncio.Task[Any], heartbeat: float, render: Callable[[Any], bytes]
) -> AsyncIterator[bytes]:
    try:
        while not (await asyncio.wait({task}, timeout=heartbeat))[0]:
            yield b"\n"
        try:
            body = task.result()
        except ApiError as error:
            yield json.dumps(error.body(), default=str).encode()
            return
        yield render(body)
    finally:
        task.cancel()  # the client went away (a no-op once the task is done)
