"""The agent the fault suite runs: a few steps, each a checkpoint, and a ledger line (an
append to the file AP_CHAOS_LEDGER, outside the database) when it starts and when it
returns, so a run executed again after it had returned is seen even if the database
never recorded the first execution."""

from __future__ import annotations

import os
import time

from ap_server.agents import RunContext, agent


def _ledger(line: str) -> None:
    path = os.environ.get("AP_CHAOS_LEDGER")
    if path:
        with open(path, "a") as ledger:  # one short write with O_APPEND: lines never mix
            ledger.write(f"{time.time():.3f} {os.getpid()} {line}\n")


@agent("chaos", description="Input {'steps': n, 'delay': s}: n steps, each a checkpoint.")
async def chaos(ctx: RunContext) -> None:
    params = ctx.input if isinstance(ctx.input, dict) else {}
    steps, delay = int(params.get("steps", 2)), float(params.get("delay", 0.05))
    _ledger(f"start {ctx.run_id}")
    for step in range(int(ctx.values.get("step", 0)) + 1, steps + 1):  # a retry goes on
        await ctx.sleep(delay)
        await ctx.update({"step": step}, step=f"step_{step}")
    _ledger(f"returned {ctx.run_id}")
