"""The thread streaming protocol's operations: commands, the SSE stream, and the plain-HTTP
answer of the WebSocket path; on the native paths and under /langgraph (the same code).

Commands reach the same engine as the REST operations: `run.start` is POST /runs (with
`if_not_exists: create`), `input.respond` is PATCH /runs/resume, `state.*` read and branch
the thread's checkpoints. An engine refusal (409 `thread_busy`, `thread_not_interrupted`,
422 `interrupts_unanswered`, 404 of an agent...) is a protocol error with the same code.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

from ap_generated import models

from ..domain.states import MultitaskStrategy
from ..engine.services import Services
from ..errors import ApiError, Invalid, NotFound
from ..langgraph.api import _native_input
from ..langgraph.graph import STREAM_MODES, SUBGRAPHS, is_graph_agent
from ..limits import Limits
from ..sse import Event
from ..storage.runs import NewRun
from ..storage.thread_events import ThreadEventStore
from . import protocol as p
from .channels import agent_tree
from .feed import Feed

ALL_MODES = ("values", "updates", "messages", "custom")
AGENT_STATUS = {
    "pending": "started",
    "running": "running",
    "success": "completed",
    "interrupted": "interrupted",
}  # the rest (error, timeout): failed

TREE_STATUS = {"busy": "running", "interrupted": "interrupted", "error": "failed"}
GRAPH_MODES = ("tasks", "tools")
"""What a graph's run streams besides, for the `tasks` and `tools` channels (with its
subgraphs' events, for their namespaces), as LangGraph's server runs them for the protocol."""
RUN_START_PARAMS = frozenset(
    {"assistant_id", "input", "config", "metadata", "multitask_strategy", "multitaskStrategy"}
)


class StreamingApi:
    services: Services

    # -- operations --------------------------------------------------------------------

    async def send_thread_streaming_command(
        self, params: models.SendThreadStreamingCommandParams, body: models.StreamingCommand
    ) -> dict[str, Any]:
        return await self._http_command(params.thread_id, body)

    async def open_thread_sse_stream(
        self, params: models.OpenThreadSseStreamParams, body: models.EventStreamRequest
    ) -> AsyncIterator[Event]:
        return await self._sse(params.thread_id, body)

    async def open_thread_websocket_stream(
        self, params: models.OpenThreadWebsocketStreamParams
    ) -> None:
        await self._not_upgraded(params.thread_id)

    async def lg_send_thread_streaming_command(
        self, params: models.LgSendThreadStreamingCommandParams, body: models.StreamingCommand
    ) -> dict[str, Any]:
        return await self._http_command(params.thread_id, body)

    async def lg_open_thread_sse_stream(
        self, params: models.LgOpenThreadSseStreamParams, body: models.EventStreamRequest
    ) -> AsyncIterator[Event]:
        return await self._sse(params.thread_id, body)

    async def lg_open_thread_websocket_stream(
        self, params: models.LgOpenThreadWebsocketStreamParams
    ) -> None:
        await self._not_upgraded(params.thread_id)

    # -- shared with the WebSocket transport ---------------------------------------------

    @property
    def feed(self) -> Feed:
        store = ThreadEventStore(self.services.database.engine, self.services.threads.scope)
        runs = self.services.runs
        return Feed(store, runs.notifier, runs.closing, self.services.settings.stream_recheck)

    async def streaming_command(self, thread_id: uuid.UUID, payload: Any) -> dict[str, Any]:
        """One command (not a subscription one) as a response: success or protocol error."""
        command_id = payload.get("id") if isinstance(payload, dict) else None
        command_id = command_id if isinstance(command_id, int) and command_id >= 0 else None
        # The thread's last event before the command: what follows may be its doing (the
        # SDKs take events up to this number as history, and later ones as the command's).
        applied_through = await self.feed.head(thread_id)
        try:
            command = p.parse_command(payload)
            command_id = command.id
            if command.method in p.SUBSCRIPTION_METHODS:
                raise p.ProtocolError(
                    "not_supported",
                    f"{command.method} is a WebSocket command; over HTTP, each"
                    " POST /threads/{thread_id}/stream is one subscription",
                )
            result = await self._execute(thread_id, command)
        except p.ProtocolError as error:
            return p.failure(command_id, error)
        except ApiError as error:
            if error.status >= 500:
                raise
            return p.failure(
                command_id, p.ProtocolError(error.code, error.message, **error.metadata)
            )
        return p.success(command.id, result, applied_through)

    async def run_status(self, thread_id: uuid.UUID, run_id: uuid.UUID) -> str:
        """A run of the thread's status as an agent's (`started`, `running`, `completed`,
        `failed`, `interrupted`); `no_such_run` for any other run."""
        try:
            run = await self.services.runs.get(run_id)
        except NotFound:
            run = None
        if run is None or run.thread_id != thread_id:
            raise p.ProtocolError("no_such_run", f"thread {thread_id} has no run {run_id}")
        return AGENT_STATUS.get(str(run.status), "failed")

    # -- helpers -----------------------------------------------------------------------

    async def _http_command(
        self, thread_id: uuid.UUID, body: models.StreamingCommand
    ) -> dict[str, Any]:
        await self.feed.check(thread_id)
        return await self.streaming_command(thread_id, body.model_dump(mode="json"))

    async def _sse(
        self, thread_id: uuid.UUID, body: models.EventStreamRequest
    ) -> AsyncIterator[Event]:
        raw = body.model_dump(mode="json", exclude_unset=True)
        try:
            wanted = p.parse_filter(raw)
            since = p.parse_since(raw)
        except p.ProtocolError as error:
            raise Invalid(error.message) from None
        feed = self.feed
        await feed.check(thread_id)
        await feed.check_since(thread_id, since)
        return _sse_events(feed, thread_id, wanted, since, follow=body.follow is not False)

    async def _not_upgraded(self, thread_id: uuid.UUID) -> None:
        await self.feed.check(thread_id)
        raise ApiError(
            "this path is a WebSocket: connect with an Upgrade: websocket request",
            code="upgrade_required",
            status=426,
        )

    async def _execute(self, thread_id: uuid.UUID, command: p.Command) -> dict[str, Any]:
        params = command.params
        method = command.method
        if method == "run.start":
            return await self._run_start(thread_id, params)
        if method == "input.respond":
            return await self._respond(thread_id, params)
        if method == "input.inject":
            return await self._inject(thread_id, params)
        if method == "state.get":
            return await self._state(thread_id, params)
        if method == "state.listCheckpoints":
            return await self._checkpoints(thread_id, params)
        if method == "state.fork":
            return await self._fork(thread_id, params)
        if method == "agent.getTree":
            return await self._tree(thread_id)
        raise p.ProtocolError("unknown_command", f"unknown command {method!r}")

    async def _start(
        self,
        thread_id: uuid.UUID,
        agent_id: str,
        params: dict[str, Any],
        *,
        input: Any = None,
        messages: list[dict[str, Any]] | None = None,
        resume: bool = False,
        strategy: str = "reject",
    ) -> str:
        """Create a run as POST /runs (or PATCH /runs/resume) does; its id."""
        Limits.from_settings(self.services.settings).check_fields(params)
        agent = self.services.agents.get(agent_id)
        config = p.obj(params, "config") or {}
        if not resume and not is_graph_agent(agent) and messages is None:
            input, messages = _native_input(input)
        timeout = config.get("timeout")
        modes: tuple[str, ...] = ALL_MODES
        if is_graph_agent(agent):
            config = {**config, STREAM_MODES: list(GRAPH_MODES), SUBGRAPHS: True}
            modes += (*GRAPH_MODES, "lifecycle")  # its subgraphs' lifecycle
        run = await self.services.runs.create(
            NewRun(
                agent_id=agent.agent_id,
                thread_id=thread_id,
                if_not_exists="create",
                input=input,
                messages=messages,
                metadata=p.obj(params, "metadata"),
                config=config,
                stream_mode=modes,
                multitask_strategy=MultitaskStrategy(strategy),
                timeout_seconds=timeout if isinstance(timeout, (int, float)) else None,
                is_resume=resume,
            )
        )
        return str(run.run_id)

    async def _run_start(self, thread_id: uuid.UUID, params: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(params) - RUN_START_PARAMS)
        if unknown:
            raise p.invalid(f"run.start does not support: {', '.join(unknown)}")
        agent_id = p.text(params, "assistant_id")
        assert agent_id is not None
        strategy = p.multitask_strategy(params)
        config = p.obj(params, "config") or {}
        configurable = config.get("configurable") or {}
        fork_from = configurable.get("checkpoint_id") if isinstance(configurable, dict) else None
        if fork_from is not None:  # the SDK's `forkFrom`: branch first, then run
            await self._branch(thread_id, p.uuid_param({"c": fork_from}, "c"))
            rest = {k: v for k, v in configurable.items() if k != "checkpoint_id"}
            params = {**params, "config": {**config, "configurable": rest}}
        run_id = await self._start(
            thread_id, agent_id, params, input=params.get("input"), strategy=strategy
        )
        return {"run_id": run_id}

    async def _respond(self, thread_id: uuid.UUID, params: dict[str, Any]) -> dict[str, Any]:
        """A resume (PATCH /runs/resume): one answer, or `responses` answering several."""
        if "responses" in params:
            entries = params["responses"]
            if not isinstance(entries, list) or not entries:
                raise p.invalid("`responses` must be a non-empty array")
        else:
            entries = [params]
        answers: dict[str, Any] = {}
        for entry in entries:
            if not isinstance(entry, dict):
                raise p.invalid("each response is an object with `interrupt_id` and `response`")
            p.namespace(entry)
            interrupt_id = p.text(entry, "interrupt_id")
            if "response" not in entry:
                raise p.invalid("`response` is required")
            answers[str(interrupt_id)] = entry["response"]
        for unsupported in ("update", "goto"):
            if params.get(unsupported) is not None:
                raise p.ProtocolError(
                    "not_supported", f"`{unsupported}` with input.respond is not supported"
                )
        thread = await self.services.threads.get(thread_id)
        pending = {i["id"] for i in thread.interrupts}
        for interrupt_id in answers:
            if thread.status == "interrupted" and interrupt_id not in pending:
                raise p.ProtocolError(
                    "no_such_interrupt",
                    f"thread {thread_id} has no pending interrupt {interrupt_id}",
                    pending=sorted(pending),
                )
        agent_id = await self.services.runs.asking_agent_id(thread_id)
        if agent_id is None:
            agent_id = await self._last_agent(thread_id)
        run_id = await self._start(thread_id, agent_id, params, input=answers, resume=True)
        return {"run_id": run_id}

    async def _inject(self, thread_id: uuid.UUID, params: dict[str, Any]) -> dict[str, Any]:
        """A message for the thread's agent: a new run with it (queued after the active
        one, if any: our runs take no input while they run). An interrupted thread is
        answered with input.respond, not this (409 `thread_interrupted` semantics)."""
        p.namespace(params)
        message = p.obj(params, "message")
        if message is None or message.get("role") not in ("user", "system"):
            raise p.invalid("`message` must be an object with `role` user or system")
        if not isinstance(message.get("content"), str):
            raise p.invalid("`message.content` must be a string")
        agent_id = p.text(params, "assistant_id", required=False) or await self._last_agent(
            thread_id
        )
        run_id = await self._start(thread_id, agent_id, {}, messages=[message], strategy="enqueue")
        return {"run_id": run_id}

    async def _state(self, thread_id: uuid.UUID, params: dict[str, Any]) -> dict[str, Any]:
        _root(p.namespace(params))
        keys = params.get("keys")
        if keys is not None and not (
            isinstance(keys, list) and all(isinstance(k, str) for k in keys)
        ):
            raise p.invalid("`keys` must be an array of strings")
        thread = await self.services.threads.get(thread_id)
        values = thread.values
        if keys is not None:
            values = {k: v for k, v in values.items() if k in keys}
        result: dict[str, Any] = {"values": values}
        if thread.head_checkpoint_id:
            result["checkpoint"] = {"id": str(thread.head_checkpoint_id)}
        if thread.interrupts:
            result["interrupts"] = thread.interrupts
        return result

    async def _checkpoints(self, thread_id: uuid.UUID, params: dict[str, Any]) -> dict[str, Any]:
        _root(p.namespace(params))
        limit = p.count(params, "limit", 10, low=1, high=1000)
        before = p.uuid_param(params, "before", required=False)
        records = await self.services.threads.history(thread_id, limit=limit, before=before)
        return {
            "checkpoints": [
                {
                    "id": str(r.checkpoint_id),
                    "parent_id": str(r.parent_checkpoint_id) if r.parent_checkpoint_id else None,
                    "timestamp": r.created_at.isoformat(),
                    "step": r.metadata.get("step", -1),
                    "metadata": r.metadata,
                }
                for r in records
            ]
        }

    async def _fork(self, thread_id: uuid.UUID, params: dict[str, Any]) -> dict[str, Any]:
        checkpoint_id = p.uuid_param(params, "checkpoint_id")
        assert checkpoint_id is not None
        agent_id = p.text(params, "assistant_id", required=False) or await self._last_agent(
            thread_id
        )
        await self._branch(thread_id, checkpoint_id)
        run_id = await self._start(
            thread_id, agent_id, {"config": params.get("config")}, input=params.get("input")
        )
        return {"run_id": run_id, "thread_id": str(thread_id)}

    async def _branch(self, thread_id: uuid.UUID, checkpoint_id: uuid.UUID | None) -> None:
        """The thread's head becomes a copy of the checkpoint (source `fork`)."""
        await self.services.threads.patch(
            thread_id,
            metadata=None,
            values={},
            messages=None,
            checkpoint_id=checkpoint_id,
            checkpoint_metadata={"source": "fork", "forked_from": str(checkpoint_id)},
        )

    async def _tree(self, thread_id: uuid.UUID) -> dict[str, Any]:
        """The thread's last run's agent tree: the root and its subgraphs' namespaces."""
        thread = await self.services.threads.get(thread_id)
        status = TREE_STATUS.get(thread.status, "completed")
        runs = await self.services.runs.search(
            thread_id=thread_id, agent_id=None, status=None, metadata=None, limit=1, offset=0
        )
        if not runs:
            return {"tree": agent_tree("", status, [])}
        lifecycles = await self.feed.events.subgraph_lifecycles(thread_id, runs[0].run_id)
        return {"tree": agent_tree(runs[0].agent_id, status, lifecycles)}

    async def _last_agent(self, thread_id: uuid.UUID) -> str:
        runs = await self.services.runs.search(
            thread_id=thread_id, agent_id=None, status=None, metadata=None, limit=1, offset=0
        )
        if not runs:
            raise p.invalid(
                f"thread {thread_id} has had no run: name the agent with `assistant_id`"
            )
        return runs[0].agent_id


def _root(namespace: list[str]) -> None:
    if namespace:
        raise p.ProtocolError(
            "no_such_namespace", f"namespace {namespace} does not exist: only the root ([]) does"
        )


async def _sse_events(
    feed: Feed, thread_id: uuid.UUID, wanted: p.Filter, since: int, *, follow: bool
) -> AsyncIterator[Event]:
    if follow:
        events = feed.follow(thread_id, since)
    else:
        events = _iterate(await feed.replay(thread_id, since))
    async for event in events:
        if wanted.matches(event):
            yield Event(event["method"], event, event["event_id"])


async def _iterate(events: list[dict[str, Any]]) -> AsyncIterator[dict[str, Any]]:
    for event in events:
        yield event
