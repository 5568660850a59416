"""Server-sent events: the parser (hand-written; survives regeneration).

`SSEDecoder` implements the HTML "event stream" rules incrementally; `aiter_sse` /
`iter_sse` read an httpx response as it arrives; `parse_event_stream` parses a whole body
into the dicts of the spec's `StreamEvent` (`event`, `data`, `id`), which is what the
generated streaming operations return (`list[StreamEvent]`, the whole stream once it
ended). This module imports nothing of the generated API, so the generated modules can
import it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = ["SSEDecoder", "ServerSentEvent", "aiter_sse", "iter_sse", "parse_event_stream"]

_EOL = re.compile(r"\r\n?|\n")


@dataclass(frozen=True)
class ServerSentEvent:
    """One dispatched event.

    `id` is the stream's last event ID when the event was dispatched (it carries over from
    earlier events, as in the spec), or None if no non-empty `id` was seen. `retry` is the
    reconnection time in milliseconds given in this event's own block, if any.
    """

    event: str
    data: str
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        return json.loads(self.data)


class SSEDecoder:
    """Incremental parser of an event stream (HTML Living Standard, "Parsing an event stream").

    Feed it bytes (or text) in chunks of any size; each call returns the events completed by
    that chunk. UTF-8 is decoded with replacement, a leading BOM is dropped, lines end with
    CRLF, LF or CR (a CRLF split across chunks counts once), and an event still incomplete
    at the end of the stream is discarded (just stop feeding).
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self._line: list[str] = []  # the start of the current line, split over chunks
        self._skip_lf = False  # the last chunk ended with CR: a leading LF ends nothing
        self._event = ""
        self._data: list[str] = []
        self._retry: int | None = None
        self.last_event_id = ""  # persists across events, as the spec's "last event ID buffer"
        self.retry: int | None = None  # the latest reconnection time seen, in milliseconds

    def feed_bytes(self, chunk: bytes) -> list[ServerSentEvent]:
        return self.feed(self._decoder.decode(chunk))

    def feed(self, text: str) -> list[ServerSentEvent]:
        if not text:
            return []
        if self._skip_lf and text[0] == "\n":
            text = text[1:]
        self._skip_lf = text.endswith("\r")
        events: list[ServerSentEvent] = []
        start = 0
        for match in _EOL.finditer(text):
            self._line.append(text[start : match.start()])
            line = "".join(self._line)
            self._line.clear()
            start = match.end()
            event = self._process_line(line)
            if event is not None:
                events.append(event)
        if start < len(text):
            self._line.append(text[start:])
        return events

    def _process_line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line[0] == ":":
            return None
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "event":
            self._event = value
        elif field == "data":
            self._data.append(value)
        elif field == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif field == "retry":
            if value.isascii() and value.isdigit():
                self._retry = self.retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        event = None
        if self._data:
            event = ServerSentEvent(
                event=self._event or "message",
                data="\n".join(self._data),
                id=self.last_event_id or None,
                retry=self._retry,
            )
        self._event, self._data, self._retry = "", [], None
        return event


async def aiter_sse(response: httpx.Response) -> AsyncIterator[ServerSentEvent]:
    """Yield the events of a streamed response (`client.stream(...)`) as they arrive."""
    decoder = SSEDecoder()
    async for chunk in response.aiter_bytes():
        for event in decoder.feed_bytes(chunk):
            yield event


def iter_sse(response: httpx.Response) -> Iterator[ServerSentEvent]:
    """Yield the events of a streamed response (`client.stream(...)`) as they arrive."""
    decoder = SSEDecoder()
    for chunk in response.iter_bytes():
        yield from decoder.feed_bytes(chunk)


def parse_event_stream(text: str) -> list[dict[str, Any]]:
    """The events of a complete event-stream body, as `StreamEvent` dicts (`id` only when
    the event has one). An event cut off at the end of the body is dropped."""
    out: list[dict[str, Any]] = []
    for event in SSEDecoder().feed(text):
        item: dict[str, Any] = {"event": event.event, "data": event.data}
        if event.id is not None:
            item["id"] = event.id
        out.append(item)
    return out
