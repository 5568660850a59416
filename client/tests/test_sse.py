"""The SSE reader in agent_protocol_client.sse: parser rules, chunking, streaming, helpers."""

import asyncio
import json
import uuid

import httpx
import pytest

from agent_protocol_client import Client
from agent_protocol_client.models.run_resume_stream import RunResumeStream
from agent_protocol_client.models.run_stream import RunStream
from agent_protocol_client.models.stream_mode import StreamMode
from agent_protocol_client.sse import (
    ServerSentEvent,
    SSEDecoder,
    StreamError,
    aiter_sse,
    create_and_stream_run,
    create_and_stream_run_sync,
    iter_sse,
    resume_and_stream_run,
    resume_and_stream_run_sync,
    stream_run,
    stream_run_sync,
)

BASE = "http://ap.test"


def parse(*chunks: bytes | str) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events = []
    for chunk in chunks:
        events += decoder.feed_bytes(chunk.encode() if isinstance(chunk, str) else chunk)
    return events


# --- the parser's rules ----------------------------------------------------------------------


def test_simple_event_defaults_to_message():
    assert parse("data: hello\n\n") == [ServerSentEvent(event="message", data="hello", id=None, retry=None)]


def test_event_name_and_json():
    [event] = parse('event: values\ndata: {"a": [1, 2]}\n\n')
    assert event.event == "values"
    assert event.json() == {"a": [1, 2]}


def test_multi_line_data_joined_with_newline():
    [event] = parse("data: one\ndata:two\ndata\ndata:  three\n\n")
    # "data" alone adds an empty line; only one space after the colon is dropped.
    assert event.data == "one\ntwo\n\n three"


def test_colons_in_value_kept():
    [event] = parse('data: {"k": "a:b"}\n\n')
    assert event.json() == {"k": "a:b"}


def test_comments_and_unknown_fields_ignored():
    body = ": heartbeat\n\nevent: x\n: in the middle\nfoo: bar\ndata: 1\n\n:\n\n"
    assert parse(body) == [ServerSentEvent("x", "1")]


def test_block_without_data_is_not_dispatched():
    # An event name alone is dropped, and does not leak into the next event.
    assert parse("event: lonely\n\ndata: 2\n\n") == [ServerSentEvent("message", "2")]


def test_event_with_empty_data_is_dispatched():
    assert parse("data:\n\n") == [ServerSentEvent("message", "")]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_endings(eol):
    body = f"event: a{eol}data: 1{eol}data: 2{eol}{eol}data: 3{eol}{eol}"
    assert parse(body) == [ServerSentEvent("a", "1\n2"), ServerSentEvent("message", "3")]


def test_mixed_line_endings():
    assert parse("data: 1\r\ndata: 2\rdata: 3\n\r\n") == [ServerSentEvent("message", "1\n2\n3")]


def test_trailing_incomplete_event_discarded():
    assert parse("data: a\n\ndata: b\n") == [ServerSentEvent("message", "a")]
    assert parse("data: a\n\ndata: b") == [ServerSentEvent("message", "a")]


def test_bom_at_start_ignored_even_split():
    bom = "\ufeff".encode()
    assert parse(bom + b"data: x\n\n") == [ServerSentEvent("message", "x")]
    assert parse(bom[:1], bom[1:2], bom[2:] + b"data: x\n\n") == [ServerSentEvent("message", "x")]
    # Only the first one: a BOM later is data.
    assert parse(bom + b"data: \xef\xbb\xbfx\n\n") == [ServerSentEvent("message", "\ufeffx")]


def test_invalid_utf8_replaced():
    assert parse(b"data: a\xffb\n\n") == [ServerSentEvent("message", "a\ufffdb")]


def test_id_persists_and_resets():
    events = parse("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: 7\ndata: d\n\n")
    assert [e.id for e in events] == ["1", "1", None, "7"]


def test_id_with_nul_ignored():
    decoder = SSEDecoder()
    events = decoder.feed("id: 5\ndata: a\n\nid: 6\0x\ndata: b\n\n")
    assert [e.id for e in events] == ["5", "5"]
    assert decoder.last_event_id == "5"


def test_id_set_in_undispatched_block_still_counts():
    # Per spec the last event ID buffer is set by the field itself, not by the dispatch.
    assert [e.id for e in parse("id: 3\n\ndata: a\n\n")] == ["3"]


def test_retry():
    decoder = SSEDecoder()
    events = decoder.feed("retry: 3000\ndata: a\n\ndata: b\n\nretry: 2s\ndata: c\n\nretry: 10\n\n")
    assert [e.retry for e in events] == [3000, None, None]
    assert decoder.retry == 10  # a block with only retry updates the reconnection time


# --- chunk boundaries ------------------------------------------------------------------------

BODY = (
    "\ufeff: comment\r\n"
    "event: messages\r\n"
    "id: 1\r\n"
    'data: {"text": "caf\u00e9 \u20ac \U0001f600"}\r\n'
    "\r\n"
    "retry: 1500\r"
    "data: line one\r"
    "data: \u4e2d\u6587\r"
    "\r"
    "event: end\n"
    'data: {"status": "success"}\n'
    "\n"
).encode()

EXPECTED = [
    ServerSentEvent("messages", '{"text": "caf\u00e9 \u20ac \U0001f600"}', "1", None),
    ServerSentEvent("message", "line one\n\u4e2d\u6587", "1", 1500),
    ServerSentEvent("end", '{"status": "success"}', "1", None),
]


def test_body_in_one_piece():
    assert parse(BODY) == EXPECTED


def test_split_at_every_position():
    for i in range(len(BODY) + 1):
        assert parse(BODY[:i], BODY[i:]) == EXPECTED, f"split at {i}"


def test_split_at_every_pair_of_positions():
    for i in range(len(BODY) + 1):
        for j in range(i, len(BODY) + 1):
            assert parse(BODY[:i], BODY[i:j], BODY[j:]) == EXPECTED, f"split at {i}, {j}"


def test_one_byte_at_a_time():
    assert parse(*(BODY[i : i + 1] for i in range(len(BODY)))) == EXPECTED


def test_crlf_split_between_cr_and_lf():
    # The LF after a CR in the previous chunk ends nothing: no blank line, no early dispatch.
    assert parse("data: a\r", "\ndata: b\r", "\n\r", "\n") == [ServerSentEvent("message", "a\nb")]
    # ...but a CR then a separate LF after an empty chunk is still one line ending.
    assert parse("data: a\r", "", "\n\r\n") == [ServerSentEvent("message", "a")]


def test_event_returned_by_the_chunk_that_completes_it():
    decoder = SSEDecoder()
    assert decoder.feed("data: a\n") == []
    assert decoder.feed("\nda") == [ServerSentEvent("message", "a")]
    assert decoder.feed("ta: b\r") == []
    assert decoder.feed("\r") == [ServerSentEvent("message", "b")]  # a lone CR is a line ending


def test_multibyte_character_split_inside():
    euro = "\u20ac".encode()
    assert parse(b"data: " + euro[:1], euro[1:2], euro[2:] + b"\n\n") == [ServerSentEvent("message", "\u20ac")]


# --- reading httpx responses -----------------------------------------------------------------


@pytest.mark.asyncio
async def test_aiter_sse_yields_before_the_stream_ends():
    first_received = asyncio.Event()
    body_finished = False

    async def body():
        nonlocal body_finished
        yield b"event: metadata\ndata: {"
        yield b'"run_id": 1}\n\n: heartbeat\n\n'
        await first_received.wait()  # blocks until the test has the first event
        yield b"event: end\ndata: {}\n\n"
        body_finished = True

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body()))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
        async with http.stream("GET", "/s") as response:
            events = aiter_sse(response)
            first = await asyncio.wait_for(anext(events), timeout=5)
            assert first == ServerSentEvent("metadata", '{"run_id": 1}')
            assert not body_finished
            first_received.set()
            rest = [event async for event in events]
    assert [e.event for e in rest] == ["end"]
    assert body_finished


def test_iter_sse():
    chunks = [BODY[i : i + 7] for i in range(0, len(BODY), 7)]
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=iter(chunks)))
    with httpx.Client(transport=transport, base_url=BASE) as http:
        with http.stream("GET", "/s") as response:
            assert list(iter_sse(response)) == EXPECTED


# --- the operation helpers -------------------------------------------------------------------

SSE_BODY = b'id: 4\nevent: metadata\ndata: {"run_id": "r"}\n\nid: 5\nevent: end\ndata: {"status": "success"}\n\n'


class Recorder:
    """A MockTransport handler that records requests and answers with a fixed response."""

    def __init__(self, status=200, content=SSE_BODY, headers=None):
        self.requests: list[httpx.Request] = []
        self.status, self.content = status, content
        self.headers = headers or {"content-type": "text/event-stream"}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, content=self.content, headers=self.headers)

    def async_client(self) -> Client:
        client = Client(base_url=BASE)
        client.set_async_httpx_client(httpx.AsyncClient(transport=httpx.MockTransport(self), base_url=BASE))
        return client

    def sync_client(self) -> Client:
        client = Client(base_url=BASE)
        client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(self), base_url=BASE))
        return client


@pytest.mark.asyncio
async def test_create_and_stream_run():
    recorder = Recorder()
    thread_id = uuid.uuid4()
    body = RunStream(thread_id=thread_id, input_={"x": 1}, stream_mode=[StreamMode.VALUES])
    async with recorder.async_client() as client:
        async with create_and_stream_run(client, body) as stream:
            assert stream.response.status_code == 200
            events = [event async for event in stream]
            assert stream.last_event_id == "5"
    assert [(e.event, e.id) for e in events] == [("metadata", "4"), ("end", "5")]
    assert events[1].json() == {"status": "success"}
    [request] = recorder.requests
    assert (request.method, request.url.path) == ("POST", "/runs/stream")
    assert json.loads(request.content) == body.to_dict()
    assert request.headers["accept"] == "text/event-stream"


@pytest.mark.asyncio
async def test_resume_and_stream_run():
    recorder = Recorder()
    body = RunResumeStream(thread_id=uuid.uuid4())
    async with recorder.async_client() as client:
        async with resume_and_stream_run(client, body) as stream:
            assert [e.event async for e in stream] == ["metadata", "end"]
    [request] = recorder.requests
    assert (request.method, request.url.path) == ("PATCH", "/runs/resume/stream")
    assert json.loads(request.content) == body.to_dict()


@pytest.mark.asyncio
async def test_stream_run_with_and_without_last_event_id():
    recorder = Recorder()
    run_id = uuid.uuid4()
    async with recorder.async_client() as client:
        async with stream_run(client, run_id) as stream:
            assert len([e async for e in stream]) == 2
        async with stream_run(client, str(run_id), last_event_id="4") as stream:
            assert len([e async for e in stream]) == 2
    first, second = recorder.requests
    for request in (first, second):
        assert (request.method, request.url.path) == ("GET", f"/runs/{run_id}/stream")
    assert "last-event-id" not in first.headers
    assert second.headers["last-event-id"] == "4"


@pytest.mark.asyncio
async def test_stream_error_with_error_response():
    error = {"code": "not_found", "message": "No such run.", "metadata": {"run_id": "x"}}
    recorder = Recorder(404, json.dumps(error).encode(), {"content-type": "application/json"})
    async with recorder.async_client() as client:
        with pytest.raises(StreamError) as info:
            async with stream_run(client, uuid.uuid4()):
                pytest.fail("the body must not be entered on an error")
    assert info.value.status_code == 404
    assert info.value.error is not None
    assert (info.value.error.code, info.value.error.message) == ("not_found", "No such run.")
    assert info.value.error.metadata.to_dict() == {"run_id": "x"}
    assert "not_found" in str(info.value)


@pytest.mark.asyncio
async def test_stream_error_without_json_body():
    recorder = Recorder(502, b"<html>bad gateway</html>", {"content-type": "text/html"})
    async with recorder.async_client() as client:
        with pytest.raises(StreamError) as info:
            async with create_and_stream_run(client, RunStream()):
                pass
    assert (info.value.status_code, info.value.error) == (502, None)
    assert info.value.content == b"<html>bad gateway</html>"
    assert "bad gateway" in str(info.value)


def test_sync_twins():
    recorder = Recorder()
    run_id = uuid.uuid4()
    with recorder.sync_client() as client:
        with create_and_stream_run_sync(client, RunStream()) as stream:
            assert [e.event for e in stream] == ["metadata", "end"]
        with resume_and_stream_run_sync(client, RunResumeStream(thread_id=uuid.uuid4())) as stream:
            assert [e.id for e in stream] == ["4", "5"]
        with stream_run_sync(client, run_id, last_event_id="5") as stream:
            assert list(stream) == list(parse(SSE_BODY))
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("POST", "/runs/stream"),
        ("PATCH", "/runs/resume/stream"),
        ("GET", f"/runs/{run_id}/stream"),
    ]
    assert recorder.requests[2].headers["last-event-id"] == "5"


@pytest.mark.asyncio
async def test_last_event_id_is_that_of_the_last_event_yielded():
    # The id of an event still incomplete when the stream stops must not count: rejoining
    # after it would skip that event.
    recorder = Recorder(content=b"id: 4\ndata: a\n\nid: 5\ndata: b")
    async with recorder.async_client() as client:
        async with stream_run(client, uuid.uuid4()) as stream:
            assert stream.last_event_id is None
            assert [e.data async for e in stream] == ["a"]
            assert stream.last_event_id == "4"
    with recorder.sync_client() as client:
        with stream_run_sync(client, uuid.uuid4()) as stream:
            assert [e.data for e in stream] == ["a"]
            assert stream.last_event_id == "4"


def test_sync_stream_error():
    recorder = Recorder(409, b'{"code": "thread_not_interrupted", "message": "no"}')
    with recorder.sync_client() as client:
        with pytest.raises(StreamError) as info:
            with resume_and_stream_run_sync(client, RunResumeStream(thread_id=uuid.uuid4())):
                pass
    assert info.value.status_code == 409
    assert info.value.error.code == "thread_not_interrupted"
