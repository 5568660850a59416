from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.run import Run
from ...models.run_cancel_request import RunCancelRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RunCancelRequest,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["graceful"] = graceful

    params["timeout"] = timeout

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/runs/cancel",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[Run] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Run.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[ErrorResponse | list[Run]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RunCancelRequest,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> Response[ErrorResponse | list[Run]]:
    """Cancel several runs

     Stop every run that matches (extension): the active runs of `thread_id`, in
    `run_ids`, and in `status` (`pending`, `running` or `all`); the filters combine.
    Each is stopped as by `POST /runs/{run_id}/cancel` (stop reason `user`). Returns
    the matched runs as they are after the request.

    Args:
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):
        body (RunCancelRequest): Which runs to stop. The filters combine; `status` alone (or an
            empty body) stops
            every active run of the server in that status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Run]]
    """

    kwargs = _get_kwargs(
        body=body,
        graceful=graceful,
        timeout=timeout,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RunCancelRequest,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> ErrorResponse | list[Run] | None:
    """Cancel several runs

     Stop every run that matches (extension): the active runs of `thread_id`, in
    `run_ids`, and in `status` (`pending`, `running` or `all`); the filters combine.
    Each is stopped as by `POST /runs/{run_id}/cancel` (stop reason `user`). Returns
    the matched runs as they are after the request.

    Args:
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):
        body (RunCancelRequest): Which runs to stop. The filters combine; `status` alone (or an
            empty body) stops
            every active run of the server in that status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Run]
    """

    return sync_detailed(
        client=client,
        body=body,
        graceful=graceful,
        timeout=timeout,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RunCancelRequest,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> Response[ErrorResponse | list[Run]]:
    """Cancel several runs

     Stop every run that matches (extension): the active runs of `thread_id`, in
    `run_ids`, and in `status` (`pending`, `running` or `all`); the filters combine.
    Each is stopped as by `POST /runs/{run_id}/cancel` (stop reason `user`). Returns
    the matched runs as they are after the request.

    Args:
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):
        body (RunCancelRequest): Which runs to stop. The filters combine; `status` alone (or an
            empty body) stops
            every active run of the server in that status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Run]]
    """

    kwargs = _get_kwargs(
        body=body,
        graceful=graceful,
        timeout=timeout,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RunCancelRequest,
    graceful: bool | Unset = True,
    timeout: float | Unset = UNSET,
) -> ErrorResponse | list[Run] | None:
    """Cancel several runs

     Stop every run that matches (extension): the active runs of `thread_id`, in
    `run_ids`, and in `status` (`pending`, `running` or `all`); the filters combine.
    Each is stopped as by `POST /runs/{run_id}/cancel` (stop reason `user`). Returns
    the matched runs as they are after the request.

    Args:
        graceful (bool | Unset):  Default: True.
        timeout (float | Unset):
        body (RunCancelRequest): Which runs to stop. The filters combine; `status` alone (or an
            empty body) stops
            every active run of the server in that status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Run]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            graceful=graceful,
            timeout=timeout,
        )
    ).parsed
