"""LangGraph's checkpointer over our tables: one checkpoint per graph step, ours.

A graph's checkpoint of a step the run writes as ours travels with that step: while a run
streams, the checkpoints LangGraph puts for its root namespace are *offered* to the run
(`RunCheckpoints`), which takes each with the stream's chunk of the same checkpoint and
writes it on its own checkpoint of that step (one row, one statement: storage/hot.py).
What else the graph writes at its root while the run streams (a checkpoint that is no step
of ours, its tasks' pending writes) is gathered and written in one statement when the
stream ends (done, interrupted or failed; not when the run is cancelled or its process
dies: the step in flight is then redone, as a node in flight always is). LangGraph reads a
checkpoint's pending writes only when it starts from that checkpoint, so nothing it reads
during the run is missing. Every other checkpoint and write (a subgraph's, those
`update_state` makes, those of a run before it streams) is written at once
(storage/graphs.py). All carry the run that wrote them, so a rollback erases them with it.

A checkpoint is stored as the serialiser's `(type, bytes)` of `{checkpoint, metadata,
parent}`. LangGraph's own saver splits channel values into versioned blobs to write each
only when it changed; ours writes the step's state anyway (our checkpoint's `values`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    WRITES_IDX_MAP,
    BaseCheckpointSaver,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
    get_checkpoint_id,
    get_checkpoint_metadata,
    writes_sort_key,
)

from ..storage.graphs import Batch, GraphCheckpointStore, StoredGraphCheckpoint

log = logging.getLogger("ap_server.langgraph")

PUT_WAIT = 10.0
"""Seconds a run waits for the graph to put a checkpoint it streamed (it puts it in the
background, at once: only a LangGraph that streams one it does not put makes this wait)."""

Saved = tuple[str, bytes]
"""A serialised checkpoint: the serialiser's type and bytes."""


class RunCheckpoints:
    """The root checkpoints a streaming run's graph puts, handed to the run by id; what
    else its graph writes at the root (a checkpoint with no step of ours, its tasks'
    pending writes) gathered for one statement at the run's end (`flush`)."""

    def __init__(
        self, store: GraphCheckpointStore, thread_id: uuid.UUID, run_id: uuid.UUID
    ) -> None:
        self.store = store
        self.thread_id = thread_id
        self.run_id = run_id
        self.streaming = False  # offered to the run (else written at once, with its id)
        self.batch = Batch()  # written by `flush`
        self._offered: dict[str, asyncio.Future[Saved]] = {}
        self._taken: list[str] = []
        self._loaded: set[str] = set()  # stored already: the graph read them
        # The checkpoint the graph read by id, when it is the newest and nothing was put
        # since: LangGraph then asks for the newest (is the one it read superseded?).
        self.newest: CheckpointTuple | None = None

    def _future(self, checkpoint_id: str) -> asyncio.Future[Saved]:
        found = self._offered.get(checkpoint_id)
        if found is None:
            found = self._offered[checkpoint_id] = asyncio.get_running_loop().create_future()
        return found

    def offer(self, checkpoint_id: str, saved: Saved) -> None:
        self.newest = None
        future = self._future(checkpoint_id)
        if not future.done():
            future.set_result(saved)

    def loaded(self, checkpoint_id: str) -> None:
        self._loaded.add(checkpoint_id)

    async def take(self, checkpoint_id: str) -> Saved | None:
        """The checkpoint the graph put under this id (it puts it in the background: the
        stream's chunk may come first); None for one it read (stored already: a resumed
        graph streams the checkpoint it goes on from). Kept readable (`peek`) until the
        next one is taken, for the run writes its steps behind it."""
        future = self._offered.get(checkpoint_id)
        if checkpoint_id in self._loaded and (future is None or not future.done()):
            return None
        try:  # a bound for a LangGraph that streamed a checkpoint it neither read nor put:
            # the step is then written without it (a later put is kept by `flush`)
            saved = await asyncio.wait_for(asyncio.shield(self._future(checkpoint_id)), PUT_WAIT)
        except TimeoutError:
            log.warning("graph checkpoint %s was streamed but not put", checkpoint_id)
            return None
        for old in self._taken:
            self._offered.pop(old, None)
        self._taken = [checkpoint_id]
        return saved

    def peek(self, checkpoint_id: str | None) -> Saved | None:
        """A checkpoint of the run's not written yet (None if there is none such)."""
        if checkpoint_id is None:
            return None
        if (kept := self.batch.checkpoints.get(("", checkpoint_id))) is not None:
            return kept
        future = self._offered.get(checkpoint_id)
        return future.result() if future is not None and future.done() else None

    def keep(self, checkpoint_id: str) -> None:
        """The run took this checkpoint but writes no step of its own for it: `flush`."""
        if (saved := self.peek(checkpoint_id)) is not None:
            self.batch.checkpoint("", checkpoint_id, saved)

    async def flush(self) -> None:
        """Write what was gathered, and what was offered and not taken (a checkpoint with
        no chunk of its own), in one statement."""
        for checkpoint_id, future in self._offered.items():
            if future.done() and checkpoint_id not in self._taken:
                self.batch.checkpoint("", checkpoint_id, future.result())
        batch, self.batch = self.batch, Batch()
        await self.store.save(self.thread_id, self.run_id, batch)


class ServerSaver(BaseCheckpointSaver[str]):
    """A graph's checkpointer on our tables (async only, as the server runs graphs)."""

    def __init__(self, store: GraphCheckpointStore, serde: Any) -> None:
        super().__init__(serde=serde)
        self.store = store
        self._runs: dict[str, RunCheckpoints] = {}  # thread id -> its running run's

    @contextlib.contextmanager
    def running(self, thread_id: uuid.UUID, run_id: uuid.UUID) -> Iterator[RunCheckpoints]:
        """While a run of the thread executes here (one at a time, by the engine's rule)."""
        key = str(thread_id)
        self._runs[key] = run = RunCheckpoints(self.store, thread_id, run_id)
        try:
            yield run
        finally:
            if self._runs.get(key) is run:
                del self._runs[key]

    # -- BaseCheckpointSaver ------------------------------------------------------------

    async def aget_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        thread_id, ns = _where(config)
        checkpoint_id = get_checkpoint_id(config)
        run = self._runs.get(thread_id)
        if run is not None and not ns and (saved := run.peek(checkpoint_id)) is not None:
            # a checkpoint of the run's not written yet: its writes, stored or gathered
            stored = await self.store.find(_uuid(thread_id), ns, checkpoint_id=checkpoint_id)
            writes = (stored[0].writes if stored else []) + run.batch.stored_writes(
                ns, checkpoint_id or ""
            )
            return self._tuple(
                thread_id, ns, StoredGraphCheckpoint(checkpoint_id or "", *saved, writes)
            )
        if run is not None and not ns and checkpoint_id is None and run.newest is not None:
            newest, run.newest = run.newest, None  # answered once
            return newest
        rows = await self.store.find(_uuid(thread_id), ns, checkpoint_id=checkpoint_id, limit=1)
        if not rows:
            return None
        found = self._tuple(thread_id, ns, rows[0])
        if run is not None and not ns:
            run.loaded(rows[0].checkpoint_id)
            run.newest = found if rows[0].newest else None
        return found

    async def alist(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[CheckpointTuple]:
        if config is None:
            raise NotImplementedError("the server lists one thread's checkpoints at a time")
        thread_id, ns = _where(config)
        rows = await self.store.find(
            _uuid(thread_id),
            ns,
            checkpoint_id=get_checkpoint_id(config),
            before=get_checkpoint_id(before) if before else None,
            limit=None if filter else limit,
        )
        count = 0
        for row in rows:
            found = self._tuple(thread_id, ns, row)
            if filter and any(found.metadata.get(k) != v for k, v in filter.items()):
                continue
            yield found
            count += 1
            if limit is not None and count >= limit:
                return

    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        thread_id, ns = _where(config)
        saved = self.serde.dumps_typed(
            {
                "checkpoint": checkpoint,
                "metadata": get_checkpoint_metadata(config, metadata),
                "parent": get_checkpoint_id(config),
            }
        )
        run = self._runs.get(thread_id)
        if run is not None:
            run.newest = None
        if run is not None and run.streaming and not ns:
            run.offer(checkpoint["id"], saved)
        else:
            batch = Batch()
            batch.checkpoint(ns, checkpoint["id"], saved)
            await self.store.save(_uuid(thread_id), run.run_id if run else None, batch)
        return _config(thread_id, ns, checkpoint["id"])

    async def aput_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str = "",
    ) -> None:
        thread_id, ns = _where(config)
        run = self._runs.get(thread_id)
        if run is not None:
            run.newest = None
        gathering = run is not None and run.streaming and not ns
        batch = run.batch if run is not None and gathering else Batch()
        batch.write(
            ns,
            str(config["configurable"]["checkpoint_id"]),
            (task_id, task_path),
            [
                (WRITES_IDX_MAP.get(channel, idx), channel, *self.serde.dumps_typed(value))
                for idx, (channel, value) in enumerate(writes)
            ],
            replace=all(channel in WRITES_IDX_MAP for channel, _ in writes),
        )
        if not gathering:
            await self.store.save(_uuid(thread_id), run.run_id if run else None, batch)

    def get_next_version(self, current: str | None, channel: None) -> str:
        """Versions as LangGraph's savers make them: a counter, then a random part."""
        number = 0 if current is None else int(str(current).split(".")[0])
        return f"{number + 1:032}.{random.random():016}"

    # -- reading back -------------------------------------------------------------------

    def _tuple(self, thread_id: str, ns: str, row: StoredGraphCheckpoint) -> CheckpointTuple:
        saved = self.serde.loads_typed((row.type, row.checkpoint))
        writes = sorted(row.writes, key=lambda w: writes_sort_key(w.task_path, w.task_id, w.idx))
        parent = saved.get("parent")
        return CheckpointTuple(
            config=_config(thread_id, ns, row.checkpoint_id),
            checkpoint=saved["checkpoint"],
            metadata=saved["metadata"],
            parent_config=_config(thread_id, ns, parent) if parent else None,
            pending_writes=[
                (w.task_id, w.channel, self.serde.loads_typed((w.type, w.value))) for w in writes
            ],
        )


def _where(config: RunnableConfig) -> tuple[str, str]:
    configurable = config["configurable"]
    return str(configurable["thread_id"]), str(configurable.get("checkpoint_ns") or "")


def _uuid(thread_id: str) -> uuid.UUID:
    return uuid.UUID(thread_id)


def _config(thread_id: str, ns: str, checkpoint_id: str) -> RunnableConfig:
    return {
        "configurable": {
            "thread_id": thread_id,
            "checkpoint_ns": ns,
            "checkpoint_id": checkpoint_id,
        }
    }
