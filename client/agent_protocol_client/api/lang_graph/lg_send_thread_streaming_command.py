from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.streaming_command import StreamingCommand
from ...models.streaming_error_response import StreamingErrorResponse
from ...models.streaming_success_response import StreamingSuccessResponse
from ...types import Response


def _get_kwargs(
    thread_id: UUID,
    *,
    body: StreamingCommand,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/threads/{thread_id}/commands".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> StreamingErrorResponse | StreamingSuccessResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_streaming_command_response_type_0 = StreamingSuccessResponse.from_dict(data)

                return componentsschemas_streaming_command_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_streaming_command_response_type_1 = StreamingErrorResponse.from_dict(data)

            return componentsschemas_streaming_command_response_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: StreamingCommand,
) -> Response[ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse]:
    """Send a thread streaming command

     `POST /threads/{thread_id}/commands` where LangGraph's SDKs call it. One command of
    the thread streaming protocol, answered at once: `run.start`,
    `input.respond`, `input.inject`, `state.get`, `state.listCheckpoints`, `state.fork`,
    `agent.getTree`. They reach the same engine as the REST operations (`run.start` is
    `POST /runs` with `if_not_exists: create`, `input.respond` is `PATCH /runs/resume`).
    A command the server refuses is still a 200, with a `StreamingErrorResponse`:
    an unknown method (`unknown_command`), bad params (`invalid_argument`), or the
    engine's refusal under its own code (`thread_busy`, `thread_interrupted`,
    `thread_not_interrupted`, `interrupts_unanswered`, `not_found`, ...).
    `subscription.*` are WebSocket commands (`not_supported` here). A thread that does
    not exist yet is created by `run.start`; another owner's thread is a 404.

    Args:
        thread_id (UUID):
        body (StreamingCommand): A client command. `method` is one of `run.start`,
            `input.respond`, `input.inject`,
            `state.get`, `state.listCheckpoints`, `state.fork`, `agent.getTree`, and on a
            WebSocket `subscription.subscribe`, `subscription.unsubscribe`,
            `subscription.reconnect`; another is answered with the protocol error
            `unknown_command` (a string here, so that the answer is a protocol error, as the
            protocol says, not a 422). `params` depends on the method (see `README.md`); bad
            params are the protocol error `invalid_argument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: StreamingCommand,
) -> ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse | None:
    """Send a thread streaming command

     `POST /threads/{thread_id}/commands` where LangGraph's SDKs call it. One command of
    the thread streaming protocol, answered at once: `run.start`,
    `input.respond`, `input.inject`, `state.get`, `state.listCheckpoints`, `state.fork`,
    `agent.getTree`. They reach the same engine as the REST operations (`run.start` is
    `POST /runs` with `if_not_exists: create`, `input.respond` is `PATCH /runs/resume`).
    A command the server refuses is still a 200, with a `StreamingErrorResponse`:
    an unknown method (`unknown_command`), bad params (`invalid_argument`), or the
    engine's refusal under its own code (`thread_busy`, `thread_interrupted`,
    `thread_not_interrupted`, `interrupts_unanswered`, `not_found`, ...).
    `subscription.*` are WebSocket commands (`not_supported` here). A thread that does
    not exist yet is created by `run.start`; another owner's thread is a 404.

    Args:
        thread_id (UUID):
        body (StreamingCommand): A client command. `method` is one of `run.start`,
            `input.respond`, `input.inject`,
            `state.get`, `state.listCheckpoints`, `state.fork`, `agent.getTree`, and on a
            WebSocket `subscription.subscribe`, `subscription.unsubscribe`,
            `subscription.reconnect`; another is answered with the protocol error
            `unknown_command` (a string here, so that the answer is a protocol error, as the
            protocol says, not a 422). `params` depends on the method (see `README.md`); bad
            params are the protocol error `invalid_argument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: StreamingCommand,
) -> Response[ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse]:
    """Send a thread streaming command

     `POST /threads/{thread_id}/commands` where LangGraph's SDKs call it. One command of
    the thread streaming protocol, answered at once: `run.start`,
    `input.respond`, `input.inject`, `state.get`, `state.listCheckpoints`, `state.fork`,
    `agent.getTree`. They reach the same engine as the REST operations (`run.start` is
    `POST /runs` with `if_not_exists: create`, `input.respond` is `PATCH /runs/resume`).
    A command the server refuses is still a 200, with a `StreamingErrorResponse`:
    an unknown method (`unknown_command`), bad params (`invalid_argument`), or the
    engine's refusal under its own code (`thread_busy`, `thread_interrupted`,
    `thread_not_interrupted`, `interrupts_unanswered`, `not_found`, ...).
    `subscription.*` are WebSocket commands (`not_supported` here). A thread that does
    not exist yet is created by `run.start`; another owner's thread is a 404.

    Args:
        thread_id (UUID):
        body (StreamingCommand): A client command. `method` is one of `run.start`,
            `input.respond`, `input.inject`,
            `state.get`, `state.listCheckpoints`, `state.fork`, `agent.getTree`, and on a
            WebSocket `subscription.subscribe`, `subscription.unsubscribe`,
            `subscription.reconnect`; another is answered with the protocol error
            `unknown_command` (a string here, so that the answer is a protocol error, as the
            protocol says, not a 422). `params` depends on the method (see `README.md`); bad
            params are the protocol error `invalid_argument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: StreamingCommand,
) -> ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse | None:
    """Send a thread streaming command

     `POST /threads/{thread_id}/commands` where LangGraph's SDKs call it. One command of
    the thread streaming protocol, answered at once: `run.start`,
    `input.respond`, `input.inject`, `state.get`, `state.listCheckpoints`, `state.fork`,
    `agent.getTree`. They reach the same engine as the REST operations (`run.start` is
    `POST /runs` with `if_not_exists: create`, `input.respond` is `PATCH /runs/resume`).
    A command the server refuses is still a 200, with a `StreamingErrorResponse`:
    an unknown method (`unknown_command`), bad params (`invalid_argument`), or the
    engine's refusal under its own code (`thread_busy`, `thread_interrupted`,
    `thread_not_interrupted`, `interrupts_unanswered`, `not_found`, ...).
    `subscription.*` are WebSocket commands (`not_supported` here). A thread that does
    not exist yet is created by `run.start`; another owner's thread is a 404.

    Args:
        thread_id (UUID):
        body (StreamingCommand): A client command. `method` is one of `run.start`,
            `input.respond`, `input.inject`,
            `state.get`, `state.listCheckpoints`, `state.fork`, `agent.getTree`, and on a
            WebSocket `subscription.subscribe`, `subscription.unsubscribe`,
            `subscription.reconnect`; another is answered with the protocol error
            `unknown_command` (a string here, so that the answer is a protocol error, as the
            protocol says, not a 422). `params` depends on the method (see `README.md`); bad
            params are the protocol error `invalid_argument`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StreamingErrorResponse | StreamingSuccessResponse
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
        )
    ).parsed
