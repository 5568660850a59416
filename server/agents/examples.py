"""The example agents, registered by default: echo, hitl, slow, fail.

They are also the contract the conformance kit relies on: agents of known behaviour.
"""

from __future__ import annotations

from typing import Any

from .base import RunContext, agent

ANY: dict[str, Any] = {}


@agent(
    "echo",
    description="Echoes its input as {'echo': input}; with messages, answers the last one.",
    capabilities={"ap.io.messages": True, "ap.io.streaming": True},
    input_schema=ANY,
    output_schema={"type": "object", "properties": {"echo": {}}},
)
async def echo(ctx: RunContext) -> None:
    if ctx.messages:
        last = ctx.messages[-1]
        reply = {"role": "assistant", "content": _text(last.get("content"))}
        await ctx.emit("messages", reply)
        await ctx.update({"echo": ctx.input}, messages=[reply])
    else:
        await ctx.update({"echo": ctx.input})


@agent(
    "hitl",
    description="Asks a human: interrupts with {'question': ...}; resumed with a value, "
    "finishes with {'answer': value}.",
    input_schema={"type": "object", "properties": {"question": {"type": "string"}}},
    output_schema={"type": "object", "properties": {"answer": {}}},
)
async def hitl(ctx: RunContext) -> None:
    question = (ctx.input or {}).get("question") if isinstance(ctx.input, dict) else None
    answer = ctx.interrupt({"question": question or "Do you approve?"})
    await ctx.update({"answer": answer})


@agent(
    "hitl2",
    description="Asks two questions in one step (two interrupts); finishes with both answers.",
    output_schema={"type": "object", "properties": {"answers": {"type": "array"}}},
)
async def hitl2(ctx: RunContext) -> None:
    answers = ctx.interrupts({"question": "first?"}, {"question": "second?"})
    await ctx.update({"answers": answers})


@agent(
    "slow",
    description="Input {'steps': n, 'delay': seconds}: one update and one checkpoint per step; "
    "honours a stop between and during steps.",
    input_schema={
        "type": "object",
        "properties": {
            "steps": {"type": "integer", "minimum": 0, "default": 3},
            "delay": {"type": "number", "minimum": 0, "default": 0.5},
        },
    },
    output_schema={"type": "object", "properties": {"step": {"type": "integer"}}},
)
async def slow(ctx: RunContext) -> None:
    params = ctx.input if isinstance(ctx.input, dict) else {}
    steps, delay = int(params.get("steps", 3)), float(params.get("delay", 0.5))
    for step in range(1, steps + 1):
        ctx.check_stop()
        await ctx.sleep(delay)
        await ctx.update({"step": step}, step=f"step_{step}")


@agent("fail", description="Raises an error (RuntimeError) with the input's 'message'.")
async def fail(ctx: RunContext) -> None:
    params = ctx.input if isinstance(ctx.input, dict) else {}
    raise RuntimeError(str(params.get("message", "the fail agent failed, as asked")))


EXAMPLES = (echo, hitl, hitl2, slow, fail)


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict))
    return ""
