from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_run import LgRun
from ...models.lg_run_create import LgRunCreate
from ...types import Response


def _get_kwargs(
    *,
    body: LgRunCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/runs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | LgRun | None:
    if response.status_code == 200:
        response_200 = LgRun.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | LgRun]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LgRunCreate,
) -> Response[ErrorResponse | LgRun]:
    """Create a stateless background run

    Args:
        body (LgRunCreate): What the LangGraph SDK sends to create a run. Nothing is silently
            dropped: a field
            this server does not know is a 422 (`validation_error`), and a value it does not
            honour a 422 `not_supported` naming the field: `feedback_keys`,
            `langsmith_tracer` when set; `interrupt_before`, `interrupt_after`, `checkpoint`
            and `checkpoint_id` for an agent that is not a LangGraph graph; `checkpoint_during:
            false`;
            `durability: exit`; `strict_resume: false` (a resume here is always strict);
            stream modes a native agent cannot produce (`debug`, `tasks`, `checkpoints`,
            `tools`, `events`). `stream_resumable` is honoured whatever its value: every stream can be
            rejoined. `stream_subgraphs: true` streams a graph's subgraphs' events, named
            `<mode>|<node>:<task id>|...` as LangGraph's server names them (a native agent has
            no subgraphs).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgRun]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LgRunCreate,
) -> ErrorResponse | LgRun | None:
    """Create a stateless background run

    Args:
        body (LgRunCreate): What the LangGraph SDK sends to create a run. Nothing is silently
            dropped: a field
            this server does not know is a 422 (`validation_error`), and a value it does not
            honour a 422 `not_supported` naming the field: `feedback_keys`,
            `langsmith_tracer` when set; `interrupt_before`, `interrupt_after`, `checkpoint`
            and `checkpoint_id` for an agent that is not a LangGraph graph; `checkpoint_during:
            false`;
            `durability: exit`; `strict_resume: false` (a resume here is always strict);
            stream modes a native agent cannot produce (`debug`, `tasks`, `checkpoints`,
            `tools`, `events`). `stream_resumable` is honoured whatever its value: every stream can be
            rejoined. `stream_subgraphs: true` streams a graph's subgraphs' events, named
            `<mode>|<node>:<task id>|...` as LangGraph's server names them (a native agent has
            no subgraphs).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgRun
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LgRunCreate,
) -> Response[ErrorResponse | LgRun]:
    """Create a stateless background run

    Args:
        body (LgRunCreate): What the LangGraph SDK sends to create a run. Nothing is silently
            dropped: a field
            this server does not know is a 422 (`validation_error`), and a value it does not
            honour a 422 `not_supported` naming the field: `feedback_keys`,
            `langsmith_tracer` when set; `interrupt_before`, `interrupt_after`, `checkpoint`
            and `checkpoint_id` for an agent that is not a LangGraph graph; `checkpoint_during:
            false`;
            `durability: exit`; `strict_resume: false` (a resume here is always strict);
            stream modes a native agent cannot produce (`debug`, `tasks`, `checkpoints`,
            `tools`, `events`). `stream_resumable` is honoured whatever its value: every stream can be
            rejoined. `stream_subgraphs: true` streams a graph's subgraphs' events, named
            `<mode>|<node>:<task id>|...` as LangGraph's server names them (a native agent has
            no subgraphs).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgRun]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LgRunCreate,
) -> ErrorResponse | LgRun | None:
    """Create a stateless background run

    Args:
        body (LgRunCreate): What the LangGraph SDK sends to create a run. Nothing is silently
            dropped: a field
            this server does not know is a 422 (`validation_error`), and a value it does not
            honour a 422 `not_supported` naming the field: `feedback_keys`,
            `langsmith_tracer` when set; `interrupt_before`, `interrupt_after`, `checkpoint`
            and `checkpoint_id` for an agent that is not a LangGraph graph; `checkpoint_during:
            false`;
            `durability: exit`; `strict_resume: false` (a resume here is always strict);
            stream modes a native agent cannot produce (`debug`, `tasks`, `checkpoints`,
            `tools`, `events`). `stream_resumable` is honoured whatever its value: every stream can be
            rejoined. `stream_subgraphs: true` streams a graph's subgraphs' events, named
            `<mode>|<node>:<task id>|...` as LangGraph's server names them (a native agent has
            no subgraphs).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgRun
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
