from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_assistant import LgAssistant
from ...models.lg_assistant_patch import LgAssistantPatch
from ...types import Response


def _get_kwargs(
    assistant_id: str,
    *,
    body: LgAssistantPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/langgraph/assistants/{assistant_id}".format(
            assistant_id=quote(str(assistant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LgAssistant | None:
    if response.status_code == 200:
        response_200 = LgAssistant.from_dict(response.json())

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
) -> Response[ErrorResponse | LgAssistant]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assistant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LgAssistantPatch,
) -> Response[ErrorResponse | LgAssistant]:
    """Update an assistant (a new version, which becomes the latest)

    Args:
        assistant_id (str):
        body (LgAssistantPatch): What the new version changes: `graph_id`, `config`, `context`,
            `name`, `description`
            replace the latest version's when given; `metadata` is merged into it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgAssistant]
    """

    kwargs = _get_kwargs(
        assistant_id=assistant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assistant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LgAssistantPatch,
) -> ErrorResponse | LgAssistant | None:
    """Update an assistant (a new version, which becomes the latest)

    Args:
        assistant_id (str):
        body (LgAssistantPatch): What the new version changes: `graph_id`, `config`, `context`,
            `name`, `description`
            replace the latest version's when given; `metadata` is merged into it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgAssistant
    """

    return sync_detailed(
        assistant_id=assistant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    assistant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LgAssistantPatch,
) -> Response[ErrorResponse | LgAssistant]:
    """Update an assistant (a new version, which becomes the latest)

    Args:
        assistant_id (str):
        body (LgAssistantPatch): What the new version changes: `graph_id`, `config`, `context`,
            `name`, `description`
            replace the latest version's when given; `metadata` is merged into it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgAssistant]
    """

    kwargs = _get_kwargs(
        assistant_id=assistant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assistant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LgAssistantPatch,
) -> ErrorResponse | LgAssistant | None:
    """Update an assistant (a new version, which becomes the latest)

    Args:
        assistant_id (str):
        body (LgAssistantPatch): What the new version changes: `graph_id`, `config`, `context`,
            `name`, `description`
            replace the latest version's when given; `metadata` is merged into it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgAssistant
    """

    return (
        await asyncio_detailed(
            assistant_id=assistant_id,
            client=client,
            body=body,
        )
    ).parsed
