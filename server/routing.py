"""Routes from the spec's operations (generated/operations.py), by operationId.

For each request the router authenticates it (for an operation the spec secures; see
auth.py), collects path, query and header parameters into the operation's generated
`<Operation>Params` model, reads the JSON body within the limits (limits.py) and
validates it with the generated body model, calls the handler method named by the
operationId on the handlers of the request's owner scope, and renders
its result: a model as JSON with the operation's success status, None as an empty body,
an async iterator of events as a server-sent event stream. Handlers never see a request.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, RootModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route

from ap_generated.operations import NULLABLE, OPERATIONS, Handlers, Operation

from .auth import ApiKeys
from .database import transient, unreachable
from .errors import ApiError, Invalid, Unavailable, UnsupportedMediaType
from .keepalive import Pending, pending_response
from .limits import Limits
from .sse import HEARTBEAT_SECONDS, event_stream_response
from .storage.owners import EVERYONE, Scope

log = logging.getLogger("ap_server")
Endpoint = Callable[[Request], Awaitable[Response]]
HandlersFor = Callable[[Scope], Handlers]  # the handlers serving one owner scope


@dataclass(frozen=True, slots=True)
class Gate:
    """What every request passes before its handler: its key, and the size limits."""

    keys: ApiKeys
    limits: Limits


def operation_routes(
    handlers_for: HandlersFor, gate: Gate, heartbeat: float = HEARTBEAT_SECONDS
) -> list[Route]:
    """One route per path; static paths before templated ones (`/runs/resume` before
    `/runs/{run_id}`), so a method never reaches the wrong operation."""
    by_path: dict[str, dict[str, Operation]] = defaultdict(dict)
    sample = handlers_for(EVERYONE)
    for op in OPERATIONS:
        if not callable(getattr(sample, op.operation_id, None)):
            raise TypeError(f"no handler for operation {op.operation_id}")
        by_path[op.path][op.method] = op
    paths = sorted(by_path, key=lambda p: (p.count("{"), p))
    return [
        OperationRoute(
            path,
            _endpoint(by_path[path], handlers_for, gate, heartbeat),
            list(by_path[path]),
            _reserved(path, paths),
        )
        for path in paths
    ]


class OperationRoute(Route):
    """A route whose path parameters never take a sibling route's literal segment, so
    `GET /runs/resume` is a 405 of `/runs/resume`, not `/runs/{run_id}` with "resume"."""

    def __init__(
        self, path: str, endpoint: Endpoint, methods: list[str], reserved: dict[str, set[str]]
    ) -> None:
        super().__init__(path, endpoint, methods=methods)
        self.reserved = reserved

    def matches(self, scope: Any) -> tuple[Match, Any]:
        match, child = super().matches(scope)
        if match is not Match.NONE and self.reserved:
            params = child.get("path_params", {})
            if any(params.get(name) in words for name, words in self.reserved.items()):
                return Match.NONE, {}
        return match, child


def _reserved(path: str, paths: list[str]) -> dict[str, set[str]]:
    """For each parameter of `path`, the literal segments other routes have in its place."""
    segments = path.strip("/").split("/")
    reserved: dict[str, set[str]] = {}
    for i, segment in enumerate(segments):
        if not segment.startswith("{"):
            continue
        name = segment.strip("{}")
        for other in paths:
            theirs = other.strip("/").split("/")
            if len(theirs) == len(segments) and theirs[:i] == segments[:i] and "{" not in theirs[i]:
                reserved.setdefault(name, set()).add(theirs[i])
    return reserved


@dataclass(frozen=True, slots=True)
class Reply:
    """A handler's result with a status other than the operation's first success status
    (one the spec lists), or with headers. `Location`/`Content-Location` given as paths are
    made absolute URLs of this server."""

    body: Any = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)


def _reply_headers(request: Request, headers: dict[str, str]) -> dict[str, str]:
    base = str(request.base_url).rstrip("/")
    return {
        name: f"{base}{value}"
        if name.lower() in ("location", "content-location") and value.startswith("/")
        else value
        for name, value in headers.items()
    }


F = TypeVar("F", bound=Callable[..., Any])


def until_disconnect(handler: F) -> F:
    """Mark a handler that may take long: it is cancelled if the client goes away."""
    handler.until_disconnect = True  # type: ignore[attr-defined]
    return handler


async def _call_until_disconnect(request: Request, call: Awaitable[Any]) -> Any:
    task = asyncio.ensure_future(call)
    watcher = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
        if not task.done():
            task.cancel()
    return await task


async def _disconnected(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass


def _endpoint(
    ops: dict[str, Operation], handlers_for: HandlersFor, gate: Gate, heartbeat: float
) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        op = ops[request.method]
        scope = gate.keys.authenticate(request.headers) if op.secured else EVERYONE
        handler = getattr(handlers_for(scope), op.operation_id)
        args: list[Any] = [_validate(op.params, _parameters(op, request), "parameters")]
        if op.body is not None:
            args.append(await _body(op.body, request, op.body_required, gate.limits))
        result = await _call(request, handler, args)
        status, headers = op.success_status, {}
        if isinstance(result, Reply):
            status = result.status or status
            headers = _reply_headers(request, result.headers)
            result = result.body
        if op.stream:
            return event_stream_response(result, heartbeat, headers)
        if isinstance(result, Pending):  # a long wait: keepalive newlines after a heartbeat
            result = await pending_response(
                result,
                lambda w: _call_until_disconnect(request, w),
                heartbeat,
                render,
                status,
                headers,
            )
            if isinstance(result, Response):
                return result
        if result is None:
            return Response(status_code=status, headers=headers)
        return Response(
            render(result), status_code=status, media_type="application/json", headers=headers
        )

    return endpoint


ROLLBACK_RETRIES = 3  # a handler whose transaction Postgres rolled back is called again


async def _call(request: Request, handler: Callable[..., Any], args: list[Any]) -> Any:
    """Call the handler. A transaction Postgres rolled back for a concurrent one (a deadlock,
    a serialization failure) wrote nothing: the call is made again, a few times. A database
    that cannot be reached (or still rolls back) is a 503 with Retry-After, never a 500."""
    for attempt in range(1, ROLLBACK_RETRIES + 1):
        try:
            if getattr(handler, "until_disconnect", False):
                return await _call_until_disconnect(request, handler(*args))
            return await handler(*args)
        except Exception as exc:
            if isinstance(exc, ApiError) or not transient(exc):
                raise
            if not unreachable(exc) and attempt < ROLLBACK_RETRIES:
                log.info("%s %s: rolled back (%r), again", request.method, request.url.path, exc)
                continue
            log.warning("%s %s: database unavailable: %r", request.method, request.url.path, exc)
            raise Unavailable("the database is unavailable: try again shortly") from None
    raise AssertionError("unreachable")  # the loop returns or raises


def _parameters(op: Operation, request: Request) -> dict[str, Any]:
    raw: dict[str, Any] = dict(request.path_params)
    query = request.query_params
    for name in op.query_params:
        if name in op.array_query_params:
            if values := query.getlist(name):
                raw[name] = values
        elif name in query:
            raw[name] = query[name]
    for name in op.header_params:
        if name in request.headers:
            raw[name] = request.headers[name]
    _check_text(raw, "parameters")
    return raw


def _validate(model: type[BaseModel], data: Any, where: str) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        _raise_invalid(exc, where)


def _raise_invalid(exc: ValidationError, where: str) -> NoReturn:
    errors = exc.errors(include_url=False, include_context=False, include_input=False)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or where}: {e['msg']}" for e in errors[:5]
    )
    raise Invalid(f"invalid {where}: {problems}", errors=errors) from None


async def _body(
    model: type[BaseModel], request: Request, required: bool, limits: Limits
) -> BaseModel:
    """Parse and validate a JSON body strictly, as the spec's JSON Schema reads it (no
    `false` for 0, no "1" for 1, no null where the spec does not allow null; but `5.0` is
    the integer 5 where the spec asks for an integer, as in JSON Schema). Every value the
    spec leaves free (input, metadata, values, ...) stays exactly as sent: 7 an int, 5.0 a
    float, big ints whole."""
    raw = await limits.read_body(request)
    _check_media_type(request.headers.get("content-type"), bool(raw))
    if not raw.strip(b" \t\n\r"):  # JSON's whitespace only (not \x0b, \x0c)
        if required:
            raise Invalid("a JSON request body is required")
        raw = b"{}"
    integral: list[str] = []
    try:
        data = json.loads(
            raw, parse_constant=_reject_constant, parse_float=_number(integral.append)
        )
    except (ValueError, RecursionError) as exc:
        raise Invalid(f"the request body is not valid JSON: {exc}") from None
    _check_text(data, "body")
    limits.check_fields(data)
    try:
        if not integral:
            body = model.model_validate_json(raw, strict=True)
        else:
            # Check the body with numbers like 5.0 written as integers, as JSON Schema
            # counts them; then take the values as sent, where only an integer field turns
            # 5.0 into 5 (the check above passed, so nothing else is coerced).
            model.model_validate_json(json.dumps(_integers(data)), strict=True)
            body = model.model_validate(data)
    except ValidationError as exc:
        _raise_invalid(exc, "body")
    _check_nulls(body, "body")
    return body


def _check_media_type(content_type: str | None, has_body: bool) -> None:
    """A body must be declared JSON: `text/plain`, form and untyped bodies are what a
    browser sends across origins without a preflight, so they never reach a handler."""
    if content_type is None and not has_body:
        return
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    ):
        return
    raise UnsupportedMediaType(
        f"the request body must be JSON (Content-Type: application/json), not "
        f"{content_type or 'untyped'}",
        content_type=content_type,
    )


def _integers(value: Any) -> Any:
    """`value` with every float of zero fraction (5.0, 1e3) as an int."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {key: _integers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integers(item) for item in value]
    return value


def _check_nulls(model: BaseModel, where: str) -> None:
    allowed = NULLABLE.get(type(model).__name__, frozenset())
    declared = type(model).model_fields
    for name in model.model_fields_set:
        if name not in declared:  # an additional property: any JSON value, null too
            continue
        value = getattr(model, name)
        if value is None and name not in allowed:
            raise Invalid(f"`{name}` in the {where} may not be null", errors=[{"loc": [name]}])
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                _check_nulls(item, where)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _number(on_integral: Callable[[str], object]) -> Callable[[str], float]:
    """json.loads' `parse_float`: a finite number, as a float; `on_integral` is told of one
    with a zero fraction (`5.0`, `1e3`), which JSON Schema counts an integer."""

    def parse(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(f"number {text} is out of range")
        if value.is_integer():
            on_integral(text)
        return value

    return parse


def _check_text(value: Any, where: str) -> None:
    """Postgres text and jsonb hold neither NUL characters nor lone surrogates: refuse
    them here with a 422 instead of failing in the database."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise Invalid(
                    f"the {where} contains a NUL character (\\u0000), which cannot be stored"
                )
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise Invalid(
                    f"the {where} contains an unpaired surrogate (\\ud800-\\udfff)"
                ) from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def render(result: Any) -> bytes:
    """JSON of a handler's result: fields the handler set, by their wire names."""
    if isinstance(result, list):
        return b"[" + b",".join(render(item) for item in result) + b"]"
    if isinstance(result, (BaseModel, RootModel)):
        return result.model_dump_json(by_alias=True, exclude_unset=True).encode()
    return json.dumps(result, separators=(",", ":")).encode()


def error_response(error: ApiError) -> Response:
    return Response(
        json.dumps(error.body(), default=str, separators=(",", ":")),
        status_code=error.status,
        media_type="application/json",
        headers=error.headers,
    )
