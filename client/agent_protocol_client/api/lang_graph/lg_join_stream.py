from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...event_stream import parse_event_stream
from ...models.error_response import ErrorResponse
from ...models.stream_event import StreamEvent
from ...types import UNSET, Response, Unset


def _get_kwargs(
    thread_id: UUID,
    run_id: UUID,
    *,
    cancel_on_disconnect: bool | Unset = False,
    stream_mode: list[str] | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["cancel_on_disconnect"] = cancel_on_disconnect

    json_stream_mode: list[str] | Unset = UNSET
    if not isinstance(stream_mode, Unset):
        json_stream_mode = stream_mode

    params["stream_mode"] = json_stream_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/langgraph/threads/{thread_id}/runs/{run_id}/stream".format(
            thread_id=quote(str(thread_id), safe=""),
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[StreamEvent] | None:
    if response.status_code == 200:
        response_200 = [StreamEvent.from_dict(event) for event in parse_event_stream(response.text)]
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
) -> Response[ErrorResponse | list[StreamEvent]]:
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
    cancel_on_disconnect: bool | Unset = False,
    stream_mode: list[str] | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | list[StreamEvent]]:
    """Join a run's stream

     Without `Last-Event-ID`: `metadata`, then the events from now on. With it: every
    stored event after that id, then the run live. Closes with `end`.

    Args:
        thread_id (UUID):
        run_id (UUID):
        cancel_on_disconnect (bool | Unset):  Default: False.
        stream_mode (list[str] | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[StreamEvent]]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        run_id=run_id,
        cancel_on_disconnect=cancel_on_disconnect,
        stream_mode=stream_mode,
        last_event_id=last_event_id,
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
    cancel_on_disconnect: bool | Unset = False,
    stream_mode: list[str] | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | list[StreamEvent] | None:
    """Join a run's stream

     Without `Last-Event-ID`: `metadata`, then the events from now on. With it: every
    stored event after that id, then the run live. Closes with `end`.

    Args:
        thread_id (UUID):
        run_id (UUID):
        cancel_on_disconnect (bool | Unset):  Default: False.
        stream_mode (list[str] | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[StreamEvent]
    """

    return sync_detailed(
        thread_id=thread_id,
        run_id=run_id,
        client=client,
        cancel_on_disconnect=cancel_on_disconnect,
        stream_mode=stream_mode,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    thread_id: UUID,
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    cancel_on_disconnect: bool | Unset = False,
    stream_mode: list[str] | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | list[StreamEvent]]:
    """Join a run's stream

     Without `Last-Event-ID`: `metadata`, then the events from now on. With it: every
    stored event after that id, then the run live. Closes with `end`.

    Args:
        thread_id (UUID):
        run_id (UUID):
        cancel_on_disconnect (bool | Unset):  Default: False.
        stream_mode (list[str] | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[StreamEvent]]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        run_id=run_id,
        cancel_on_disconnect=cancel_on_disconnect,
        stream_mode=stream_mode,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: UUID,
    run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    cancel_on_disconnect: bool | Unset = False,
    stream_mode: list[str] | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | list[StreamEvent] | None:
    """Join a run's stream

     Without `Last-Event-ID`: `metadata`, then the events from now on. With it: every
    stored event after that id, then the run live. Closes with `end`.

    Args:
        thread_id (UUID):
        run_id (UUID):
        cancel_on_disconnect (bool | Unset):  Default: False.
        stream_mode (list[str] | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[StreamEvent]
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            run_id=run_id,
            client=client,
            cancel_on_disconnect=cancel_on_disconnect,
            stream_mode=stream_mode,
            last_event_id=last_event_id,
        )
    ).parsed
