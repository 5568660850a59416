"""Request fields the LangGraph SDK may send that this server honours only in part: the
values it honours, and the 422 `not_supported` that names any other (never a silent drop).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from ..errors import Invalid


def _never(value: Any) -> bool:
    return False


def _always(value: Any) -> bool:
    return True


HONOURED: dict[str, Callable[[Any], bool]] = {
    "feedback_keys": _never,
    "langsmith_tracer": _never,
    "stream_subgraphs": _always,  # a graph's subgraphs stream; a native agent has none
    "checkpoint_during": lambda v: v is True,  # every step is checkpointed
    "durability": lambda v: str(getattr(v, "value", v)) in ("sync", "async"),
    "strict_resume": lambda v: v is True,  # a resume is always strict here
    "stream_resumable": _always,  # every stream can be rejoined
}
"""Per field: whether a value (not null) is honoured."""

GRAPH_FIELDS = ("interrupt_before", "interrupt_after", "checkpoint", "checkpoint_id")
"""Run fields only a LangGraph graph honours (a 422 `not_supported` for another agent)."""

GRAPH_ONLY_MODES = ("debug", "tasks", "checkpoints", "tools", "events")
"""Stream modes only a LangGraph graph produces (LangGraph's own chunks; `events`: the
graph's `astream_events`)."""
REFUSED_MODES: tuple[str, ...] = ()


def not_supported(fields: Iterable[str], why: str = "") -> Invalid:
    names = list(fields)
    return Invalid(
        f"not supported by this server: {', '.join(names)}{why}",
        code="not_supported",
        errors=[{"loc": name.split("."), "msg": "not supported"} for name in names],
    )


def refuse_unhonoured(body: BaseModel, names: Iterable[str] = HONOURED) -> None:
    """A 422 naming every field of `body` (among `names`) set to a value not honoured."""
    refused = [
        name
        for name in names
        if (value := getattr(body, name, None)) is not None and not HONOURED[name](value)
    ]
    if refused:
        raise not_supported(refused)


def refuse_modes(modes: Iterable[str], graph: bool) -> None:
    refused = [
        f"stream_mode.{m}"
        for m in modes
        if m in REFUSED_MODES or (m in GRAPH_ONLY_MODES and not graph)
    ]
    if refused:
        raise not_supported(refused, "" if graph else " (for an agent that is not a graph)")


def interrupt_nodes(value: Any) -> str | list[str] | None:
    """`interrupt_before`/`interrupt_after` as LangGraph takes them: `*` or node names."""
    value = getattr(value, "root", value)
    if value is None:
        return None
    if isinstance(value, list):
        return [str(getattr(node, "root", node)) for node in value]
    return str(getattr(value, "value", value))  # "*"
