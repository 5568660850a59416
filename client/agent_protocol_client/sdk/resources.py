"""`.threads`, `.runs`, `.agents` and `.store`: one method per operation, plain keyword
arguments in, generated models out. The same classes serve both clients: a method returns
the value with `AgentProtocol` and an awaitable of it with `AsyncAgentProtocol`.

A keyword left at None is not sent (the server's default applies); `input` is sent
whenever given, None included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from ..api.agents import get_agent, get_agent_schemas, search_agents
from ..api.background_runs import cancel_run, create_run, delete_run, get_run, search_runs, wait_run
from ..api.runs import create_and_wait_run, resume_and_wait_run, resume_run
from ..api.store import delete_item, get_item, list_namespaces, put_item, search_items
from ..api.threads import (
    copy_thread,
    create_thread,
    delete_thread,
    get_thread,
    get_thread_history,
    patch_thread,
    search_threads,
)
from ..models import CancelAction
from ._transport import Call, body, params

NOT_GIVEN: Any = type("NotGiven", (), {"__repr__": lambda self: "NOT_GIVEN", "__bool__": lambda self: False})()

Send = Callable[[Call], Any]


def run_body(input: Any, fields: dict[str, Any]) -> dict[str, Any]:
    out = body(**fields)
    if input is not NOT_GIVEN:
        out["input"] = input
    for key in ("thread_id",):
        if isinstance(out.get(key), UUID):
            out[key] = str(out[key])
    return out


class Resource:
    def __init__(self, send: Send) -> None:
        self._send = send


class Threads(Resource):
    """Threads: conversations whose state persists across runs."""

    def create(
        self,
        *,
        metadata: dict[str, Any] | None = None,
        thread_id: UUID | str | None = None,
        if_exists: str | None = None,
    ) -> Any:
        """POST /threads -> `Thread`. `if_exists`: `raise` (409 `thread_exists`) or `do_nothing`."""
        fields = body(metadata=metadata, thread_id=str(thread_id) if thread_id else None, if_exists=if_exists)
        return self._send(Call.of(create_thread, body=fields))

    def get(self, thread_id: UUID | str) -> Any:
        """GET /threads/{thread_id} -> `Thread`."""
        return self._send(Call.of(get_thread, thread_id))

    def update(
        self,
        thread_id: UUID | str,
        *,
        metadata: dict[str, Any] | None = None,
        values: dict[str, Any] | None = None,
        messages: list[dict[str, Any]] | None = None,
        checkpoint: dict[str, Any] | None = None,
    ) -> Any:
        """PATCH /threads/{thread_id} -> `Thread`: metadata merged; values written as a new checkpoint."""
        fields = body(metadata=metadata, values=values, messages=messages, checkpoint=checkpoint)
        return self._send(Call.of(patch_thread, thread_id, body=fields))

    def delete(self, thread_id: UUID | str) -> Any:
        """DELETE /threads/{thread_id}."""
        return self._send(Call.of(delete_thread, thread_id))

    def search(
        self,
        *,
        metadata: dict[str, Any] | None = None,
        values: dict[str, Any] | None = None,
        status: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Any:
        """POST /threads/search -> `list[Thread]`."""
        fields = body(metadata=metadata, values=values, status=status, limit=limit, offset=offset)
        return self._send(Call.of(search_threads, body=fields, idempotent=True))

    def history(self, thread_id: UUID | str, *, limit: int | None = None, before: UUID | str | None = None) -> Any:
        """GET /threads/{thread_id}/history -> `list[ThreadState]`, newest first."""
        return self._send(Call.of(get_thread_history, thread_id, **params(limit=limit, before=before)))

    def copy(self, thread_id: UUID | str) -> Any:
        """POST /threads/{thread_id}/copy -> the new `Thread`."""
        return self._send(Call.of(copy_thread, thread_id))


class Runs(Resource):
    """Runs: `create` (background), `wait`, `stream`, `resume*`, `join`, `cancel`."""

    def __init__(self, send: Send, stream: Callable[..., Any]) -> None:
        super().__init__(send)
        self._stream = stream

    def create(self, agent_id: str | None = None, *, input: Any = NOT_GIVEN, **fields: Any) -> Any:
        """POST /runs -> `Run` at once (pending). `fields`: `thread_id`, `metadata`, `config`,
        `webhook`, `multitask_strategy`, `stream_mode`, ... as in the spec's `RunStream`."""
        payload = run_body(input, {"agent_id": agent_id, **fields})
        return self._send(Call.of(create_run, body=payload))

    def wait(self, agent_id: str | None = None, *, input: Any = NOT_GIVEN, **fields: Any) -> Any:
        """POST /runs/wait -> `RunWaitResponse` (`run`, `values`, `messages`, `interrupts`)
        when the run ends. Without `thread_id`, a stateless run."""
        payload = run_body(input, {"agent_id": agent_id, **fields})
        return self._send(Call.of(create_and_wait_run, body=payload, waits=True))

    def stream(
        self,
        agent_id: str | None = None,
        *,
        input: Any = NOT_GIVEN,
        stream_mode: str | Sequence[str] | None = None,
        **fields: Any,
    ) -> Any:
        """POST /runs/stream -> an iterator of `Event`s (`metadata` first, `end` last). A
        dropped connection is rejoined with `Last-Event-ID`: no event lost or repeated."""
        if isinstance(stream_mode, str):
            stream_mode = [stream_mode]
        payload = run_body(input, {"agent_id": agent_id, "stream_mode": stream_mode, **fields})
        return self._stream("create", payload)

    def get(self, run_id: UUID | str) -> Any:
        """GET /runs/{run_id} -> `Run`."""
        return self._send(Call.of(get_run, run_id))

    def join(self, run_id: UUID | str) -> Any:
        """GET /runs/{run_id}/wait -> `RunWaitResponse` once the run ended."""
        return self._send(Call.of(wait_run, run_id, waits=True))

    def join_stream(self, run_id: UUID | str, *, last_event_id: str | None = None) -> Any:
        """GET /runs/{run_id}/stream -> an iterator of `Event`s (after `last_event_id` if given)."""
        return self._stream("join", {"run_id": str(run_id), "last_event_id": last_event_id})

    def search(
        self,
        *,
        thread_id: UUID | str | None = None,
        agent_id: str | None = None,
        status: str | None = None,
        metadata: dict[str, Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Any:
        """POST /runs/search -> `list[Run]`."""
        fields = body(
            thread_id=str(thread_id) if thread_id else None,
            agent_id=agent_id,
            status=status,
            metadata=metadata,
            limit=limit,
            offset=offset,
        )
        return self._send(Call.of(search_runs, body=fields, idempotent=True))

    def cancel(self, run_id: UUID | str, *, wait: bool = False, action: str | None = None) -> Any:
        """POST /runs/{run_id}/cancel. `wait=True` returns once the run has stopped;
        `action`: `interrupt` (default, keeps its work) or `rollback` (erases it)."""
        chosen = CancelAction(action) if action is not None else None
        return self._send(Call.of(cancel_run, run_id, waits=wait, **params(wait=wait, action=chosen)))

    def delete(self, run_id: UUID | str) -> Any:
        """DELETE /runs/{run_id} (409 `run_active` while it runs)."""
        return self._send(Call.of(delete_run, run_id))

    def resume(self, thread_id: UUID | str, *, input: Any = NOT_GIVEN, **fields: Any) -> Any:
        """PATCH /runs/resume -> `Run`: answer an interrupted thread; the run goes on in the
        background. 409 `thread_not_interrupted` (`ConflictError`) when there is nothing to resume."""
        payload = run_body(input, {"thread_id": str(thread_id), **fields})
        return self._send(Call.of(resume_run, body=payload))

    def resume_wait(self, thread_id: UUID | str, *, input: Any = NOT_GIVEN, **fields: Any) -> Any:
        """PATCH /runs/resume/wait -> `RunWaitResponse` of the resumed run."""
        payload = run_body(input, {"thread_id": str(thread_id), **fields})
        return self._send(Call.of(resume_and_wait_run, body=payload, waits=True))

    def resume_stream(
        self,
        thread_id: UUID | str,
        *,
        input: Any = NOT_GIVEN,
        stream_mode: str | Sequence[str] | None = None,
        **fields: Any,
    ) -> Any:
        """PATCH /runs/resume/stream -> an iterator of `Event`s of the resumed run."""
        if isinstance(stream_mode, str):
            stream_mode = [stream_mode]
        payload = run_body(input, {"thread_id": str(thread_id), "stream_mode": stream_mode, **fields})
        return self._stream("resume", payload)


class Agents(Resource):
    """The agents the server runs."""

    def search(
        self,
        *,
        name: str | None = None,
        metadata: dict[str, Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Any:
        """POST /agents/search -> `list[Agent]`."""
        fields = body(name=name, metadata=metadata, limit=limit, offset=offset)
        return self._send(Call.of(search_agents, body=fields, idempotent=True))

    def get(self, agent_id: str) -> Any:
        """GET /agents/{agent_id} -> `Agent`."""
        return self._send(Call.of(get_agent, agent_id))

    def schemas(self, agent_id: str) -> Any:
        """GET /agents/{agent_id}/schemas -> `AgentSchema`."""
        return self._send(Call.of(get_agent_schemas, agent_id))


class Store(Resource):
    """The long-term store: JSON items under a namespace (a list of labels) and a key."""

    def put(self, namespace: Sequence[str], key: str, value: dict[str, Any]) -> Any:
        """PUT /store/items."""
        return self._send(Call.of(put_item, body=body(namespace=list(namespace), key=key, value=value)))

    def get(self, namespace: Sequence[str], key: str) -> Any:
        """GET /store/items -> `Item` (404 `NotFoundError` when absent)."""
        return self._send(Call.of(get_item, key=key, namespace=list(namespace)))

    def delete(self, namespace: Sequence[str], key: str) -> Any:
        """DELETE /store/items."""
        return self._send(Call.of(delete_item, body=body(namespace=list(namespace), key=key)))

    def search(
        self,
        namespace_prefix: Sequence[str] | None = None,
        *,
        filter: dict[str, Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Any:
        """POST /store/items/search -> `SearchItemsResponse` (`.items`)."""
        prefix = list(namespace_prefix) if namespace_prefix is not None else None
        fields = body(namespace_prefix=prefix, filter=filter, limit=limit, offset=offset)
        return self._send(Call.of(search_items, body=fields, idempotent=True))

    def namespaces(
        self,
        *,
        prefix: Sequence[str] | None = None,
        suffix: Sequence[str] | None = None,
        max_depth: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Any:
        """POST /store/namespaces -> the namespaces, as lists of labels."""
        fields = body(
            prefix=list(prefix) if prefix is not None else None,
            suffix=list(suffix) if suffix is not None else None,
            max_depth=max_depth,
            limit=limit,
            offset=offset,
        )
        return self._send(Call.of(list_namespaces, body=fields, idempotent=True))
