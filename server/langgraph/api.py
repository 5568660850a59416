"""The LangGraph SDK's paths (tag LangGraph, under /langgraph): thin translations onto the
same threads, runs and store as the Agent Protocol handlers. No engine of their own."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from typing import Any

from ap_generated import models

from .. import state
from ..agents import Agent
from ..domain.states import MultitaskStrategy
from ..engine.service import Ended, NewRun, RunRecord, RunService
from ..engine.services import Services
from ..errors import Invalid, NotFound
from ..info import server_info
from ..keepalive import Pending
from ..routing import Reply, until_disconnect
from ..sse import Event
from ..storage.runs import START_CHECKPOINT, Transaction
from ..webhooks import check_target
from . import views
from .assistants import merged_config
from .crons import CronsApi
from .fields import (
    GRAPH_FIELDS,
    GRAPH_ONLY_MODES,
    interrupt_nodes,
    not_supported,
    refuse_modes,
    refuse_unhonoured,
)
from .graph import COMMAND, STATIC_INTERRUPTS, STREAM_MODES, SUBGRAPHS, is_graph_agent
from .threads import LgThreadsApi, chat_messages, checkpoint_id

ALL_MODES = ("values", "updates", "messages", "custom")
MODES = {m: m for m in ("values", "updates", "custom", "messages", *GRAPH_ONLY_MODES)}
MODES["messages-tuple"] = "messages"
RESERVED = {START_CHECKPOINT, COMMAND, STREAM_MODES, SUBGRAPHS, *STATIC_INTERRUPTS.values()}
"""Keys of a run's config the server sets from the run's fields (a client's would bypass
their checks: a start checkpoint not on the thread, a question not abandoned on purpose)."""


class LangGraphApi(CronsApi, LgThreadsApi):
    """The LangGraph operations: requests translated onto the run engine's service and
    the stores, responses shaped by views.py."""

    services: Services

    @property
    def _runs(self) -> RunService:
        return self.services.runs

    # -- runs: creating ----------------------------------------------------------------

    async def _lg_new_run(
        self, thread_id: uuid.UUID | None, body: models.LgRunCreate, default_modes: tuple[str, ...]
    ) -> NewRun:
        refuse_unhonoured(body)
        assistant, agent = await self._lg_assistant(body.assistant_id)
        if body.webhook:
            check_target(body.webhook, allow_private=self.services.settings.webhook_allow_private)
        config, context = merged_config(assistant, body.config, body.context)
        if reserved := sorted(set(config) & RESERVED):  # the server's own keys, not a client's
            raise Invalid(
                f"config keys {', '.join(reserved)} are the server's own",
                errors=[{"loc": ["config", k], "msg": "reserved"} for k in reserved],
            )
        if context:
            config["context"] = context
        command = body.command
        is_resume = command is not None and "resume" in command.model_fields_set
        if is_resume and await self._lg_stopped_at_nodes(thread_id):
            is_resume = False  # as LangGraph's server: the resume goes on, its value unused
        if command is not None and (command.update is not None or command.goto is not None):
            if not is_graph_agent(agent):
                raise Invalid(
                    f"`command.update` and `command.goto` need a LangGraph graph; "
                    f"{agent.agent_id} is not one",
                    code="command_not_supported",
                    errors=[{"loc": ["command"], "msg": "not supported by this agent"}],
                )
            config[COMMAND] = {"update": command.update, "goto": command.goto}
        modes = getattr(body.stream_mode, "root", body.stream_mode)  # one mode, or a list
        if modes is None:
            wanted = default_modes
        else:
            wanted = tuple(
                str(getattr(m, "value", m)) for m in (modes if isinstance(modes, list) else [modes])
            )
        refuse_modes(wanted, is_graph_agent(agent))
        config.update(await self._lg_graph_fields(thread_id, body, agent))
        if extra := [m for m in wanted if m in GRAPH_ONLY_MODES]:
            config[STREAM_MODES] = extra  # the graph streams these too
        if body.stream_subgraphs and is_graph_agent(agent):
            config[SUBGRAPHS] = True  # its subgraphs' events, named `mode|namespace`
        stream_mode = tuple(dict.fromkeys(MODES[m] for m in wanted if m in MODES)) or ("values",)
        graph_input, messages = body.input, None
        if not is_graph_agent(agent):
            graph_input, messages = _native_input(body.input)
        return NewRun(
            agent_id=agent.agent_id,
            thread_id=thread_id,
            if_not_exists=str(body.if_not_exists or "reject"),
            input=command.resume if command is not None and is_resume else graph_input,
            messages=None if is_resume else messages,
            metadata=body.metadata,
            config=config,
            stream_mode=stream_mode,
            webhook=body.webhook,
            multitask_strategy=MultitaskStrategy(str(body.multitask_strategy or "reject")),
            on_completion=str(body.on_completion) if body.on_completion else None,
            timeout_seconds=config.get("timeout")
            if isinstance(config.get("timeout"), (int, float))
            else None,
            is_resume=is_resume,
            after_seconds=body.after_seconds,
        )

    async def _lg_graph_fields(
        self, thread_id: uuid.UUID | None, body: models.LgRunCreate, agent: Agent
    ) -> dict[str, Any]:
        """What only a graph honours, for the run's config: the nodes to stop before or
        after, the checkpoint to start from (a 404 when the thread has no such one); for an
        agent that is not a graph, a 422 `not_supported` naming each field given."""
        given = [name for name in GRAPH_FIELDS if getattr(body, name) is not None]
        if not given:
            return {}
        if not is_graph_agent(agent):
            raise not_supported(given, " (for an agent that is not a graph)")
        found: dict[str, Any] = {}
        for name in ("interrupt_before", "interrupt_after"):
            if (nodes := interrupt_nodes(getattr(body, name))) is not None:
                found[STATIC_INTERRUPTS[name]] = nodes
        start = body.checkpoint_id
        if body.checkpoint is not None:
            start = checkpoint_id(body.checkpoint)
        if start is not None:
            if thread_id is None:
                raise Invalid(
                    "a stateless run has no checkpoint to start from",
                    errors=[{"loc": ["checkpoint_id"], "msg": "needs a thread"}],
                )
            await self.services.threads.checkpoint(thread_id, start)  # 404 if unknown
            found[START_CHECKPOINT] = str(start)
        return found

    async def _lg_stopped_at_nodes(self, thread_id: uuid.UUID | None) -> bool:
        """Whether the thread is interrupted with no question pending (a graph stopped
        at `interrupt_before`/`interrupt_after` nodes)."""
        if thread_id is None:
            return False
        try:
            thread = await self.services.threads.get(thread_id)
        except NotFound:
            return False
        return thread.status == "interrupted" and not thread.interrupts

    async def _lg_start(
        self,
        thread_id: uuid.UUID | None,
        body: models.LgRunCreate,
        modes: tuple[str, ...],
        within: Transaction | None = None,
    ) -> RunRecord:
        new = await self._lg_new_run(thread_id, body, modes)
        run = await self._runs.create(new, within=within)
        if thread_id is not None:  # as LangGraph's server does (Agent Chat UI searches it)
            configurable = (new.config or {}).get("configurable") or {}
            await self.services.threads.tag(
                thread_id,
                {
                    "graph_id": configurable["graph_id"],
                    "assistant_id": configurable["assistant_id"],
                },
                within,
            )
        return run

    def _lg_values(self, run: RunRecord) -> Callable[[], Awaitable[dict[str, Any]]]:
        async def values() -> dict[str, Any]:
            try:
                return (await self.services.threads.get(run.thread_id)).values
            except NotFound:  # a stateless run's thread, gone
                return {}

        return values

    async def _lg_create(
        self,
        thread_id: uuid.UUID | None,
        body: models.LgRunCreate,
        modes: tuple[str, ...] = ALL_MODES,
    ) -> Reply:
        run = await self._lg_start(thread_id, body, modes)
        return Reply(views.run(run), headers={"Content-Location": views.run_path(run)})

    async def _lg_stream(self, thread_id: uuid.UUID | None, body: models.LgRunCreate) -> Reply:
        run = await self._lg_start(thread_id, body, ("values",))
        events = self._runs.stream(run, 0, str(body.on_disconnect or "continue"))
        return Reply(
            _translated(events, run, self._lg_values(run)),
            headers={
                "Location": f"{views.run_path(run)}/stream",
                "Content-Location": views.run_path(run),
            },
        )

    async def _lg_wait(self, thread_id: uuid.UUID | None, body: models.LgRunCreate) -> Reply:
        run = await self._lg_start(thread_id, body, ALL_MODES)
        ended = self._runs.wait(run, str(body.on_disconnect or "continue"))
        return Reply(
            Pending(asyncio.ensure_future(_output(ended))),
            headers={
                "Location": f"{views.run_path(run)}/join",
                "Content-Location": views.run_path(run),
            },
        )

    async def lg_create_run(
        self, params: models.LgCreateRunParams, body: models.LgRunCreate
    ) -> Reply:
        return await self._lg_create(params.thread_id, body)

    async def lg_stream_run(
        self, params: models.LgStreamRunParams, body: models.LgRunCreate
    ) -> Reply:
        return await self._lg_stream(params.thread_id, body)

    @until_disconnect
    async def lg_wait_run(self, params: models.LgWaitRunParams, body: models.LgRunCreate) -> Reply:
        return await self._lg_wait(params.thread_id, body)

    async def lg_create_stateless_run(
        self, params: models.LgCreateStatelessRunParams, body: models.LgRunCreate
    ) -> Reply:
        return await self._lg_create(None, body)

    async def lg_stream_stateless_run(
        self, params: models.LgStreamStatelessRunParams, body: models.LgRunCreate
    ) -> Reply:
        return await self._lg_stream(None, body)

    @until_disconnect
    async def lg_wait_stateless_run(
        self, params: models.LgWaitStatelessRunParams, body: models.LgRunCreate
    ) -> Reply:
        return await self._lg_wait(None, body)

    # -- runs: reading, joining, stopping ----------------------------------------------

    async def _lg_run(self, thread_id: uuid.UUID, run_id: uuid.UUID) -> RunRecord:
        run = await self._runs.get(run_id)
        if run.thread_id != thread_id:
            raise NotFound("run", run_id)
        return run

    async def lg_list_runs(self, params: models.LgListRunsParams) -> list[models.LgRun]:
        await self.services.threads.get(params.thread_id)
        status, stopped = views.status_filter(str(params.status) if params.status else None)
        found = await self._runs.search(
            thread_id=params.thread_id,
            agent_id=None,
            status=status,
            metadata=None,
            limit=params.limit,
            offset=params.offset,
            stopped=stopped,
        )
        return [views.run(r) for r in found]

    async def lg_get_run(self, params: models.LgGetRunParams) -> models.LgRun:
        return views.run(await self._lg_run(params.thread_id, params.run_id))

    async def lg_delete_run(self, params: models.LgDeleteRunParams) -> None:
        await self._lg_run(params.thread_id, params.run_id)
        await self._runs.delete(params.run_id)

    @until_disconnect
    async def lg_join_run(self, params: models.LgJoinRunParams) -> Pending:
        run = await self._lg_run(params.thread_id, params.run_id)
        return Pending(asyncio.ensure_future(_output(self._runs.wait(run))))

    async def lg_join_stream(self, params: models.LgJoinStreamParams) -> Reply:
        run = await self._lg_run(params.thread_id, params.run_id)
        after = views.event_seq(params.last_event_id)
        on_disconnect = "cancel" if params.cancel_on_disconnect else "continue"
        events = self._runs.stream(run, after, on_disconnect)
        asked = [str(getattr(m, "root", m)) for m in params.stream_mode or ()]
        asked = [m for m in asked if m]  # the SDK sends `stream_mode=` for none
        only = {MODES.get(m, m) for m in asked} or None
        return Reply(
            _translated(events, run, self._lg_values(run), only),
            headers={"Location": f"{views.run_path(run)}/stream"},
        )

    @until_disconnect
    async def lg_cancel_run(self, params: models.LgCancelRunParams) -> Reply:
        await self._lg_run(params.thread_id, params.run_id)
        await self._runs.stop(
            params.run_id, reason="user", action=str(params.action), wait=params.wait
        )
        return Reply(status=204 if params.wait else 202)

    async def lg_create_batch(
        self, params: models.LgCreateBatchParams, body: models.LgRunBatch
    ) -> list[models.LgRun]:
        return [views.run(await self._lg_start(None, one, ALL_MODES)) for one in body.root]

    async def lg_cancel_runs(
        self, params: models.LgCancelRunsParams, body: models.LgRunCancelMany
    ) -> None:
        if body.thread_id is None and body.run_ids is None and body.status is None:
            return  # selects nothing (never every run on the server)
        await self._runs.stop_many(
            thread_id=body.thread_id,
            run_ids=body.run_ids,
            status=str(body.status or "all"),
            action=str(params.action),
            graceful=True,
            timeout=None,
        )

    async def lg_info(self, params: models.LgInfoParams) -> models.Info:
        return server_info(self.services.settings)

    # -- store -------------------------------------------------------------------------

    async def lg_put_item(
        self, params: models.LgPutItemParams, body: models.StorePutRequest
    ) -> None:
        await self.services.items.put(views.labels(body.namespace), body.key, body.value)

    async def lg_get_item(self, params: models.LgGetItemParams) -> models.Item:
        namespace = params.namespace.split(".") if params.namespace else []
        return views.item(await self.services.items.get(namespace, params.key))

    async def lg_delete_item(
        self, params: models.LgDeleteItemParams, body: models.StoreDeleteRequest
    ) -> None:
        await self.services.items.delete(views.labels(body.namespace), body.key)

    async def lg_search_items(
        self, params: models.LgSearchItemsParams, body: models.StoreSearchRequest
    ) -> models.SearchItemsResponse:
        records = await self.services.items.search(
            prefix=views.labels(body.namespace_prefix),
            filter=body.filter,
            limit=body.limit,
            offset=body.offset,
        )
        return models.SearchItemsResponse(items=[views.item(r) for r in records])

    async def lg_list_namespaces(
        self, params: models.LgListNamespacesParams, body: models.StoreListNamespacesRequest
    ) -> models.LgNamespaces:
        found = await self.services.items.namespaces(
            prefix=views.labels(body.prefix),
            suffix=views.labels(body.suffix),
            max_depth=body.max_depth,
            limit=body.limit,
            offset=body.offset,
        )
        return models.LgNamespaces(namespaces=found)


def _native_input(value: Any) -> tuple[Any, list[dict[str, Any]] | None]:
    """A LangGraph chat input (`{"messages": [...], ...}`) for a native agent: the messages
    become the run's `messages` (in LangChain's forms too), the rest its input."""
    if not isinstance(value, dict) or not isinstance(value.get("messages"), list):
        return value, None
    messages = chat_messages(value["messages"])
    state.apply_update({}, messages=messages)  # a 422 now if they are not messages
    rest = {k: v for k, v in value.items() if k != "messages"}
    return rest or None, messages


async def _output(ended: Awaitable[Ended]) -> dict[str, Any]:
    return views.output(await ended)


async def _translated(
    events: AsyncGenerator[Event, None],
    run: RunRecord,
    state: Callable[[], Awaitable[dict[str, Any]]],
    only: set[str] | None = None,
) -> AsyncIterator[Event]:
    """Our events as the SDK reads them (`state`: the thread's values, read for the
    interrupt's `values` event); `only`: just these modes (and metadata, error, end)."""
    asked = False  # whether the run's end followed an `interrupt` event
    try:
        async for e in events:
            values = await state() if e.event == "interrupt" else None
            asked = asked or e.event == "interrupt"
            for translated in views.events(e, run, values, stopped_at_nodes=not asked):
                mode = translated.event.split("|")[0]  # a subgraph's: `mode|namespace`
                if only is None or mode not in MODES.values() or mode in only:
                    yield translated
    finally:
        await events.aclose()
