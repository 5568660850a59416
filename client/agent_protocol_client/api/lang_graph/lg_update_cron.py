from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_cron import LgCron
from ...models.lg_cron_patch import LgCronPatch
from ...types import Response


def _get_kwargs(
    cron_id: UUID,
    *,
    body: LgCronPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/langgraph/runs/crons/{cron_id}".format(
            cron_id=quote(str(cron_id), safe=""),
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
    cron_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: LgCronPatch,
) -> Response[ErrorResponse | LgCron]:
    """Change a cron

     The fields given replace the cron's (payload fields replace those of its payload);
    `end_time: null` removes the end time. A new `schedule`, `timezone` or `enabled`
    recomputes the next run date.

    Args:
        cron_id (UUID):
        body (LgCronPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgCron]
    """

    kwargs = _get_kwargs(
        cron_id=cron_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    cron_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: LgCronPatch,
) -> ErrorResponse | LgCron | None:
    """Change a cron

     The fields given replace the cron's (payload fields replace those of its payload);
    `end_time: null` removes the end time. A new `schedule`, `timezone` or `enabled`
    recomputes the next run date.

    Args:
        cron_id (UUID):
        body (LgCronPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgCron
    """

    return sync_detailed(
        cron_id=cron_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    cron_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: LgCronPatch,
) -> Response[ErrorResponse | LgCron]:
    """Change a cron

     The fields given replace the cron's (payload fields replace those of its payload);
    `end_time: null` removes the end time. A new `schedule`, `timezone` or `enabled`
    recomputes the next run date.

    Args:
        cron_id (UUID):
        body (LgCronPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgCron]
    """

    kwargs = _get_kwargs(
        cron_id=cron_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    cron_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: LgCronPatch,
) -> ErrorResponse | LgCron | None:
    """Change a cron

     The fields given replace the cron's (payload fields replace those of its payload);
    `end_time: null` removes the end time. A new `schedule`, `timezone` or `enabled`
    recomputes the next run date.

    Args:
        cron_id (UUID):
        body (LgCronPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgCron
    """

    return (
        await asyncio_detailed(
            cron_id=cron_id,
            client=client,
            body=body,
        )
    ).parsed
