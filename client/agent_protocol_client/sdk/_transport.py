"""Sending a request of the generated layer: API key, timeouts, retries, errors.

A request is described by a generated operation module (`agent_protocol_client.api...`):
its `_get_kwargs` builds method, path, query and headers (so paths live only in the spec)
and its `_parse_response` turns a 2xx body into the generated models. Answers of 400 or
more raise (`exceptions.error_for`). Idempotent requests (GET, PUT, DELETE, and the
read-only searches) are retried on 503 and on connection failures, with exponential
backoff that honours `Retry-After`. A wait for a run's output answered 503
`shutting_down` (the server stopped; the run goes on) is retried as a join of that run
(`GET /runs/{run_id}/wait`), so a rolling restart does not lose the answer.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from uuid import UUID

import httpx

from ..api.background_runs import wait_run
from ..api.runs import create_and_wait_run, resume_and_wait_run
from ..types import UNSET
from .exceptions import APIConnectionError, APITimeoutError, error_for

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
IDEMPOTENT_METHODS = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}
MAX_BACKOFF = 8.0


class Body(dict[str, Any]):
    """A JSON body of plain keyword arguments, for a generated `_get_kwargs(body=...)`."""

    def to_dict(self) -> dict[str, Any]:
        return dict(self)


def body(**fields: Any) -> Body:
    """The fields that were given (None means "not sent")."""
    return Body({k: v for k, v in fields.items() if v is not None})


def params(**fields: Any) -> dict[str, Any]:
    """Keyword arguments of a generated `_get_kwargs`, None meaning "not sent"."""
    return {k: (UNSET if v is None else v) for k, v in fields.items()}


class _Parser:
    """What a generated `_parse_response` reads of its client."""

    raise_on_unexpected_status = False


PARSER = _Parser()


@dataclass(frozen=True)
class Call:
    """One operation to send: the generated module, its `_get_kwargs` result, whether it
    may be repeated safely, and whether it waits for a run (no read timeout)."""

    op: ModuleType
    kwargs: dict[str, Any]
    idempotent: bool
    waits: bool = False

    @classmethod
    def of(cls, op: ModuleType, *args: Any, idempotent: bool | None = None, waits: bool = False, **kwargs: Any) -> Call:
        built = op._get_kwargs(*args, **kwargs)
        if idempotent is None:
            idempotent = built["method"].upper() in IDEMPOTENT_METHODS
        return cls(op, built, idempotent, waits)

    def parse(self, response: httpx.Response) -> Any:
        if response.status_code >= 400:
            raise error_for(response)
        return self.op._parse_response(client=PARSER, response=response)


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str | None
    timeout: httpx.Timeout
    max_retries: int
    headers: dict[str, str]

    @classmethod
    def make(
        cls,
        base_url: str,
        api_key: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        headers: dict[str, str] | None,
    ) -> Settings:
        api_key = api_key if api_key is not None else os.environ.get("AP_API_KEY") or None
        all_headers = dict(headers or {})
        if api_key:
            all_headers["Authorization"] = f"Bearer {api_key}"
        if timeout is None:
            timeout = DEFAULT_TIMEOUT
        if not isinstance(timeout, httpx.Timeout):
            timeout = httpx.Timeout(timeout, connect=min(timeout, 10.0))
        return cls(base_url.rstrip("/"), api_key, timeout, max_retries, all_headers)

    def wait_timeout(self) -> httpx.Timeout:
        """The timeout of a request that lasts as long as a run: no read timeout."""
        return httpx.Timeout(connect=self.timeout.connect, read=None, write=self.timeout.write, pool=self.timeout.pool)


def backoff(attempt: int, response: httpx.Response | None = None) -> float:
    """Seconds before retry `attempt` (1, 2, ...): `Retry-After` when the server gave one
    (capped), else 0.25 s doubled each time, with jitter."""
    if response is not None:
        try:
            return min(float(response.headers.get("retry-after", "")), MAX_BACKOFF)
        except ValueError:
            pass
    delay: float = min(0.25 * 2.0 ** (attempt - 1), MAX_BACKOFF)
    return delay * (0.75 + random.random() / 2)


def _request_kwargs(call: Call, settings: Settings, extra_headers: dict[str, str] | None = None) -> dict[str, Any]:
    kwargs = dict(call.kwargs)
    headers = dict(kwargs.pop("headers", {}) or {})
    headers.update(extra_headers or {})
    kwargs["headers"] = headers
    if call.waits:
        kwargs["timeout"] = settings.wait_timeout()
    return kwargs


def connection_error(exc: httpx.TransportError) -> APIConnectionError:
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:  # an error raised before a request was built
        request = None
    return cls(f"{type(exc).__name__}: {exc}", request)


_WAITS_FOR_OUTPUT = (create_and_wait_run, resume_and_wait_run, wait_run)


def rejoin_of(call: Call, response: httpx.Response) -> Call | None:
    """The join that takes over a wait the server gave up at shutdown, if this is one."""
    if response.status_code != 503 or call.op not in _WAITS_FOR_OUTPUT:
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    if not isinstance(body, dict) or body.get("code") != "shutting_down":
        return None
    run_id = (body.get("metadata") or {}).get("run_id")
    if not isinstance(run_id, str):
        return None
    return Call.of(wait_run, UUID(run_id), waits=True)


def send(http: httpx.Client, settings: Settings, call: Call) -> Any:
    attempt = 0
    while True:
        attempt += 1
        retry = call.idempotent and attempt <= settings.max_retries
        try:
            response = http.request(**_request_kwargs(call, settings))
        except httpx.TransportError as exc:
            if retry and not isinstance(exc, httpx.TimeoutException):
                time.sleep(backoff(attempt))
                continue
            raise connection_error(exc) from exc
        if attempt <= settings.max_retries and (join := rejoin_of(call, response)):
            call = join
            time.sleep(backoff(attempt, response))
            continue
        if response.status_code == 503 and retry:
            time.sleep(backoff(attempt, response))
            continue
        return call.parse(response)


async def asend(http: httpx.AsyncClient, settings: Settings, call: Call) -> Any:
    attempt = 0
    while True:
        attempt += 1
        retry = call.idempotent and attempt <= settings.max_retries
        try:
            response = await http.request(**_request_kwargs(call, settings))
        except httpx.TransportError as exc:
            if retry and not isinstance(exc, httpx.TimeoutException):
                await asyncio.sleep(backoff(attempt))
                continue
            raise connection_error(exc) from exc
        if attempt <= settings.max_retries and (join := rejoin_of(call, response)):
            call = join
            await asyncio.sleep(backoff(attempt, response))
            continue
        if response.status_code == 503 and retry:
            await asyncio.sleep(backoff(attempt, response))
            continue
        return call.parse(response)
