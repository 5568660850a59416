from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_prune_result import LgPruneResult
from ...models.lg_thread_prune import LgThreadPrune
from ...types import Response


def _get_kwargs(
    *,
    body: LgThreadPrune,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/threads/prune",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LgPruneResult | None:
    if response.status_code == 200:
        response_200 = LgPruneResult.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[ErrorResponse | LgPruneResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LgThreadPrune,
) -> Response[ErrorResponse | LgPruneResult]:
    """Prune threads

     `delete` (default) deletes the threads; `keep_latest` deletes every checkpoint but
    each thread's latest. Threads with an active run are left as they are; unknown ids
    (and other owners' threads) are skipped. `pruned_count` counts the threads pruned.

    Args:
        body (LgThreadPrune):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgPruneResult]
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
    body: LgThreadPrune,
) -> ErrorResponse | LgPruneResult | None:
    """Prune threads

     `delete` (default) deletes the threads; `keep_latest` deletes every checkpoint but
    each thread's latest. Threads with an active run are left as they are; unknown ids
    (and other owners' threads) are skipped. `pruned_count` counts the threads pruned.

    Args:
        body (LgThreadPrune):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgPruneResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LgThreadPrune,
) -> Response[ErrorResponse | LgPruneResult]:
    """Prune threads

     `delete` (default) deletes the threads; `keep_latest` deletes every checkpoint but
    each thread's latest. Threads with an active run are left as they are; unknown ids
    (and other owners' threads) are skipped. `pruned_count` counts the threads pruned.

    Args:
        body (LgThreadPrune):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgPruneResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LgThreadPrune,
) -> ErrorResponse | LgPruneResult | None:
    """Prune threads

     `delete` (default) deletes the threads; `keep_latest` deletes every checkpoint but
    each thread's latest. Threads with an active run are left as they are; unknown ids
    (and other owners' threads) are skipped. `pruned_count` counts the threads pruned.

    Args:
        body (LgThreadPrune):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgPruneResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
