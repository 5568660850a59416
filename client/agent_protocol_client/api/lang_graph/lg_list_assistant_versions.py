from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_assistant_version import LgAssistantVersion
from ...models.lg_assistant_version_search import LgAssistantVersionSearch
from ...types import UNSET, Response, Unset


def _get_kwargs(
    assistant_id: str,
    *,
    body: LgAssistantVersionSearch | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/assistants/{assistant_id}/versions".format(
            assistant_id=quote(str(assistant_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[LgAssistantVersion] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = LgAssistantVersion.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrorResponse | list[LgAssistantVersion]]:
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
    body: LgAssistantVersionSearch | Unset = UNSET,
) -> Response[ErrorResponse | list[LgAssistantVersion]]:
    """List an assistant's versions, newest first

    Args:
        assistant_id (str):
        body (LgAssistantVersionSearch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[LgAssistantVersion]]
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
    body: LgAssistantVersionSearch | Unset = UNSET,
) -> ErrorResponse | list[LgAssistantVersion] | None:
    """List an assistant's versions, newest first

    Args:
        assistant_id (str):
        body (LgAssistantVersionSearch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[LgAssistantVersion]
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
    body: LgAssistantVersionSearch | Unset = UNSET,
) -> Response[ErrorResponse | list[LgAssistantVersion]]:
    """List an assistant's versions, newest first

    Args:
        assistant_id (str):
        body (LgAssistantVersionSearch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[LgAssistantVersion]]
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
    body: LgAssistantVersionSearch | Unset = UNSET,
) -> ErrorResponse | list[LgAssistantVersion] | None:
    """List an assistant's versions, newest first

    Args:
        assistant_id (str):
        body (LgAssistantVersionSearch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[LgAssistantVersion]
    """

    return (
        await asyncio_detailed(
            assistant_id=assistant_id,
            client=client,
            body=body,
        )
    ).parsed
