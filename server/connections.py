"""What one HTTP connection may cost: uvicorn's httptools protocol with bounds.

uvicorn bounds neither the size nor the number of a request's headers (httptools gathers
an unfinished header in memory for as long as it comes), nor the time a client takes to
send them, nor the time a new connection may stay silent, nor how many connections a
process holds. A few clients could hold every file descriptor or grow the process without
end. Each connection here:

- sends its request line and headers within `max_header_bytes` and `max_headers`, or gets
  a 431 and is closed (a head still unfinished past the limit is refused at once, so it
  never grows further);
- sends them within `header_timeout` seconds of opening (or of the request's first byte),
  or is closed: with a 408 when a request had begun, silently when nothing came;
- is idle between requests for at most uvicorn's `timeout_keep_alive`;
- is refused with a 503 (`Retry-After`) when this process already holds
  `max_connections` connections (an open stream counts as one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from .settings import Settings

LINGER_SECONDS = 2.0  # how long a refused connection's remaining input is read and dropped


@dataclass(frozen=True, slots=True)
class ConnectionLimits:
    max_connections: int
    max_header_bytes: int
    max_headers: int
    header_timeout: float
    keep_alive_timeout: float

    @classmethod
    def from_settings(cls, settings: Settings) -> ConnectionLimits:
        return cls(
            settings.max_connections,
            settings.max_header_bytes,
            settings.max_headers,
            settings.header_timeout,
            settings.keep_alive_timeout,
        )

    def protocol(self) -> type[HttpToolsProtocol]:
        """The protocol class to give uvicorn (`Config(http=...)`)."""
        return type("BoundedHttpToolsProtocol", (BoundedProtocol,), {"limits": self})


class BoundedProtocol(HttpToolsProtocol):
    limits: ConnectionLimits

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_bytes = 0  # bytes received since the current request's head began
        self._head_size = 0  # its request line and headers, as parsed
        self._header_count = 0
        self._reading_head = True
        self._request_begun = False
        self._refused = False
        self._over_capacity = False
        self._head_timer: Any = None

    # -- the connection ------------------------------------------------------------------

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        # Answered once its request arrives (closing at once could reset the connection
        # before the client reads why).
        self._over_capacity = len(self.connections) > self.limits.max_connections
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._reading_head:
            self._head_bytes += len(data)
        super().data_received(data)
        unfinished = self._reading_head and not self._refused
        if unfinished and self._head_bytes > self.limits.max_header_bytes:
            self._refuse_head()  # unfinished and already too large: never let it grow

    # -- parser callbacks ----------------------------------------------------------------

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_size = self._header_count = 0
        self._reading_head = self._request_begun = True
        self._arm_head_timer()  # from the request's first byte

    def on_url(self, url: bytes) -> None:
        self._head_size += len(url)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._head_size += len(name) + len(value) + 4  # ": " and CRLF
        self._header_count += 1
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._reading_head = False
        self._cancel_head_timer()
        if self._refused:
            return
        if (
            self._head_size > self.limits.max_header_bytes
            or self._header_count > self.limits.max_headers
        ):
            self._refuse_head()
        elif self._over_capacity:
            self._refuse(
                503,
                "unavailable",
                f"this server process holds its maximum of {self.limits.max_connections}"
                " connections: try again shortly",
                retry_after=1,
            )
        else:
            super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if not self._refused:
            super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._head_bytes = 0
        self._reading_head, self._request_begun = True, False  # uvicorn's keep-alive timer runs

    # -- refusing ------------------------------------------------------------------------

    def _refuse_head(self) -> None:
        self._refuse(
            431,
            "headers_too_large",
            f"the request's headers exceed {self.limits.max_header_bytes} bytes or"
            f" {self.limits.max_headers} fields",
            max_bytes=self.limits.max_header_bytes,
            max_headers=self.limits.max_headers,
        )

    def _refuse(
        self, status: int, code: str, message: str, retry_after: int | None = None, **metadata: Any
    ) -> None:
        """Answer with an ErrorResponse and close the connection."""
        self._refused = True
        self._cancel_head_timer()
        body: dict[str, Any] = {"code": code, "message": message}
        if metadata:
            body["metadata"] = metadata
        content = json.dumps(body).encode()
        headers = [
            b"content-type: application/json\r\n",
            b"content-length: %d\r\n" % len(content),
            b"connection: close\r\n",
        ]
        if retry_after is not None:
            headers.append(b"retry-after: %d\r\n" % retry_after)
        if self.transport.is_closing():
            return
        self.transport.write(b"".join([STATUS_LINE[status], *headers, b"\r\n", content]))
        if not self.transport.can_write_eof():
            self.transport.close()
            return
        # Half-close, and read (and drop) what the client still sends for a moment: closing
        # with its data unread would reset the connection, and the client would lose the
        # answer before reading it.
        self.transport.write_eof()
        self.flow.resume_reading()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(self.limits.header_timeout, self._head_timeout)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timeout(self) -> None:
        self._head_timer = None
        if self._refused or self.transport.is_closing() or not self._reading_head:
            return
        if self.cycle is not None and not self.cycle.response_complete:
            return  # a request in progress (pipelined heads wait for it)
        if self._request_begun:
            seconds = self.limits.header_timeout
            self._refuse(408, "request_timeout", f"the request's headers took over {seconds} s")
        else:
            self._refused = True
            self.transport.close()  # a connection that never said anything


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """What `uvicorn.Config` needs for these bounds."""
    limits = ConnectionLimits.from_settings(settings)
    return {"http": limits.protocol(), "timeout_keep_alive": limits.keep_alive_timeout}
