from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_cancel_run_action import LgCancelRunAction
from ...types import UNSET, Response, Unset


def _get_kwargs(
    thread_id: UUID,
    run_id: UUID,
    *,
    wait: bool | Unset = False,
    action: LgCancelRunAction | Unset = LgCancelRunAction.INTERRUPT,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["wait"] = wait

    json_action: str | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = action.value

    params["action"] = json_action

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/threads/{thread_id}/runs/{run_id}/cancel".format(
            thread_id=quote(str(thread_id), safe=""),
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | None:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    thread_id: UUID,
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: LgCancelRunAction | Unset = LgCancelRunAction.INTERRUPT,
) -> Response[Any | ErrorResponse]:
    """Cancel a run

     `action=interrupt` stops the run and keeps what it wrote; `action=rollback` stops it
    and erases the run and its checkpoints. `wait=true` returns only once the run has
    stopped (204); otherwise the stop is requested and 202 is returned at once.
    A run that has already ended is left unchanged.

    Args:
        thread_id (UUID):
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (LgCancelRunAction | Unset):  Default: LgCancelRunAction.INTERRUPT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        run_id=run_id,
        wait=wait,
        action=action,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: UUID,
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: LgCancelRunAction | Unset = LgCancelRunAction.INTERRUPT,
) -> Any | ErrorResponse | None:
    """Cancel a run

     `action=interrupt` stops the run and keeps what it wrote; `action=rollback` stops it
    and erases the run and its checkpoints. `wait=true` returns only once the run has
    stopped (204); otherwise the stop is requested and 202 is returned at once.
    A run that has already ended is left unchanged.

    Args:
        thread_id (UUID):
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (LgCancelRunAction | Unset):  Default: LgCancelRunAction.INTERRUPT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        thread_id=thread_id,
        run_id=run_id,
        client=client,
        wait=wait,
        action=action,
    ).parsed


async def asyncio_detailed(
    thread_id: UUID,
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: LgCancelRunAction | Unset = LgCancelRunAction.INTERRUPT,
) -> Response[Any | ErrorResponse]:
    """Cancel a run

     `action=interrupt` stops the run and keeps what it wrote; `action=rollback` stops it
    and erases the run and its checkpoints. `wait=true` returns only once the run has
    stopped (204); otherwise the stop is requested and 202 is returned at once.
    A run that has already ended is left unchanged.

    Args:
        thread_id (UUID):
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (LgCancelRunAction | Unset):  Default: LgCancelRunAction.INTERRUPT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        run_id=run_id,
        wait=wait,
        action=action,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: UUID,
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: LgCancelRunAction | Unset = LgCancelRunAction.INTERRUPT,
) -> Any | ErrorResponse | None:
    """Cancel a run

     `action=interrupt` stops the run and keeps what it wrote; `action=rollback` stops it
    and erases the run and its checkpoints. `wait=true` returns only once the run has
    stopped (204); otherwise the stop is requested and 202 is returned at once.
    A run that has already ended is left unchanged.

    Args:
        thread_id (UUID):
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (LgCancelRunAction | Unset):  Default: LgCancelRunAction.INTERRUPT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            run_id=run_id,
            client=client,
            wait=wait,
            action=action,
        )
    ).parsed
