from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancel_action import CancelAction
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_id: UUID,
    *,
    wait: bool | Unset = False,
    action: CancelAction | Unset = UNSET,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["wait"] = wait

    json_action: str | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = action.value

    params["action"] = json_action

    params["graceful"] = graceful

    params["timeout"] = timeout

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/runs/{run_id}/cancel".format(
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | None:
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
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: CancelAction | Unset = UNSET,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """Cancel a run

     Stop a run. Pending runs stop at once and never start. A running run is told to stop
    (graceful) and may finish its current step within `timeout` seconds; then, or at once
    when `graceful=false`, its task is cancelled. The run ends `interrupted` with
    `stop_reason` `user`, and its thread becomes `idle` (never `interrupted`: a cancel
    leaves nothing to resume).

    Idempotent: cancelling a run that has already ended leaves it unchanged and returns
    204, because the state the caller asked for (the run is not running) holds.

    Args:
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (CancelAction | Unset): `interrupt` keeps what the run wrote; `rollback` erases the
            run and its checkpoints.
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        wait=wait,
        action=action,
        graceful=graceful,
        timeout=timeout,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: CancelAction | Unset = UNSET,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """Cancel a run

     Stop a run. Pending runs stop at once and never start. A running run is told to stop
    (graceful) and may finish its current step within `timeout` seconds; then, or at once
    when `graceful=false`, its task is cancelled. The run ends `interrupted` with
    `stop_reason` `user`, and its thread becomes `idle` (never `interrupted`: a cancel
    leaves nothing to resume).

    Idempotent: cancelling a run that has already ended leaves it unchanged and returns
    204, because the state the caller asked for (the run is not running) holds.

    Args:
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (CancelAction | Unset): `interrupt` keeps what the run wrote; `rollback` erases the
            run and its checkpoints.
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
        wait=wait,
        action=action,
        graceful=graceful,
        timeout=timeout,
    ).parsed


async def asyncio_detailed(
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: CancelAction | Unset = UNSET,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """Cancel a run

     Stop a run. Pending runs stop at once and never start. A running run is told to stop
    (graceful) and may finish its current step within `timeout` seconds; then, or at once
    when `graceful=false`, its task is cancelled. The run ends `interrupted` with
    `stop_reason` `user`, and its thread becomes `idle` (never `interrupted`: a cancel
    leaves nothing to resume).

    Idempotent: cancelling a run that has already ended leaves it unchanged and returns
    204, because the state the caller asked for (the run is not running) holds.

    Args:
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (CancelAction | Unset): `interrupt` keeps what the run wrote; `rollback` erases the
            run and its checkpoints.
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        wait=wait,
        action=action,
        graceful=graceful,
        timeout=timeout,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: bool | Unset = False,
    action: CancelAction | Unset = UNSET,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """Cancel a run

     Stop a run. Pending runs stop at once and never start. A running run is told to stop
    (graceful) and may finish its current step within `timeout` seconds; then, or at once
    when `graceful=false`, its task is cancelled. The run ends `interrupted` with
    `stop_reason` `user`, and its thread becomes `idle` (never `interrupted`: a cancel
    leaves nothing to resume).

    Idempotent: cancelling a run that has already ended leaves it unchanged and returns
    204, because the state the caller asked for (the run is not running) holds.

    Args:
        run_id (UUID):
        wait (bool | Unset):  Default: False.
        action (CancelAction | Unset): `interrupt` keeps what the run wrote; `rollback` erases the
            run and its checkpoints.
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
            wait=wait,
            action=action,
            graceful=graceful,
            timeout=timeout,
        )
    ).parsed
