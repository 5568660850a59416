"""The LangGraph graphs the benchmark serves (AP_AGENTS=tests.bench.graphs:<name>)."""

from __future__ import annotations

import asyncio
from typing import Any

from langgraph.graph import END, START, StateGraph
from typing_extensions import TypedDict


class State(TypedDict, total=False):
    text: str
    echo: Any


async def echo(state: State) -> dict[str, Any]:
    return {"echo": state.get("text")}


async def wait_forever(state: State) -> dict[str, Any]:
    """Waits inside its node until it is cancelled (a tool call that hangs)."""
    await asyncio.sleep(3600)
    return {"echo": None}


def _one_node(name: str, node: Any) -> Any:
    builder = StateGraph(State)
    builder.add_node(name, node)
    builder.add_edge(START, name)
    builder.add_edge(name, END)
    return builder.compile(name=name)


echo_graph = _one_node("echo", echo)
stuck_graph = _one_node("wait_forever", wait_forever)
