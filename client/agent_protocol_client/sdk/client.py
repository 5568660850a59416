"""`AgentProtocol` and `AsyncAgentProtocol`: the clients, holding one httpx connection pool."""

from __future__ import annotations

from typing import Any

import httpx

from ..api.system import health
from ._transport import DEFAULT_MAX_RETRIES, Call, Settings, asend, send
from .resources import Agents, Runs, Store, Threads
from .streaming import AsyncRunStream, RunStream

DEFAULT_BASE_URL = "http://127.0.0.1:2024"


class _Base:
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        api_key: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: dict[str, str] | None = None,
    ) -> None:
        self._settings = Settings.make(base_url, api_key, timeout, max_retries, headers)

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    def _httpx_args(self) -> dict[str, Any]:
        return {
            "base_url": self._settings.base_url,
            "headers": self._settings.headers,
            "timeout": self._settings.timeout,
        }


class AgentProtocol(_Base):
    """A client of an Agent Protocol server (blocking).

        client = AgentProtocol("http://127.0.0.1:2024", api_key=...)
        thread = client.threads.create(metadata={"user": "ann"})
        result = client.runs.wait("echo", thread_id=thread.thread_id, input="hi")

    `api_key` (default `$AP_API_KEY`) is sent as `Authorization: Bearer`. `timeout`
    (seconds or an `httpx.Timeout`, default 30) bounds each request; waits and streams
    have no read timeout, as they last as long as the run. `max_retries` (default 2):
    idempotent requests are retried on 503 and on connection failures, with backoff.
    Close it with `close()` or use it as a context manager.
    """

    def __init__(self, base_url: str = DEFAULT_BASE_URL, **options: Any) -> None:
        super().__init__(base_url, **options)
        self._http = httpx.Client(**self._httpx_args())
        self.threads = Threads(self._send)
        self.runs = Runs(self._send, self._stream)
        self.agents = Agents(self._send)
        self.store = Store(self._send)

    def _send(self, call: Call) -> Any:
        return send(self._http, self._settings, call)

    def _stream(self, kind: str, payload: dict[str, Any]) -> RunStream:
        return RunStream(self._http, self._settings, kind, payload)

    def ok(self) -> bool:
        """GET /ok: whether the server and its database answer."""
        try:
            self._send(Call.of(health))
        except Exception:
            return False
        return True

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> AgentProtocol:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncAgentProtocol(_Base):
    """A client of an Agent Protocol server (asyncio): `AgentProtocol` whose methods are
    awaited and whose streams are iterated with `async for`."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL, **options: Any) -> None:
        super().__init__(base_url, **options)
        self._http = httpx.AsyncClient(**self._httpx_args())
        self.threads = Threads(self._send)
        self.runs = Runs(self._send, self._stream)
        self.agents = Agents(self._send)
        self.store = Store(self._send)

    def _send(self, call: Call) -> Any:
        return asend(self._http, self._settings, call)

    def _stream(self, kind: str, payload: dict[str, Any]) -> AsyncRunStream:
        return AsyncRunStream(self._http, self._settings, kind, payload)

    async def ok(self) -> bool:
        """GET /ok: whether the server and its database answer."""
        try:
            await self._send(Call.of(health))
        except Exception:
            return False
        return True

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncAgentProtocol:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
