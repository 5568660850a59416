"""A compiled LangGraph graph served as an agent (the `langgraph` extra).

- Checkpoints: the graph's checkpoints are ours (saver.py, migration 0014): each graph step
  is one checkpoint of ours, carrying the graph's own checkpoint of it (what `interrupt()`
  and `Command(resume=...)` need: channel versions, pending writes), written in one
  statement; threads, state and history read the same whichever agent wrote them, and a
  rollback, copy or delete of a thread takes the graph's checkpoints with it. A stateless
  run's graph checkpoints in memory (nobody reads them).
- Streaming: each graph checkpoint becomes one `update` (our `updates` and `values` events
  and a checkpoint of ours, whose metadata keeps the graph's checkpoint id and its `next`
  nodes); `custom` and `messages` chunks are emitted as they come. Each run starts from the
  graph checkpoint matching our thread's latest one (or the one the run named, a branch),
  so a rollback is a rollback for the graph too.
- Interrupts: `interrupt(value)` in a node ends the run `interrupted` with the graph's
  interrupts, under their LangGraph ids; a resume runs `Command(resume={id: answer})`. A
  graph stopped at the run's `interrupt_before`/`interrupt_after` nodes ends it
  `interrupted` with no question (its state's `next` says what is left).
- Stopping: a graph is cancelled at once by a stop (its agent's `stop_grace` is 0), inside a
  node too, unless the stop names a `timeout`; a graceful stop is also checked between
  chunks (the stream is closed, which cancels the graph's tasks).
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import json
import re
from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

from ..agents.base import Agent, Interrupt, RunContext, SavedCheckpoint
from ..database import GRAPH_POOL
from ..storage.graphs import GraphCheckpointStore

if TYPE_CHECKING:  # the saver imports LangGraph (the `langgraph` extra)
    from .saver import RunCheckpoints, ServerSaver

CHECKPOINT_KEY = "langgraph_checkpoint_id"
"""Key of our checkpoints' metadata holding the graph's checkpoint of the same state."""
UPDATE_KEY = "langgraph_update"
"""Key of our checkpoints' metadata holding a `threads.update_state` for the graph."""
RUN_KEY = "ap_run_id"
"""Key of the graph's checkpoint metadata holding the id of the run that wrote it."""
COMMAND = "langgraph_command"
"""Key of the run's config holding `command.update`/`command.goto` for a graph."""
STREAM_MODES = "langgraph_stream_modes"
"""Key of the run's config holding the graph's own modes a run asked for (`debug`, ...)."""
STATIC_INTERRUPTS = {
    "interrupt_before": "langgraph_interrupt_before",
    "interrupt_after": "langgraph_interrupt_after",
}
"""Keys of the run's config holding the nodes the graph stops before or after (or "*")."""

SUBGRAPHS = "langgraph_stream_subgraphs"
"""Key of the run's config: the run streams its subgraphs' events (`stream_subgraphs`)."""
ROLES = {"human": "user", "ai": "assistant", "system": "system", "tool": "tool"}


class _Stores:
    """The graphs of a process share one checkpoint store, and so one pool of GRAPH_POOL
    connections, whatever their number: opened by the first graph that starts, closed when
    the last one stops. (Agents start and stop one after another, never together.)"""

    def __init__(self) -> None:
        self._open: dict[str, tuple[GraphCheckpointStore, int]] = {}  # by database

    async def take(self, dsn: str) -> GraphCheckpointStore:
        if dsn in self._open:
            store, users = self._open[dsn]
        else:
            store, users = GraphCheckpointStore(dsn, GRAPH_POOL), 0
            await store.open()
        self._open[dsn] = (store, users + 1)
        return store

    async def give_back(self, store: GraphCheckpointStore) -> None:
        store, users = self._open[store.dsn]
        if users > 1:
            self._open[store.dsn] = (store, users - 1)
        else:
            del self._open[store.dsn]
            await store.close()


_STORES = _Stores()


class GraphRunner:
    """Runs one compiled graph, or the graphs a factory makes (one per run, from the run's
    config, as LangGraph's server calls them); owns the checkpointer's connection pool."""

    def __init__(self, agent_id: str, graph: Any, factory: Any = None) -> None:
        self.agent_id = agent_id
        self.factory = factory
        self.graph = graph  # the graph; for a factory, one it made (schemas, drawing)
        if graph is None and factory is not None and not inspect.iscoroutinefunction(factory):
            self.graph = _call_factory(factory, {})
        self._store: GraphCheckpointStore | None = None  # the process's (see `_Stores`)
        self._saver: ServerSaver | None = None
        self._memory: Any = None  # the saver of stateless runs (see `run`)
        self._stateless_graph: Any = None

    async def start(self, database_url: str) -> None:
        from langgraph.checkpoint.memory import InMemorySaver

        from .saver import ServerSaver
        from .serde import ExactSerializer

        dsn = make_url(database_url).set(drivername="postgresql").render_as_string(False)
        self._store = await _STORES.take(dsn)
        self._saver = ServerSaver(self._store, ExactSerializer())
        self._memory = InMemorySaver(serde=ExactSerializer())
        if self.graph is None:  # an async factory's first graph
            self.graph = await _call_factory(self.factory, {})
        self._stateless_graph = self.graph.copy(update=self._served(self.graph, self._memory))
        self.graph = self.graph.copy(update=self._served(self.graph, self._saver))

    async def _graph_for(self, config: dict[str, Any], stateless: bool) -> Any:
        """The graph a run uses: the one graph, or what the factory makes of the config.
        A stateless run's graph checkpoints in memory: its thread is removed after it, so
        nobody reads them (LangGraph's saver would write and read the database for
        nothing; our own checkpoints, which threads and state read, are written still)."""
        saver = self._memory if stateless else self._saver
        if self.factory is None:
            return self._stateless_graph if stateless else self.graph
        made = _call_factory(self.factory, config)
        if inspect.isawaitable(made):
            made = await made
        return made.copy(update=self._served(made, saver))

    def _served(self, graph: Any, saver: Any) -> dict[str, Any]:
        """What a graph is served with: `saver`; the agent's id as its name when it has
        LangGraph's default one, as LangGraph's server names it (its `events` say it)."""
        update: dict[str, Any] = {"checkpointer": saver}
        if getattr(graph, "name", None) == "LangGraph":
            update["name"] = self.agent_id
        return update

    async def stop(self) -> None:
        if self._store is not None:
            store, self._store = self._store, None
            await _STORES.give_back(store)

    async def execute(self, ctx: RunContext) -> None:
        """Run the graph; then forget what a stateless run checkpointed in memory."""
        try:
            await self.run(ctx)
        finally:
            if ctx.stateless and self._memory is not None:
                self._memory.delete_thread(str(ctx.thread_id))

    async def run(self, ctx: RunContext) -> None:
        if self._saver is None:
            raise RuntimeError(f"graph agent {self.agent_id} was not started")
        if ctx.stateless:
            await self._run(ctx, None)
            return
        with self._saver.running(ctx.thread_id, ctx.run_id) as checkpoints:
            await self._run(ctx, checkpoints)

    async def _run(self, ctx: RunContext, checkpoints: RunCheckpoints | None) -> None:
        """Run the graph; `checkpoints` takes its checkpoints to write with our steps (a
        stateless run's graph checkpoints in memory)."""
        from langgraph.types import Command

        config = ctx.config or {}
        thread = {"thread_id": str(ctx.thread_id)}
        run_config: dict[str, Any] = {
            "configurable": {**(config.get("configurable") or {}), **thread}
        }
        for key in ("recursion_limit", "tags"):
            if key in config:
                run_config[key] = config[key]
        graph = await self._graph_for(run_config, ctx.stateless)
        if fork := await _start_point(ctx, graph, thread):
            run_config["configurable"]["checkpoint_id"] = fork
        command = config.get(COMMAND) or {}
        graph_input: Any = ctx.input
        resumes = graph_input is None  # or a Command: LangGraph goes on from the checkpoint
        if ctx.resume is not None or command:
            resumes = True
            graph_input = Command(
                resume=_resume_value(ctx.resume),
                update=command.get("update"),
                goto=command.get("goto") or (),
            )
        if ctx.attempt > 1 and await self._went_on(graph, run_config, ctx):
            graph_input = None  # a retry goes on from the graph's checkpoint, not from START
        run_config["metadata"] = {RUN_KEY: str(ctx.run_id)}  # kept in the graph's checkpoints
        if resumes and ctx.attempt == 1 and ctx.values:
            await ctx.stream_state()  # the state it goes on from first, as LangGraph streams
        # `checkpoints` gives each step's state with its LangGraph checkpoint id; every mode
        # is asked for (`emit` drops the events of modes the run did not ask for).
        wanted = tuple(config.get(STREAM_MODES) or ())
        subgraphs = bool(config.get(SUBGRAPHS))
        extra = [m for m in wanted if m not in ("checkpoints", "events")]
        if subgraphs:  # a subgraph's `values` (the root's come from its checkpoints)
            extra.append("values")
        kwargs: dict[str, Any] = {
            "stream_mode": ["updates", "checkpoints", "custom", "messages", *extra]
        }
        wants_checkpoints = "checkpoints" in wanted
        if ctx.stateless:  # nothing continues from it: the (in-memory) saver writes at the end
            kwargs["durability"] = "exit"
        for name, key in STATIC_INTERRUPTS.items():
            if config.get(key) is not None:
                kwargs[name] = config[key]
        if config.get("context") is not None:
            kwargs["context"] = config["context"]
        elif getattr(graph, "context_schema", None) is not None:
            kwargs["context"] = {}  # LangGraph makes the schema's defaults of it
        steps: dict[str, Any] = {}
        asked: list[Any] = []  # the interrupts, as the stream reports them
        last: dict[str, Any] = {}  # the latest checkpoint chunk
        lifecycles = _Lifecycles()
        chunks = _chunks(
            graph, graph_input, run_config, kwargs, subgraphs, "events" in wanted, ctx.run_id
        )
        if checkpoints is not None:
            checkpoints.streaming = True
        try:
            async with contextlib.aclosing(chunks) as s:
                async for namespace, mode, chunk in s:
                    ctx.check_stop()
                    if mode == "tasks" and subgraphs:
                        await lifecycles.see(ctx, namespace, chunk)
                    if namespace:  # a subgraph's event, named `mode|node:task|...`
                        await _emit_nested(ctx, namespace, mode, chunk)
                    elif mode == "updates":
                        for node, changes in (chunk or {}).items():
                            if node == "__interrupt__":
                                asked.extend(changes or ())
                            else:
                                steps[node] = jsonable(changes)
                    elif mode == "checkpoints":
                        last = chunk
                        checkpoint_id = chunk["config"]["configurable"]["checkpoint_id"]
                        saved = (
                            None if checkpoints is None else await checkpoints.take(checkpoint_id)
                        )
                        if wants_checkpoints:
                            await ctx.emit("checkpoints", jsonable(chunk))
                        values = jsonable(chunk["values"])
                        if (chunk.get("metadata") or {}).get("source") == "input" or not (
                            steps or values != ctx.values
                        ):  # before the input is applied (LangGraph streams no values), or no step
                            if checkpoints is not None:
                                checkpoints.keep(checkpoint_id)
                            continue
                        step = ",".join(steps) or "input"
                        await ctx.update(
                            values,
                            step=step,
                            source="loop" if steps else "input",
                            changes=steps.get(step, steps) if steps else values,
                            metadata={
                                CHECKPOINT_KEY: checkpoint_id,
                                "next": list(chunk.get("next") or ()),
                            },
                            saved=None if saved is None else SavedCheckpoint(checkpoint_id, *saved),
                            last=not chunk.get("next"),  # the end: written with the ending
                        )
                        steps = {}
                    elif mode == "messages":
                        message, metadata = chunk
                        await ctx.emit("messages", [jsonable(message), jsonable(metadata)])
                    elif mode != "values":  # custom, tools, and debug, tasks, events if asked for
                        await ctx.emit(mode, jsonable(chunk))
        except Exception:
            # What its tasks wrote before the error (LangGraph redoes only the failed task),
            # unless the database is what failed: the run's own error is what counts.
            if checkpoints is not None:
                with contextlib.suppress(Exception):
                    await checkpoints.flush()
            raise
        await lifecycles.finish(ctx)
        if checkpoints is not None:
            await checkpoints.flush()
        # The graph stopped on interrupt() (its questions, from the stream), or before or
        # after the nodes the run named (no question: nodes still to run).
        if asked or last.get("next"):
            raise Interrupt(
                [jsonable(i.value) for i in asked],
                ids=[i.id for i in asked],
                metadata={
                    "next": list(last.get("next") or ()),
                    CHECKPOINT_KEY: last["config"]["configurable"]["checkpoint_id"],
                },
            )

    async def _went_on(self, graph: Any, run_config: dict[str, Any], ctx: RunContext) -> bool:
        """Whether an earlier attempt of this run left the graph part way (the checkpoint
        it would start from is this run's, with nodes still to run)."""
        snapshot = await graph.aget_state(run_config)
        return bool(snapshot.next) and (snapshot.metadata or {}).get(RUN_KEY) == str(ctx.run_id)

    def schemas(self) -> dict[str, Any]:
        found = graph_schemas(self.graph)
        found.pop("context_schema", None)
        return {k: v or {"type": "object"} for k, v in found.items()}


async def _chunks(
    graph: Any,
    graph_input: Any,
    config: dict[str, Any],
    kwargs: dict[str, Any],
    subgraphs: bool,
    events: bool,
    run_id: Any,
) -> AsyncGenerator[tuple[tuple[str, ...], str, Any], None]:
    """The graph's stream as `(namespace, mode, chunk)`; `namespace` is `()` for the graph
    itself. With `events`, through `astream_events` as LangGraph's server does: the run's
    own `on_chain_stream` events carry the modes' chunks, every other event is an `events`
    chunk (but those LangSmith hides)."""
    if not events:
        stream = graph.astream(graph_input, config, subgraphs=subgraphs, **kwargs)
        async with contextlib.aclosing(stream) as s:
            async for chunk in s:
                yield chunk if subgraphs else ((), *chunk)
        return
    config = {**config, "run_id": run_id}  # to tell the run's own events from its parts'
    stream = graph.astream_events(graph_input, config, version="v2", subgraphs=subgraphs, **kwargs)
    async with contextlib.aclosing(stream) as s:
        async for event in s:
            if event["event"] == "on_chain_stream" and event.get("run_id") == str(run_id):
                chunk = event["data"]["chunk"]
                yield chunk if subgraphs else ((), *chunk)
            elif "langsmith:hidden" not in (event.get("tags") or ()):
                yield (), "events", event


class _Lifecycles:
    """Subgraphs' `lifecycle` events, inferred from the tasks stream as LangGraph's
    `LifecycleTransformer` does: a namespace starts at its first task and ends with its
    parent's result of the task that ran it (`interrupted`, `failed` or `completed`)."""

    def __init__(self) -> None:
        self.open: dict[tuple[str, ...], str] = {}  # namespace -> its parent's task id
        self.seen: set[tuple[str, ...]] = set()

    async def see(self, ctx: RunContext, namespace: tuple[str, ...], task: Any) -> None:
        if "result" in task:
            for child, task_id in list(self.open.items()):
                if child[:-1] == namespace and task_id == task.get("id"):
                    del self.open[child]
                    status = "completed"
                    if task.get("interrupts"):
                        status = "interrupted"
                    elif task.get("error"):
                        status = "failed"
                    await _lifecycle(ctx, child, status, task.get("error"))
        elif namespace and namespace not in self.seen:
            self.seen.add(namespace)
            name, _, task_id = namespace[-1].partition(":")
            self.open[namespace] = task_id
            started = {"event": "started", "graph_name": name, "trigger_call_id": task_id}
            await ctx.emit("lifecycle", started, namespace)

    async def finish(self, ctx: RunContext) -> None:
        """The run went to its end: what no result closed is completed."""
        for child in list(self.open):
            await _lifecycle(ctx, child, "completed", None)
        self.open.clear()


async def _lifecycle(ctx: RunContext, namespace: tuple[str, ...], status: str, error: Any) -> None:
    data = {"event": status, "graph_name": namespace[-1].partition(":")[0]}
    if error:
        data["error"] = str(error)
    await ctx.emit("lifecycle", data, namespace)


async def _emit_nested(ctx: RunContext, namespace: tuple[str, ...], mode: str, chunk: Any) -> None:
    """A subgraph's chunk as LangGraph's server streams it with `stream_subgraphs`."""
    if mode == "messages":
        message, metadata = chunk
        await ctx.emit(mode, [jsonable(message), jsonable(metadata)], namespace)
    elif mode != "events":
        await ctx.emit(mode, jsonable(chunk), namespace)


def graph_agent(agent_id: str, graph: Any, factory: Any = None) -> Agent:
    runner = GraphRunner(agent_id, graph, factory)
    return Agent(
        agent_id=agent_id,
        run=runner.execute,
        description=f"LangGraph graph {getattr(graph, 'name', agent_id)}",
        metadata={"langgraph": True},
        capabilities={"ap.io.messages": True, "ap.io.streaming": True},
        start=runner.start,
        stop=runner.stop,
        # A stop cancels the graph at once, inside a node too, as LangGraph's own server
        # does: the state is kept at its last checkpoint (the node in flight is redone by
        # a later run), and nobody waits seconds for work that will be thrown away.
        stop_grace=0.0,
        **runner.schemas(),
    )


def as_agent(agent_id: str, target: Any) -> Agent | None:
    """A compiled graph (anything with `astream` and `aget_state`) as an agent; None for
    anything else (the registry's adapter for graphs)."""
    if hasattr(target, "astream") and hasattr(target, "aget_state"):
        return graph_agent(agent_id, target)
    if is_graph_factory(target):
        return graph_agent(agent_id, None, factory=target)
    return None


def is_graph_factory(target: Any) -> bool:
    """A function (sync or async) of no parameter or of one named `config` that returns a
    graph, as LangGraph's server accepts (an agent function takes `ctx`)."""
    if not inspect.isfunction(target):
        return False
    params = list(inspect.signature(target).parameters.values())
    return not params or (len(params) == 1 and params[0].name == "config")


def _call_factory(factory: Any, config: dict[str, Any]) -> Any:
    return factory(config) if inspect.signature(factory).parameters else factory()


def _resume_value(resume: dict[str, Any] | None) -> Any:
    """The graph's `Command.resume`: the answer itself when one question was pending (as
    LangGraph's server passes a plain value: it answers the question the graph asks next,
    under whatever id, as after a subgraph's state was updated), else by interrupt id."""
    if resume is not None and len(resume) == 1:
        answer = next(iter(resume.values()))
        if not _ambiguous(answer):
            return answer
    return resume


_INTERRUPT_ID = re.compile("[0-9a-f]{32}")


def _ambiguous(answer: Any) -> bool:
    """Whether LangGraph would not take `answer` as a plain resume value: None (no resume
    at all) or a dict whose keys all look like interrupt ids, `{}` included (a map of
    answers by id)."""
    return answer is None or (
        isinstance(answer, dict) and all(_INTERRUPT_ID.fullmatch(str(k)) for k in answer)
    )


async def _start_point(ctx: RunContext, graph: Any, thread: dict[str, str]) -> str | None:
    """The LangGraph checkpoint to run from: the one of our thread's latest state, so a
    rollback (which erased our checkpoints of a run) erases that run for the graph too;
    with the state updates made through `threads.update_state` since then applied to the
    graph (`aupdate_state`, with its reducers, as LangGraph does). None (run on from the
    graph's latest) when our latest state was not written by the graph or such an update."""
    updates = []
    for metadata in await ctx.checkpoint_metadata():
        if metadata.get("source") == "interrupt" and CHECKPOINT_KEY not in metadata:
            continue  # written by the engine for another agent's question
        if UPDATE_KEY in metadata:
            updates.append(metadata[UPDATE_KEY])
            continue
        base = metadata.get(CHECKPOINT_KEY)
        break
    else:
        base = None
    if base is None and not updates:
        return None
    config: dict[str, Any] = {"configurable": {**thread}}
    if base is not None:
        config["configurable"]["checkpoint_id"] = base
    for update in reversed(updates):
        config = await graph.aupdate_state(config, update["values"], as_node=update["as_node"])
    found = config["configurable"].get("checkpoint_id")
    return None if found is None else str(found)


def graph_schemas(graph: Any) -> dict[str, dict[str, Any] | None]:
    """A graph's JSON schemas, as LangGraph's server gives them (None: it has none)."""
    found: dict[str, dict[str, Any] | None] = {}
    for name, read in (
        ("input_schema", lambda: graph.get_input_jsonschema()),
        ("output_schema", lambda: graph.get_output_jsonschema()),
        ("state_schema", lambda: _state_jsonschema(graph)),
        ("config_schema", lambda: graph.get_config_jsonschema()),
        ("context_schema", lambda: _context_jsonschema(graph)),
    ):
        try:
            found[name] = jsonable(read())
        except Exception:  # a schema pydantic cannot express: none, as LangGraph answers
            found[name] = None
    return found


def _state_jsonschema(graph: Any) -> dict[str, Any] | None:
    from pydantic import TypeAdapter

    schema = getattr(getattr(graph, "builder", None), "state_schema", None)
    return None if schema is None else dict(TypeAdapter(schema).json_schema())


def _context_jsonschema(graph: Any) -> dict[str, Any] | None:
    if getattr(graph, "context_schema", None) is None:
        return None
    return dict(graph.get_context_jsonschema())


def graph_of(agent: Agent) -> Any | None:
    """The compiled graph a graph agent runs (None for a native agent)."""
    runner = getattr(agent.run, "__self__", None)
    return runner.graph if isinstance(runner, GraphRunner) else None


def drawable_graph(agent: Agent, xray: bool | int) -> dict[str, Any]:
    """LangGraph's `Graph.to_json()` of the agent's graph; a native agent as one node."""
    graph = graph_of(agent)
    if graph is not None:
        return dict(jsonable(graph.get_graph(xray=xray).to_json()))
    node = {"id": agent.agent_id, "type": "runnable", "data": {"name": agent.agent_id}}
    return {
        "nodes": [
            {"id": "__start__", "type": "schema", "data": "__start__"},
            node,
            {"id": "__end__", "type": "schema", "data": "__end__"},
        ],
        "edges": [
            {"source": "__start__", "target": agent.agent_id},
            {"source": agent.agent_id, "target": "__end__"},
        ],
    }


def subgraph_schemas(
    agent: Agent, namespace: str | None, recurse: bool
) -> dict[str, dict[str, Any]]:
    """The schemas of the agent's subgraphs by namespace (none for a native agent)."""
    graph = graph_of(agent)
    if graph is None:
        return {}
    return {
        ns: graph_schemas(sub)
        for ns, sub in graph.get_subgraphs(namespace=namespace, recurse=recurse)
    }


def is_graph_agent(agent: Agent) -> bool:
    return bool(agent.metadata.get("langgraph"))


def jsonable(value: Any) -> Any:
    """A JSON value of what a graph produced (LangChain messages as dicts with a `role`)."""
    return json.loads(json.dumps(value, default=_default))


def _default(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        dumped = value.model_dump()
        if isinstance(dumped, dict) and dumped.get("type") in ROLES and "content" in dumped:
            dumped.setdefault("role", ROLES[dumped["type"]])
        return dumped
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


async def graph_state(
    agent: Agent, thread_id: Any, checkpoint_id: str, ns: str = "", subgraphs: bool = False
) -> Any | None:
    """LangGraph's StateSnapshot of one of the graph's checkpoints (a subgraph's when `ns`
    names one), with its subgraphs' states when asked; None for a native agent. A
    ValueError when `ns` names no subgraph of the graph."""
    graph = graph_of(agent)
    if graph is None:
        return None
    configurable = {
        "thread_id": str(thread_id),
        "checkpoint_ns": ns,
        "checkpoint_id": checkpoint_id,
    }
    return await graph.aget_state({"configurable": configurable}, subgraphs=subgraphs)


async def graph_update_state(
    agent: Agent,
    thread_id: Any,
    checkpoint: dict[str, Any],
    values: dict[str, Any] | None,
    as_node: str | None,
) -> dict[str, Any]:
    """A subgraph's state updated in the graph's own checkpoints (`checkpoint` names the
    subgraph's, by its namespace), as LangGraph's server does it: the graph's
    `aupdate_state` with that config. The subgraph's new checkpoint, as LangGraph gives it.
    A ValueError when the namespace names no subgraph of the graph (or `as_node` no node)."""
    from langgraph.errors import InvalidUpdateError

    graph = graph_of(agent)
    if graph is None:
        raise ValueError(f"{agent.agent_id} is not a graph")
    config = {"configurable": {**checkpoint, "thread_id": str(thread_id)}}
    try:
        found = (await graph.aupdate_state(config, values, as_node=as_node))["configurable"]
    except InvalidUpdateError as exc:  # no such node, or an update it cannot take
        raise ValueError(str(exc)) from None
    keys = ("thread_id", "checkpoint_ns", "checkpoint_id", "checkpoint_map")
    return {k: jsonable(found[k]) for k in keys if k in found}


async def graph_history(
    agent: Agent, thread_id: Any, checkpoint: dict[str, Any], limit: int, before: str | None
) -> list[Any]:
    """LangGraph's StateSnapshots of a subgraph's checkpoints (`checkpoint` names it),
    newest first (none for a native agent)."""
    graph = graph_of(agent)
    if graph is None:
        return []
    config = {"configurable": {**checkpoint, "thread_id": str(thread_id)}}
    found = graph.aget_state_history(
        config,
        limit=limit,
        before={"configurable": {"checkpoint_id": before}} if before else None,
    )
    return [snapshot async for snapshot in found]
