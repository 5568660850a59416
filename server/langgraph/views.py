"""Our records in the shapes the LangGraph SDK reads: the one place that shapes them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from ap_generated import models

from .. import shapes
from ..agents import Agent
from ..domain.states import RunStatus
from ..engine.service import Ended
from ..sse import Event
from ..storage.assistants import AssistantRecord
from ..storage.crons import CronRecord
from ..storage.records import RunRecord
from ..storage.threads import CheckpointRecord, ThreadRecord
from .graph import graph_of, graph_schemas, jsonable

item, labels = shapes.item, shapes.labels
PREFIX = "/langgraph"
NAMESPACE_GRAPH = uuid.UUID("6ba7b821-9dad-11d1-80b4-00c04fd430c8")
"""langgraph-api's namespace of default assistant ids (`langgraph_api.graph`)."""


def default_id(graph_id: str) -> uuid.UUID:
    """The id of a graph's default assistant, as LangGraph's server makes it."""
    return uuid.uuid5(NAMESPACE_GRAPH, graph_id)


def run_status(status: str, stop_reason: str | None) -> str:
    """LangGraph's run status: a run that stopped on `interrupt()` is `success` (its thread
    is `interrupted`); a stopped run is `interrupted` (or `timeout`), as in ours."""
    if status == RunStatus.INTERRUPTED and stop_reason is None:
        return RunStatus.SUCCESS
    return status


def status_filter(status: str | None) -> tuple[str | list[str] | None, bool | None]:
    """The (statuses, stopped) of our runs that have LangGraph's `status` (see run_status)."""
    if status == RunStatus.SUCCESS:
        return [RunStatus.SUCCESS, RunStatus.INTERRUPTED], False
    if status == RunStatus.INTERRUPTED:
        return RunStatus.INTERRUPTED, True
    return status, None


def assistant(record: AssistantRecord) -> models.LgAssistant:
    return models.LgAssistant(**_assistant_fields(record))


def assistant_fields(record: AssistantRecord, select: list[str] | None) -> models.LgAssistantFields:
    found = _assistant_fields(record)
    return models.LgAssistantFields(**{k: v for k, v in found.items() if not select or k in select})


def assistant_version(record: AssistantRecord) -> models.LgAssistantVersion:
    found = _assistant_fields(record)
    found.pop("updated_at")
    return models.LgAssistantVersion(**found)


def _assistant_fields(record: AssistantRecord) -> dict[str, Any]:
    return {f: getattr(record, f) for f in AssistantRecord.__slots__}


def cron(record: CronRecord) -> models.LgCron:
    return models.LgCron(**_cron_fields(record))


def cron_fields(record: CronRecord, select: list[str] | None) -> models.LgCronFields:
    found = _cron_fields(record)
    found["now"] = datetime.now(UTC)
    return models.LgCronFields(**{k: v for k, v in found.items() if not select or k in select})


def _cron_fields(record: CronRecord) -> dict[str, Any]:
    found = {f: getattr(record, f) for f in CronRecord.__slots__ if f != "owner"}
    found["user_id"] = record.owner or None
    return found


def graph_schema(a: Agent, graph_id: str) -> models.LgGraphSchema:
    graph = graph_of(a)
    if graph is not None:
        return models.LgGraphSchema(graph_id=graph_id, **graph_schemas(graph))
    return models.LgGraphSchema(
        graph_id=graph_id,
        input_schema=a.input_schema,
        output_schema=a.output_schema,
        state_schema=a.state_schema,
        config_schema=a.config_schema,
        context_schema=None,
    )


def subgraphs(a: Agent, found: dict[str, dict[str, Any]]) -> models.LgSubgraphs:
    return models.LgSubgraphs(
        {ns: models.LgGraphSchema(graph_id=a.agent_id, **schemas) for ns, schemas in found.items()}
    )


def interrupts(pending: list[dict[str, Any]]) -> list[models.LgInterrupt]:
    return [models.LgInterrupt(id=i["id"], value=i.get("value")) for i in pending or ()]


def thread(record: ThreadRecord) -> models.LgThread:
    return models.LgThread(
        thread_id=record.thread_id,
        created_at=record.created_at,
        updated_at=record.updated_at,
        metadata=record.metadata,
        status=models.Status(record.status),
        # A thread without a checkpoint has no state yet: null, as LangGraph shows it.
        values=record.values if record.head_checkpoint_id is not None else None,
        interrupts={i.id: [i] for i in interrupts(record.interrupts)},
    )


def thread_fields(
    record: ThreadRecord, select: list[str] | None, extracted: dict[str, Any] | None
) -> models.LgThreadFields:
    found = thread(record).model_dump(exclude_unset=True)
    if select:
        found = {k: v for k, v in found.items() if k in select}
    if extracted is not None:
        found["extracted"] = extracted
    return models.LgThreadFields(**found)


def checkpoint(thread_id: Any, checkpoint_id: Any) -> models.LgCheckpoint:
    return models.LgCheckpoint(
        thread_id=str(thread_id), checkpoint_ns="", checkpoint_id=str(checkpoint_id)
    )


def state_metadata(record: CheckpointRecord) -> dict[str, Any]:
    """A checkpoint's metadata as LangGraph shows it (with the run that wrote it)."""
    return {**record.metadata, **({"run_id": str(record.run_id)} if record.run_id else {})}


def thread_state(
    record: CheckpointRecord | None, thread_id: Any, snapshot: Any = None
) -> models.LgThreadState:
    """A checkpoint as a StateSnapshot; None: the empty state of a thread without one.
    `snapshot`: the graph's StateSnapshot of the same checkpoint (its tasks are shown)."""
    if record is None:
        return models.LgThreadState(
            values={}, next=[], tasks=[], checkpoint=checkpoint(thread_id, ""), metadata={},
            interrupts=[],
        )  # fmt: skip
    pending = interrupts(record.interrupts)
    parent = record.parent_checkpoint_id
    return models.LgThreadState(
        values=record.values,
        next=record.metadata.get("next") or [],
        tasks=graph_tasks(snapshot)
        if snapshot is not None
        else [{"id": i.id, "name": "interrupt", "interrupts": [i.model_dump()]} for i in pending],
        checkpoint=checkpoint(record.thread_id, record.checkpoint_id),
        parent_checkpoint=checkpoint(record.thread_id, parent) if parent else None,
        metadata=state_metadata(record),
        created_at=record.created_at,
        interrupts=pending,
    )


def snapshot_state(snapshot: Any) -> models.LgThreadState:
    """A graph's own StateSnapshot (a subgraph's checkpoint), as LangGraph's server shows
    it: LangGraph's checkpoint ids, its metadata, its tasks."""
    return models.LgThreadState(
        values=jsonable(snapshot.values) if isinstance(snapshot.values, dict) else {},
        next=list(snapshot.next),
        tasks=graph_tasks(snapshot),
        checkpoint=_graph_checkpoint(snapshot.config) or checkpoint("", ""),
        parent_checkpoint=_graph_checkpoint(snapshot.parent_config),
        metadata=jsonable(snapshot.metadata or {}),
        created_at=snapshot.created_at,
        interrupts=[_graph_interrupt(i) for i in getattr(snapshot, "interrupts", ())],
    )


def graph_tasks(snapshot: Any) -> list[dict[str, Any]]:
    """A StateSnapshot's tasks as LangGraph's server shows them: a task running a subgraph
    carries the subgraph's checkpoint, or its state when the read asked for subgraphs."""
    from langgraph.types import StateSnapshot

    return [
        {
            "id": t.id,
            "name": t.name,
            "path": jsonable(t.path),
            "error": None if t.error is None else str(t.error),
            "interrupts": [_graph_interrupt(i).model_dump() for i in t.interrupts],
            "checkpoint": jsonable(t.state["configurable"])
            if t.state is not None and not isinstance(t.state, StateSnapshot)
            else None,
            "state": snapshot_state(t.state).model_dump(mode="json", exclude_unset=True)
            if isinstance(t.state, StateSnapshot)
            else None,
            "result": jsonable(getattr(t, "result", None)),
        }
        for t in snapshot.tasks
    ]


def _graph_interrupt(interrupt: Any) -> models.LgInterrupt:
    return models.LgInterrupt(id=interrupt.id, value=jsonable(interrupt.value))


def _graph_checkpoint(config: Any) -> models.LgCheckpoint | None:
    configurable = (config or {}).get("configurable") or {}
    if not configurable.get("checkpoint_id"):
        return None
    extra = {k: jsonable(configurable[k]) for k in ("checkpoint_map",) if k in configurable}
    return models.LgCheckpoint(
        thread_id=str(configurable.get("thread_id", "")),
        checkpoint_ns=configurable.get("checkpoint_ns") or "",
        checkpoint_id=str(configurable["checkpoint_id"]),
        **extra,
    )


def run(record: RunRecord) -> models.LgRun:
    kwargs: dict[str, Any] = {
        "input": record.input,
        "config": record.config,
        "stream_mode": record.stream_mode,
    }
    if record.resume:
        kwargs["command"] = {"resume": {a["id"]: a["value"] for a in record.resume}}
    return models.LgRun(
        run_id=record.run_id,
        thread_id=record.thread_id,
        assistant_id=(record.config.get("configurable") or {}).get("assistant_id")
        or str(default_id(record.agent_id)),
        created_at=record.created_at,
        updated_at=record.updated_at,
        status=models.LgRunStatus(run_status(record.status, record.stop_reason)),
        metadata=record.metadata,
        multitask_strategy=record.multitask_strategy,
        kwargs=kwargs,
    )


def output(ended: Ended) -> dict[str, Any]:
    """What `/wait` and `/join` return: the thread's values when the run ended; with
    `__interrupt__` when it stopped on an interrupt; `{"__error__": ...}` when it failed."""
    record = ended.run
    if record is None:  # erased by a rollback
        return {}
    if record.status == RunStatus.ERROR:
        error = record.error or {}
        return {"__error__": {"error": error.get("type"), "message": error.get("message")}}
    result = dict((record.output or {}).get("values") or {})
    pending = (record.output or {}).get("interrupts")
    if pending and record.status == RunStatus.INTERRUPTED and record.stop_reason is None:
        result["__interrupt__"] = [i.model_dump() for i in interrupts(pending)]
    return result


def event_seq(last_event_id: str | None) -> int | None:
    """The stored event a `Last-Event-ID` names: its leading number (`12`, `12-0`); 0 (replay
    everything) for an id that does not start with one; None without one (join live)."""
    if last_event_id is None:
        return None
    digits = len(last_event_id) - len(last_event_id.lstrip("0123456789"))
    return int(last_event_id[:digits][:9]) if digits else 0


def events(
    e: Event,
    run: RunRecord,
    values: dict[str, Any] | None = None,
    *,
    stopped_at_nodes: bool = False,
) -> list[Event]:
    """One of our stream events as the SDK reads it: the interrupt that ends a run is
    `__interrupt__` in an `updates` event and, with the state (`values`), in a `values`
    event, for the modes the run asked. A run that ends interrupted with no question
    (`stopped_at_nodes`: a graph at its `interrupt_before`/`interrupt_after` nodes) gets
    an empty `__interrupt__` in an `updates` event before its end, as LangGraph's server
    streams it."""
    ended = e.data if e.event == "end" and isinstance(e.data, dict) else {}
    if (
        stopped_at_nodes
        and ended.get("status") == RunStatus.INTERRUPTED
        and ended.get("stop_reason") is None
        and "updates" in run.stream_mode
    ):
        at_nodes = Event("updates", {"__interrupt__": []}, e.id)
        return [at_nodes, event(e, str(run.run_id), str(run.thread_id))]
    if e.event == "interrupt":
        asked = {"__interrupt__": [i.model_dump() for i in interrupts(e.data)]}
        return [
            Event(mode, {**(values or {}), **asked} if mode == "values" else asked, e.id)
            for mode in ("updates", "values")
            if mode in run.stream_mode
        ]
    return [event(e, str(run.run_id), str(run.thread_id))]


def event(e: Event, run_id: str, thread_id: str) -> Event:
    """One of our stream events as the LangGraph SDK reads it (same id, to rejoin)."""
    name, data = e.event, e.data
    if name == "metadata":
        data = {"run_id": run_id, "thread_id": thread_id, "attempt": 1}
    elif name == "interrupt":
        name, data = "updates", {"__interrupt__": [i.model_dump() for i in interrupts(data)]}
    elif name == "error":
        data = {"error": (data or {}).get("type"), "message": (data or {}).get("message")}
    elif name == "end":
        data = {
            "run_id": run_id,
            "status": run_status(str((data or {}).get("status")), (data or {}).get("stop_reason")),
        }
    elif name == "messages" and isinstance(data, dict):  # a native agent's message
        data = [data, {}]
    return Event(name, data, e.id)


def run_path(record: RunRecord) -> str:
    return f"{PREFIX}/threads/{record.thread_id}/runs/{record.run_id}"
