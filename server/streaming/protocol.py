"""Commands, responses and filters of the thread streaming protocol. Pure: no I/O.

Wire names follow the protocol's CDDL (`@langchain/protocol`) and both LangGraph SDKs:
snake_case (`event_id`, `applied_through_seq`, `subscription_id`, `interrupt_id`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

CHANNELS = frozenset(
    {"values", "updates", "messages", "tools", "lifecycle", "input", "checkpoints", "tasks",
     "custom"}
)  # fmt: skip
METHODS = (
    "run.start",
    "input.respond",
    "input.inject",
    "state.get",
    "state.listCheckpoints",
    "state.fork",
    "agent.getTree",
    "subscription.subscribe",
    "subscription.unsubscribe",
    "subscription.reconnect",
)
SUBSCRIPTION_METHODS = frozenset(m for m in METHODS if m.startswith("subscription."))
MULTITASK_STRATEGIES = ("reject", "enqueue", "interrupt", "rollback")
MAX_SEQ = 2**63 - 1  # a Postgres bigint


class ProtocolError(Exception):
    """A command refused: answered as `{"type": "error", "error": code, ...}`."""

    def __init__(
        self, code: str, message: str, *, fields: dict[str, Any] | None = None, **meta: Any
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = fields or {}  # beside `error` and `message` (LangGraph's `resume_gap`)
        self.meta = meta


def invalid(message: str) -> ProtocolError:
    return ProtocolError("invalid_argument", message)


@dataclass(frozen=True, slots=True)
class Command:
    id: int
    method: str
    params: dict[str, Any]


def parse_command(payload: Any) -> Command:
    """A command from its JSON; an unknown method is `unknown_command`."""
    if not isinstance(payload, dict):
        raise invalid("a command is a JSON object with `id`, `method` and `params`")
    command_id = payload.get("id")
    if not isinstance(command_id, int) or isinstance(command_id, bool) or command_id < 0:
        raise invalid("`id` must be a non-negative integer")
    method = payload.get("method")
    if not isinstance(method, str):
        raise ProtocolError("invalid_argument", "`method` must be a string", id=command_id)
    params = payload.get("params", {})
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise ProtocolError("invalid_argument", "`params` must be an object", id=command_id)
    if method not in METHODS:
        raise ProtocolError(
            "unknown_command", f"unknown command {method!r}; known: {', '.join(METHODS)}"
        )
    return Command(command_id, method, params)


def success(command_id: int, result: dict[str, Any], applied_through_seq: int) -> dict[str, Any]:
    return {
        "type": "success",
        "id": command_id,
        "result": result,
        "meta": {"applied_through_seq": applied_through_seq},
    }


def failure(command_id: int | None, error: ProtocolError) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "error",
        "id": command_id,
        "error": error.code,
        "message": error.message,
        **error.fields,
    }
    meta = {k: v for k, v in error.meta.items() if k != "id"}
    if meta:
        body["meta"] = meta
    return body


# -- reading parameters ----------------------------------------------------------------


def text(params: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = params.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise invalid(f"`{name}` must be a non-empty string")
    return value


def obj(params: dict[str, Any], name: str) -> dict[str, Any] | None:
    value = params.get(name)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise invalid(f"`{name}` must be an object")
    return value


def uuid_param(params: dict[str, Any], name: str, *, required: bool = True) -> uuid.UUID | None:
    value = text(params, name, required=required)
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise invalid(f"`{name}` must be a UUID, not {value!r}") from None


def count(params: dict[str, Any], name: str, default: int, *, low: int, high: int) -> int:
    value = params.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise invalid(f"`{name}` must be an integer from {low} to {high}")
    return value


def namespace(params: dict[str, Any], name: str = "namespace") -> list[str]:
    value = params.get(name, [])
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise invalid(f"`{name}` must be an array of strings")
    return value


def multitask_strategy(params: dict[str, Any]) -> str:
    """`multitask_strategy` (the protocol's spelling) or `multitaskStrategy` (older SDKs
    send both); `reject` by default, as for POST /runs."""
    value = params.get("multitask_strategy", params.get("multitaskStrategy", "reject"))
    if not isinstance(value, str) or value not in MULTITASK_STRATEGIES:
        raise invalid(f"`multitask_strategy` must be one of {', '.join(MULTITASK_STRATEGIES)}")
    return value


# -- filters ---------------------------------------------------------------------------


def _under(ns: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    """Whether namespace `ns` starts with `prefix`, where a prefix segment without a task id
    (`inner`) matches a segment with one (`inner:<task id>`), as LangGraph's server does."""
    return len(ns) >= len(prefix) and all(
        part == want or (":" not in want and part.split(":", 1)[0] == want)
        for part, want in zip(ns, prefix, strict=False)
    )


@dataclass(frozen=True, slots=True)
class Filter:
    """What one SSE stream or one WebSocket subscription receives."""

    channels: frozenset[str]
    namespaces: tuple[tuple[str, ...], ...] | None = None  # prefixes; None: all
    depth: int | None = None  # levels below a prefix; None: any
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def matches(self, event: dict[str, Any]) -> bool:
        if not self._channel(event):
            return False
        ns = tuple(event["params"].get("namespace", ()))
        if self.namespaces is None:
            return self.depth is None or len(ns) <= self.depth
        return any(
            _under(ns, prefix) and (self.depth is None or len(ns) - len(prefix) <= self.depth)
            for prefix in self.namespaces
        )

    def _channel(self, event: dict[str, Any]) -> bool:
        channel = channel_of(event["method"])
        if channel in self.channels:
            return True
        if channel == "custom":
            name = (event["params"].get("data") or {}).get("name")
            return isinstance(name, str) and f"custom:{name}" in self.channels
        return False


def channel_of(method: str) -> str:
    """The channel of an event method (`input.requested` is on `input`)."""
    return method.split(".", 1)[0]


def parse_filter(params: dict[str, Any]) -> Filter:
    channels = params.get("channels")
    if not isinstance(channels, list) or not channels:
        raise invalid("`channels` must be a non-empty array of channel names")
    for channel in channels:
        if not isinstance(channel, str) or not (
            channel in CHANNELS or (channel.startswith("custom:") and len(channel) > 7)
        ):
            raise invalid(
                f"unknown channel {channel!r}; channels: {', '.join(sorted(CHANNELS))},"
                " custom:<name>"
            )
    namespaces = params.get("namespaces")
    prefixes = None
    if namespaces is not None:
        if not isinstance(namespaces, list):
            raise invalid("`namespaces` must be an array of namespaces (arrays of strings)")
        prefixes = tuple(tuple(namespace({"n": ns}, "n")) for ns in namespaces)
    depth = params.get("depth")
    if depth is not None and (not isinstance(depth, int) or isinstance(depth, bool) or depth < 0):
        raise invalid("`depth` must be a non-negative integer")
    return Filter(frozenset(channels), prefixes, depth)


def parse_since(params: dict[str, Any]) -> int:
    since = params.get("since", 0)
    if since is None:
        return 0
    if not isinstance(since, int) or isinstance(since, bool) or not 0 <= since <= MAX_SEQ:
        raise invalid(f"`since` must be an integer from 0 to {MAX_SEQ}")
    return since
