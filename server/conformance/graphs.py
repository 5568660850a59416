"""The graphs of the kit's LangGraph profile (`--api langgraph`), for any server of the
LangGraph Platform API to serve under these graph ids (they need `langgraph`):

- `kit_echo`: input `{"text": t}`; finishes with the values `{"text": t, "echo": t}`.
- `kit_hitl`: input `{"question": q}`; interrupts with `{"question": q}`; resumed with
  `v` (`command: {"resume": v}`), finishes with `{"answer": v}` in its values.
- `kit_slow`: input `{"steps": n, "delay": s}`; one node that, n times, waits s seconds
  and emits the custom event `{"step": i}`, then writes `{"done": n}`. Cancels land
  between and during steps.
- `kit_fail`: raises `ValueError("kit_fail failed, as asked")`; the run ends `error`.

LangGraph's server: `tests/langgraph_dev/langgraph.json` lists them. ap-server:
`AP_AGENTS=ap_server.conformance.graphs:kit_echo,...` (see the README).
"""

from __future__ import annotations

import asyncio
from typing import Any

from langgraph.config import get_stream_writer
from langgraph.graph import END, START, StateGraph
from langgraph.types import interrupt
from typing_extensions import TypedDict  # pydantic reads its schema on Python < 3.12


class KitState(TypedDict, total=False):
    text: str
    echo: str
    question: str
    answer: Any
    steps: int
    delay: float
    done: int


async def echo(state: KitState) -> dict:
    return {"echo": state.get("text", "")}


async def ask(state: KitState) -> dict:
    return {"answer": interrupt({"question": state.get("question", "")})}


async def work(state: KitState) -> dict:
    write = get_stream_writer()
    steps, delay = int(state.get("steps", 1)), float(state.get("delay", 0.1))
    for step in range(1, steps + 1):
        await asyncio.sleep(delay)
        write({"step": step})
    return {"done": steps}


async def fail(state: KitState) -> dict:
    raise ValueError("kit_fail failed, as asked")


def _one_node(name: str, node: Any) -> Any:
    builder = StateGraph(KitState)
    builder.add_node(node.__name__, node)
    builder.add_edge(START, node.__name__)
    builder.add_edge(node.__name__, END)
    return builder.compile(name=name)


kit_echo = _one_node("kit_echo", echo)
kit_hitl = _one_node("kit_hitl", ask)
kit_slow = _one_node("kit_slow", work)
kit_fail = _one_node("kit_fail", fail)
