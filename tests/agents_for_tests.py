"""Agents loaded by reference in tests."""


async def plain_function(ctx):
    await ctx.update({"plain": True})


# Imported here (not at the top) so that what is above stays as it was.
import asyncio  # noqa: E402

from ap_server.agents import agent  # noqa: E402


@agent("stubborn", description="Ignores stop requests: writes a tick and sleeps, over and over.")
async def stubborn(ctx):
    """Never looks at ctx.stopping: only a forced stop (its task cancelled) ends it."""
    for tick in range(1, 2001):
        await ctx.update({"tick": tick}, step=f"tick_{tick}")
        await asyncio.sleep(0.05)


async def hitl_then_linger(ctx):
    """Like `hitl`, but once answered it lingers after writing the answer (a window in which
    its process can be killed); when retried after that, it finishes at once."""
    retried = "answer" in ctx.values
    answer = ctx.interrupt({"question": "linger?"})
    await ctx.update({"answer": answer, "retried": retried})
    if not retried:
        await ctx.sleep(60)


@agent("fails_on_stop", description="Honours a stop, but its clean-up then fails.")
async def fails_on_stop(ctx):
    """Writes a step every 0.05 s; when told to stop, raises RuntimeError (not RunStopped)."""
    for step in range(1, 2001):
        await ctx.update({"step": step})
        if ctx.stopping:
            raise RuntimeError("clean-up after the stop failed")
        await asyncio.sleep(0.05)


async def remembers(ctx):
    """Writes its input to the store at ["memory"]/"last", then reports what it sees there."""
    await ctx.store.put(["memory"], "last", {"input": ctx.input})
    found = await ctx.store.search(prefix=["memory"], filter=None, limit=100, offset=0)
    await ctx.update({"seen": [item.value for item in found]})


async def until_stopped(ctx):
    """Runs until it is stopped, doing nothing: an active run that never ends by itself (a
    test's "active run" stays active however slow the machine)."""
    while True:
        await ctx.sleep(3600)


@agent(
    "resumable",
    description="Steps 1..n (input {'steps', 'delay'}), each a checkpoint; a retry continues after the last step its thread has.",
)
async def resumable(ctx):
    """A retried run starts again with the thread's values as of its last checkpoint: it
    goes on from there, and records which attempt wrote each step."""
    params = ctx.input if isinstance(ctx.input, dict) else {}
    steps, delay = int(params.get("steps", 5)), float(params.get("delay", 0.2))
    for step in range(int(ctx.values.get("step", 0)) + 1, steps + 1):
        await ctx.sleep(delay)
        await ctx.update({"step": step, f"attempt_{step}": ctx.attempt}, step=f"step_{step}")
