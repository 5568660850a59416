"""LangGraph threads (tag LangGraph): translations onto the same threads and checkpoints as
the Agent Protocol's, plus what only LangGraph clients ask for (count, prune, `select`,
`extract`, `ttl`, `supersteps`)."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING, Any

from ap_generated import models

from ..agents import Agent
from ..errors import Invalid, NotFound
from ..storage.threads import CheckpointRecord, ThreadRecord
from . import views
from .fields import not_supported
from .graph import (
    CHECKPOINT_KEY,
    ROLES,
    UPDATE_KEY,
    graph_history,
    graph_state,
    graph_update_state,
)

if TYPE_CHECKING:
    from ..engine.services import Services

_STEP = re.compile(r"([^.\[\]]+)|\[(-?\d+)\]")


class LgThreadsApi:
    services: Services

    async def lg_create_thread(
        self, params: models.LgCreateThreadParams, body: models.LgThreadCreate
    ) -> models.LgThread:
        updates = [u for step in body.supersteps or () for u in step.updates]
        if any(u.command is not None for u in updates):
            raise not_supported(["supersteps.updates.command"])
        record = await self.services.threads.create(
            body.thread_id, body.metadata or {}, str(body.if_exists or "raise")
        )
        for u in updates:
            record = await self._lg_write_state(record.thread_id, u.values, u.as_node)
        if body.ttl is not None:
            await self.services.threads.expire_in(record.thread_id, body.ttl.ttl * 60)
        return views.thread(record)

    async def lg_search_threads(
        self, params: models.LgSearchThreadsParams, body: models.LgThreadSearch
    ) -> list[models.LgThreadFields]:
        if body.extract and len(body.extract) > 10:  # the spec's maxProperties
            raise Invalid(
                "extract: at most 10 paths", errors=[{"loc": ["extract"], "msg": "too many"}]
            )
        records = await self.services.threads.search(
            metadata=body.metadata,
            values=body.values,
            status=str(body.status) if body.status else None,
            limit=body.limit,
            offset=body.offset,
            ids=body.ids,
            sort_by=str(body.sort_by or "created_at"),
            sort_order=str(body.sort_order or "desc"),
        )
        select = [str(f) for f in body.select] if body.select else None
        return [views.thread_fields(r, select, _extracted(r, body.extract)) for r in records]

    async def lg_count_threads(
        self, params: models.LgCountThreadsParams, body: models.LgThreadCount
    ) -> int:
        return await self.services.threads.count(
            metadata=body.metadata,
            values=body.values,
            status=str(body.status) if body.status else None,
        )

    async def lg_prune_threads(
        self, params: models.LgPruneThreadsParams, body: models.LgThreadPrune
    ) -> models.LgPruneResult:
        pruned = await self.services.threads.prune(
            body.thread_ids, keep_latest=str(body.strategy or "delete") == "keep_latest"
        )
        return models.LgPruneResult(pruned_count=pruned)

    async def lg_get_thread(self, params: models.LgGetThreadParams) -> models.LgThread:
        return views.thread(await self.services.threads.get(params.thread_id))

    async def lg_patch_thread(
        self, params: models.LgPatchThreadParams, body: models.LgThreadPatch
    ) -> models.LgThread:
        if body.ttl is not None:
            await self.services.threads.expire_in(params.thread_id, body.ttl.ttl * 60)
        record = await self.services.threads.patch(
            params.thread_id, metadata=body.metadata, values=None, messages=None, checkpoint_id=None
        )
        return views.thread(record)

    async def lg_delete_thread(self, params: models.LgDeleteThreadParams) -> None:
        await self.services.threads.delete(params.thread_id)

    async def lg_copy_thread(self, params: models.LgCopyThreadParams) -> models.LgThread:
        return views.thread(await self.services.threads.copy(params.thread_id))

    async def lg_get_state(self, params: models.LgGetStateParams) -> models.LgThreadState:
        _refuse_select(params.select)
        latest = await self.services.threads.history(params.thread_id, limit=1, before=None)
        record = latest[0] if latest else None
        return await self._lg_state(record, params.thread_id, bool(params.subgraphs))

    async def lg_get_state_at(self, params: models.LgGetStateAtParams) -> models.LgThreadState:
        _refuse_select(params.select)
        record = await self.services.threads.checkpoint(params.thread_id, params.checkpoint_id)
        return await self._lg_state(record, params.thread_id, bool(params.subgraphs))

    async def lg_get_state_at_checkpoint(
        self, params: models.LgGetStateAtCheckpointParams, body: models.LgStateAtCheckpoint
    ) -> models.LgThreadState:
        _refuse_select(body.select)
        if body.checkpoint.checkpoint_ns:  # a subgraph's: LangGraph's own checkpoint
            agent = await self._lg_thread_graph(params.thread_id, body.checkpoint.checkpoint_id)
            try:
                snapshot = await graph_state(
                    agent,
                    params.thread_id,
                    str(body.checkpoint.checkpoint_id),
                    body.checkpoint.checkpoint_ns,
                    bool(body.subgraphs),
                )
            except ValueError:  # the namespace names no subgraph of the graph
                snapshot = None
            if snapshot is None or snapshot.created_at is None:  # no such checkpoint
                raise _no_checkpoint(body.checkpoint.checkpoint_id)
            return views.snapshot_state(snapshot)
        record = await self.services.threads.checkpoint(
            params.thread_id, checkpoint_id(body.checkpoint)
        )
        return await self._lg_state(record, params.thread_id, bool(body.subgraphs))

    async def _lg_state(
        self, record: CheckpointRecord | None, thread_id: uuid.UUID, subgraphs: bool
    ) -> models.LgThreadState:
        """One of our checkpoints as a state; a graph's shows the graph's tasks (with their
        subgraphs' states when asked), from the graph's checkpoint of the same state."""
        if record is None:
            return views.thread_state(None, thread_id)
        return (await self._lg_states([record], thread_id, subgraphs))[0]

    async def _lg_states(
        self, records: list[CheckpointRecord], thread_id: uuid.UUID, subgraphs: bool = False
    ) -> list[models.LgThreadState]:
        """Checkpoints as states (see _lg_state); the graph read once per graph checkpoint."""
        agents: dict[uuid.UUID, Agent | None] = {}
        snapshots: dict[str, Any] = {}
        states = []
        for record in records:
            graph_checkpoint = record.metadata.get(CHECKPOINT_KEY)
            run_id = record.run_id
            if graph_checkpoint and run_id is not None:
                if run_id not in agents:
                    agents[run_id] = await self._lg_run_agent(run_id)
                agent = agents[run_id]
                key = f"{run_id}/{graph_checkpoint}"
                if agent is not None and key not in snapshots:
                    found = await graph_state(
                        agent, thread_id, str(graph_checkpoint), subgraphs=subgraphs
                    )
                    # None when the graph has no such checkpoint under this thread (a
                    # copied thread's): our own record's tasks then.
                    snapshots[key] = found if found and found.created_at else None
                states.append(views.thread_state(record, thread_id, snapshots.get(key)))
            else:
                states.append(views.thread_state(record, thread_id))
        return states

    async def _lg_run_agent(self, run_id: uuid.UUID) -> Agent | None:
        """The agent of a run (None: the run, or its agent, is gone)."""
        try:
            return self.services.agents.get((await self.services.runs.get(run_id)).agent_id)
        except NotFound:
            return None

    async def _lg_thread_graph(self, thread_id: uuid.UUID, checkpoint: object) -> Agent:
        """The graph whose checkpoints the thread has (its latest run's); a 404 (no such
        `checkpoint`) when none."""
        await self.services.threads.get(thread_id)
        runs = await self.services.runs.search(
            thread_id=thread_id, agent_id=None, status=None, metadata=None, limit=1, offset=0
        )
        ids = self.services.agents.ids()
        if not runs or runs[0].agent_id not in ids:
            raise _no_checkpoint(checkpoint)
        return self.services.agents.get(runs[0].agent_id)

    async def lg_update_state(
        self, params: models.LgUpdateStateParams, body: models.LgStateUpdate
    ) -> models.LgStateUpdateResponse:
        if body.checkpoint is not None and body.checkpoint.checkpoint_ns:  # a subgraph's
            return await self._lg_update_subgraph(params.thread_id, body, body.checkpoint)
        base = checkpoint_id(body.checkpoint) if body.checkpoint else body.checkpoint_id
        record = await self._lg_write_state(params.thread_id, body.values, body.as_node, base)
        return models.LgStateUpdateResponse(
            checkpoint=views.checkpoint(record.thread_id, record.head_checkpoint_id or "")
        )

    async def _lg_update_subgraph(
        self, thread_id: uuid.UUID, body: models.LgStateUpdate, ref: models.LgCheckpointRef
    ) -> models.LgStateUpdateResponse:
        """A subgraph's state, updated at once in the graph's own checkpoints (the thread
        locked meanwhile, so no run starts under it; 409 when one is active): the root's
        state is unchanged, and the graph's next run goes on from the subgraph's new
        checkpoint. The subgraph's new checkpoint, as LangGraph's server answers."""
        values = dict(body.values or {})
        if isinstance(values.get("messages"), list):
            values["messages"] = chat_messages(values["messages"])
        agent = await self._lg_thread_graph(thread_id, ref.checkpoint_ns)
        async with self.services.threads.held_idle(thread_id):
            try:
                found = await graph_update_state(
                    agent,
                    thread_id,
                    ref.model_dump(mode="json", exclude_none=True),
                    values,
                    body.as_node,
                )
            except ValueError as exc:  # no such subgraph or node; an update it cannot take
                raise Invalid(
                    f"cannot update the subgraph's state at {ref.checkpoint_ns!r}: {exc}",
                    code="invalid_update",
                    errors=[{"loc": ["checkpoint", "checkpoint_ns"], "msg": str(exc)}],
                ) from None
        return models.LgStateUpdateResponse(checkpoint=models.LgCheckpoint(**found))

    async def _lg_write_state(
        self,
        thread_id: uuid.UUID,
        values: dict[str, Any] | None,
        as_node: str | None,
        base: uuid.UUID | None = None,
    ) -> ThreadRecord:
        """A state update as a new checkpoint (LangChain message forms read as messages),
        remembered for the graph's next run (`UPDATE_KEY`)."""
        values = dict(values or {})
        if isinstance(values.get("messages"), list):
            values["messages"] = chat_messages(values["messages"])
        return await self.services.threads.patch(
            thread_id,
            metadata=None,
            values=values,
            messages=None,
            checkpoint_id=base,
            checkpoint_metadata={UPDATE_KEY: {"values": values, "as_node": as_node}},
        )

    async def lg_list_history(
        self, params: models.LgListHistoryParams
    ) -> list[models.LgThreadState]:
        """GET: LangGraph's server serves it too (`limit` and `before` in the query)."""
        records = await self.services.threads.history(
            params.thread_id, limit=params.limit, before=params.before
        )
        return await self._lg_states(records, params.thread_id)

    async def lg_get_history(
        self, params: models.LgGetHistoryParams, body: models.LgHistoryRequest
    ) -> list[models.LgThreadState]:
        _refuse_select(body.select)
        before = (
            body.before.checkpoint_id
            if isinstance(body.before, models.LgCheckpointRef)
            else body.before
        )
        if body.checkpoint is not None and body.checkpoint.checkpoint_ns:  # a subgraph's
            ns = body.checkpoint.checkpoint_ns
            agent = await self._lg_thread_graph(params.thread_id, ns)
            try:
                snapshots = await graph_history(
                    agent,
                    params.thread_id,
                    body.checkpoint.model_dump(mode="json", exclude_none=True),
                    body.limit,
                    str(before) if before else None,
                )
            except ValueError:  # the namespace names no subgraph of the graph
                raise _no_checkpoint(ns) from None
            states = [views.snapshot_state(s) for s in snapshots]
            wanted = (body.metadata or {}).items()
            return [s for s in states if wanted <= s.metadata.items()]
        # The root graph's checkpoint: the thread's whole history, as without it.
        # Filtered by metadata: from a longer stretch of the chain, then `limit` of them.
        records = await self.services.threads.history(
            params.thread_id, limit=1000 if body.metadata else body.limit, before=before
        )
        if body.metadata:
            wanted = body.metadata.items()
            records = [r for r in records if wanted <= views.state_metadata(r).items()]
        return await self._lg_states(records[: body.limit], params.thread_id)


def chat_messages(messages: list[Any]) -> list[Any]:
    """Messages in the forms LangChain accepts, as ours (`role` and `content`): a dict with
    LangChain's `type`, a `[role, content]` pair, a bare string (from the user)."""
    found = []
    for m in messages:
        if isinstance(m, str):
            m = {"role": "user", "type": "human", "content": m}
        elif isinstance(m, list) and len(m) == 2 and all(isinstance(p, str) for p in m):
            m = {"role": ROLES.get(m[0], m[0]), "type": m[0], "content": m[1]}
        elif isinstance(m, dict) and "role" not in m and m.get("type") is not None:
            m = {"role": ROLES.get(m["type"], m["type"]), **m}
        found.append(m)
    return found


def _extracted(record: Any, paths: dict[str, str] | None) -> dict[str, Any] | None:
    if not paths:
        return None
    return {name: _follow(record, path) for name, path in paths.items()}


def _follow(record: Any, path: str) -> Any:
    """`values.messages[-1].content` of a thread (None where it leads nowhere)."""
    steps = _STEP.findall(path)
    if not steps or steps[0][0] not in ("values", "metadata", "interrupts"):
        raise Invalid(
            f"extract path {path!r} must start with values, metadata or interrupts",
            errors=[{"loc": ["extract"], "msg": "bad path"}],
        )
    node: Any = getattr(record, steps[0][0])
    for key, index in steps[1:]:
        try:
            node = node[int(index)] if index else node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def checkpoint_id(ref: models.LgCheckpointRef) -> uuid.UUID:
    """The id of one of the thread's checkpoints the SDK names; a subgraph's is refused
    where only the root graph's can be used (a run's start)."""
    if ref.checkpoint_ns:
        raise not_supported(["checkpoint.checkpoint_ns"], " (a subgraph's checkpoint here)")
    return ref.checkpoint_id


def _refuse_select(select: Any) -> None:
    """`select` on state reads: LangGraph's server ignores it; here it is a 422."""
    if select:
        raise not_supported(["select"], " (LangGraph's server ignores it on state reads)")


def _no_checkpoint(checkpoint: object) -> NotFound:
    return NotFound("checkpoint", checkpoint, code="checkpoint_not_found")
