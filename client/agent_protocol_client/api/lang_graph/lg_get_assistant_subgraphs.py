from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_subgraphs import LgSubgraphs
from ...types import UNSET, Response, Unset


def _get_kwargs(
    assistant_id: str,
    *,
    recurse: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["recurse"] = recurse

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/langgraph/assistants/{assistant_id}/subgraphs".format(
            assistant_id=quote(str(assistant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LgSubgraphs | None:
    if response.status_code == 200:
        response_200 = LgSubgraphs.from_dict(response.json())

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | LgSubgraphs]:
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
    recurse: bool | Unset = False,
) -> Response[ErrorResponse | LgSubgraphs]:
    """The schemas of an assistant's subgraphs, by namespace

    Args:
        assistant_id (str):
        recurse (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgSubgraphs]
    """

    kwargs = _get_kwargs(
        assistant_id=assistant_id,
        recurse=recurse,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assistant_id: str,
    *,
    client: AuthenticatedClient | Client,
    recurse: bool | Unset = False,
) -> ErrorResponse | LgSubgraphs | None:
    """The schemas of an assistant's subgraphs, by namespace

    Args:
        assistant_id (str):
        recurse (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgSubgraphs
    """

    return sync_detailed(
        assistant_id=assistant_id,
        client=client,
        recurse=recurse,
    ).parsed


async def asyncio_detailed(
    assistant_id: str,
    *,
    client: AuthenticatedClient | Client,
    recurse: bool | Unset = False,
) -> Response[ErrorResponse | LgSubgraphs]:
    """The schemas of an assistant's subgraphs, by namespace

    Args:
        assistant_id (str):
        recurse (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgSubgraphs]
    """

    kwargs = _get_kwargs(
        assistant_id=assistant_id,
        recurse=recurse,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assistant_id: str,
    *,
    client: AuthenticatedClient | Client,
    recurse: bool | Unset = False,
) -> ErrorResponse | LgSubgraphs | None:
    """The schemas of an assistant's subgraphs, by namespace

    Args:
        assistant_id (str):
        recurse (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgSubgraphs
    """

    return (
        await asyncio_detailed(
            assistant_id=assistant_id,
            client=client,
            recurse=recurse,
        )
    ).parsed
