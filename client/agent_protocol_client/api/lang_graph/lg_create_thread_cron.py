from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_cron import LgCron
from ...models.lg_cron_create import LgCronCreate
from ...types import Response


def _get_kwargs(
    thread_id: UUID,
    *,
    body: LgCronCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/threads/{thread_id}/runs/crons".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | LgCron | None:
    if response.status_code == 200:
        response_200 = LgCron.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | LgCron]:
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
    body: LgCronCreate,
) -> Response[ErrorResponse | LgCron]:
    """Schedule runs on a thread (a cron)

     Each firing is an ordinary run on the thread; on a busy thread it follows the
    payload's `multitask_strategy` (default `enqueue`: it waits its turn). Deleting the
    thread deletes the cron.

    Args:
        thread_id (UUID):
        body (LgCronCreate): A schedule and the run each firing makes. `schedule` is a five-field
            cron expression
            (optionally six, with seconds last), read by `croniter` in `timezone` (IANA, default
            UTC). `interrupt_before` and `interrupt_after` reach each firing's run (a graph
            stops there; an agent that is not a graph refuses them at creation, 422
            `not_supported`); `durability`, `checkpoint_during` and `stream_subgraphs` are
            refused when set (422 `not_supported`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgCron]
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
    body: LgCronCreate,
) -> ErrorResponse | LgCron | None:
    """Schedule runs on a thread (a cron)

     Each firing is an ordinary run on the thread; on a busy thread it follows the
    payload's `multitask_strategy` (default `enqueue`: it waits its turn). Deleting the
    thread deletes the cron.

    Args:
        thread_id (UUID):
        body (LgCronCreate): A schedule and the run each firing makes. `schedule` is a five-field
            cron expression
            (optionally six, with seconds last), read by `croniter` in `timezone` (IANA, default
            UTC). `interrupt_before` and `interrupt_after` reach each firing's run (a graph
            stops there; an agent that is not a graph refuses them at creation, 422
            `not_supported`); `durability`, `checkpoint_during` and `stream_subgraphs` are
            refused when set (422 `not_supported`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgCron
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
    body: LgCronCreate,
) -> Response[ErrorResponse | LgCron]:
    """Schedule runs on a thread (a cron)

     Each firing is an ordinary run on the thread; on a busy thread it follows the
    payload's `multitask_strategy` (default `enqueue`: it waits its turn). Deleting the
    thread deletes the cron.

    Args:
        thread_id (UUID):
        body (LgCronCreate): A schedule and the run each firing makes. `schedule` is a five-field
            cron expression
            (optionally six, with seconds last), read by `croniter` in `timezone` (IANA, default
            UTC). `interrupt_before` and `interrupt_after` reach each firing's run (a graph
            stops there; an agent that is not a graph refuses them at creation, 422
            `not_supported`); `durability`, `checkpoint_during` and `stream_subgraphs` are
            refused when set (422 `not_supported`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgCron]
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
    body: LgCronCreate,
) -> ErrorResponse | LgCron | None:
    """Schedule runs on a thread (a cron)

     Each firing is an ordinary run on the thread; on a busy thread it follows the
    payload's `multitask_strategy` (default `enqueue`: it waits its turn). Deleting the
    thread deletes the cron.

    Args:
        thread_id (UUID):
        body (LgCronCreate): A schedule and the run each firing makes. `schedule` is a five-field
            cron expression
            (optionally six, with seconds last), read by `croniter` in `timezone` (IANA, default
            UTC). `interrupt_before` and `interrupt_after` reach each firing's run (a graph
            stops there; an agent that is not a graph refuses them at creation, 422
            `not_supported`); `durability`, `checkpoint_during` and `stream_subgraphs` are
            refused when set (422 `not_supported`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgCron
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
        )
    ).parsed
