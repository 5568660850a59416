"""LangGraph graphs the drop-in tests serve (AP_AGENTS=tests.langgraph_graphs:<name>)."""

from __future__ import annotations

import asyncio
import operator
from dataclasses import dataclass
from typing import Annotated, Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.tools import tool
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition
from langgraph.runtime import Runtime
from langgraph.types import interrupt
from typing_extensions import TypedDict  # pydantic reads its schema on Python < 3.12


class ChatState(TypedDict, total=False):
    question: str
    answer: Any
    steps: Annotated[list[str], operator.add]
    ticks: int
    limit: int


async def ask(state: ChatState) -> dict:
    get_stream_writer()({"asking": state.get("question")})
    answer = interrupt({"question": state.get("question") or "approve?"})
    return {"answer": answer, "steps": ["ask"]}


async def finish(state: ChatState) -> dict:
    return {"steps": ["finish"]}


def _hitl():
    builder = StateGraph(ChatState)
    builder.add_node("ask", ask)
    builder.add_node("finish", finish)
    builder.add_edge(START, "ask")
    builder.add_edge("ask", "finish")
    builder.add_edge("finish", END)
    return builder.compile(name="hitl_graph")


hitl_graph = _hitl()


async def tick(state: ChatState) -> dict:
    """Sleeps, then counts; loops until `limit` ticks (default 50: a long run to cancel)."""
    await asyncio.sleep(0.1)
    return {"ticks": state.get("ticks", 0) + 1, "steps": ["tick"]}


def _slow():
    builder = StateGraph(ChatState)
    builder.add_node("tick", tick)
    builder.add_edge(START, "tick")
    builder.add_conditional_edges("tick", _next_tick)
    return builder.compile(name="slow_graph")


def _next_tick(state: ChatState) -> str:
    return END if state.get("ticks", 0) >= state.get("limit", 50) else "tick"


slow_graph = _slow()


async def boom(state: ChatState) -> dict:
    raise ValueError("the graph failed, as asked")


def _one_node(state: type, node) -> Any:
    builder = StateGraph(state)
    builder.add_node(node.__name__, node)
    builder.add_edge(START, node.__name__)
    return builder.compile()


failing_graph = _one_node(ChatState, boom)


async def chat(state: MessagesState) -> dict:
    """A chat model (a fake one, streaming its answer token by token) answers."""
    last = state["messages"][-1].content
    model = GenericFakeChatModel(messages=iter([AIMessage(content=f"you said: {last}")]))
    return {"messages": [await model.ainvoke(state["messages"])]}


chat_graph = _one_node(MessagesState, chat)


class TwoState(TypedDict, total=False):
    answers: Annotated[list[Any], operator.add]


async def first(state: TwoState) -> dict:
    return {"answers": [interrupt({"question": "first?"})]}


async def second(state: TwoState) -> dict:
    return {"answers": [interrupt({"question": "second?"})]}


def _two_questions():
    """Two nodes in parallel, each asking: two pending interrupts at once."""
    builder = StateGraph(TwoState)
    builder.add_node("first", first)
    builder.add_node("second", second)
    builder.add_edge(START, "first")
    builder.add_edge(START, "second")
    return builder.compile()


two_questions = _two_questions()


@dataclass
class Persona:
    """A context schema with defaults: a run that sends no context gets these."""

    greeting: str = "hello"
    punctuation: str = "!"


async def greet(state: ChatState, runtime: Runtime[Persona]) -> dict:
    ctx = runtime.context
    return {"answer": f"{ctx.greeting} {state.get('question', 'you')}{ctx.punctuation}"}


def _greeter():
    builder = StateGraph(ChatState, context_schema=Persona)
    builder.add_node("greet", greet)
    builder.add_edge(START, "greet")
    return builder.compile(name="greeter")


greeter = _greeter()


def _nested():
    """A graph with the hitl graph as a subgraph (its node `inner`)."""
    builder = StateGraph(ChatState)
    builder.add_node("inner", hitl_graph)
    builder.add_node("finish", finish)
    builder.add_edge(START, "inner")
    builder.add_edge("inner", "finish")
    return builder.compile(name="nested")


nested = _nested()


def made_for(config):
    """A graph factory of the run's config (LangGraph's server calls it once per run)."""
    who = (config.get("configurable") or {}).get("who", "nobody")

    async def answer(state: ChatState) -> dict:
        return {"answer": f"made for {who}"}

    return _one_node(ChatState, answer)


async def made_async():
    """An async graph factory of no argument."""
    return _one_node(ChatState, finish)


async def wait_forever(state: ChatState) -> dict:
    """A node that never returns by itself (a tool call that hangs)."""
    await asyncio.sleep(3600)
    return {"answer": "never"}


stuck_graph = _one_node(ChatState, wait_forever)


class KeepState(TypedDict, total=False):
    value: Any
    kept: Any


async def keep(state: KeepState) -> dict:
    return {"kept": state.get("value")}


kept_graph = _one_node(KeepState, keep)
"""Copies its input's `value` to `kept` (through the graph's own checkpoints)."""


async def note(state: ChatState) -> dict:
    """A subgraph's node: writes a custom event, then adds a step."""
    get_stream_writer()({"noted": state.get("question")})
    return {"steps": ["note"]}


def _outer():
    """A graph whose node `inner` is a subgraph of two nodes (`note`, `finish`), no
    interrupt: its events come under the namespace `inner:<task id>`."""
    inner = StateGraph(ChatState)
    inner.add_node("note", note)
    inner.add_node("finish", finish)
    inner.add_edge(START, "note")
    inner.add_edge("note", "finish")
    builder = StateGraph(ChatState)
    builder.add_node("inner", inner.compile(name="inner"))
    builder.add_node("done", finish)
    builder.add_edge(START, "inner")
    builder.add_edge("inner", "done")
    return builder.compile(name="outer_graph")


outer_graph = _outer()


@tool
def lookup(city: str) -> str:
    """The weather in a city."""
    return f"sunny in {city}"


async def plan(state: MessagesState) -> dict:
    """A model's stand-in: calls the `lookup` tool with the user's text, then answers with
    the tool's result."""
    last = state["messages"][-1]
    if last.type == "tool":
        return {"messages": [AIMessage(content=f"it is {last.content}")]}
    call = {
        "name": "lookup",
        "args": {"city": last.content},
        "id": f"call-{len(state['messages'])}",
    }
    return {"messages": [AIMessage(content="", tool_calls=[call])]}


def _tool_graph():
    """`plan` calls a tool, LangGraph's prebuilt `ToolNode` (node `tools`) runs it."""
    builder = StateGraph(MessagesState)
    builder.add_node("plan", plan)
    builder.add_node("tools", ToolNode([lookup]))
    builder.add_edge(START, "plan")
    builder.add_conditional_edges("plan", tools_condition)
    builder.add_edge("tools", "plan")
    return builder.compile(name="tool_graph")


tool_graph = _tool_graph()


def _chat_outer():
    """The chat graph as the node `inner` of a graph: its model's tokens come from a
    subgraph (namespace `inner:<task id>`)."""
    builder = StateGraph(MessagesState)
    builder.add_node("inner", chat_graph)
    builder.add_edge(START, "inner")
    return builder.compile(name="chat_outer")


chat_outer = _chat_outer()
