"""A thread's stored events (storage/thread_events.py) as protocol events. Pure.

Each stored row becomes `span` protocol events numbered `seq`, `seq + 1`, ...; the event
id is the number, so `since` and `last_event_id` are the same cursor. A subgraph's events
are in its namespace (`node:<task id>`, ...); a native agent's all at the root (`[]`).
"""

from __future__ import annotations

from typing import Any

from ..storage.thread_events import ThreadEvent

ROLES = {"assistant": "ai", "ai": "ai", "user": "human", "human": "human", "system": "system"}
LIFECYCLE = {"running": "running", "success": "completed", "error": "failed", "timeout": "failed"}


def protocol_events(row: ThreadEvent) -> list[dict[str, Any]]:
    """The protocol events of one stored row, numbered from its `seq`."""
    timestamp = int(row.created_at.timestamp() * 1000)
    out = []
    for offset, (method, data, namespace) in enumerate(_namespaced(row)):
        seq = row.seq + offset
        params: dict[str, Any] = {"namespace": namespace, "timestamp": timestamp, "data": data}
        if method == "updates" and isinstance(data.get("node"), str):
            params["node"] = data["node"]  # the producing node, as LangGraph's server says
        out.append(
            {"type": "event", "event_id": str(seq), "seq": seq, "method": method, "params": params}
        )
    return out


def _namespaced(row: ThreadEvent) -> list[tuple[str, Any, list[str]]]:
    """The row's payloads, each with its namespace: a subgraph's events (a stored name
    `run:<mode>|<segment>|...`, or a chunk's `namespace`) are in the subgraph's; the
    unfinished messages a run's end closes, in their own."""
    if row.kind == "status":
        unfinished = row.data.get("unfinished") or []
        ends = [
            (method, data, _segments(m.get("namespace")))
            for m in unfinished
            for method, data in _message_end(m["full"])
        ]
        return ends + [(m, d, []) for m, d in _status(row.data["status"], row.data, _base(row))]
    namespace = _segments(row.kind.partition("|")[2])
    if row.kind == "run:message-chunk":
        namespace = _segments(row.data.get("namespace"))
    return [(method, data, namespace) for method, data in _payloads(row)]


def _segments(namespace: str | None) -> list[str]:
    return namespace.split("|") if namespace else []


def _base(row: ThreadEvent) -> dict[str, Any]:
    return {
        "run_id": str(row.run_id) if row.run_id else None,
        "graph_name": row.data.get("agent_id"),
    }


def _payloads(row: ThreadEvent) -> list[tuple[str, Any]]:
    """The payloads of a row that is not a run's status."""
    run = str(row.run_id) if row.run_id else None
    if row.kind == "checkpoint":
        data = {k: v for k, v in row.data.items() if v is not None}
        return [("checkpoints", {**data, "run_id": run})]
    mode = row.kind.removeprefix("run:").partition("|")[0]
    if mode == "values":  # a subgraph's may ask (`__interrupt__`): input.requested says it
        values = row.data
        if isinstance(values, dict) and "__interrupt__" in values:
            values = {k: v for k, v in values.items() if k != "__interrupt__"}
        return [("values", values)]
    if mode in ("tools", "tasks"):  # LangGraph's chunks, as its server forwards them
        return [(mode, row.data)]
    if mode == "lifecycle":  # a subgraph's (a run's own are its status rows)
        return [("lifecycle", {**row.data, "run_id": run})]
    if mode == "updates":
        return [("updates", _update(row.data))]
    if mode == "messages":
        return _message(row.data, row.seq)
    if mode == "message-chunk":
        return _chunk(row.data)
    if mode == "custom":
        return [("custom", {"payload": row.data})]
    return []  # a kind this server version does not map


def _status(status: str, data: dict[str, Any], base: dict[str, Any]) -> list[tuple[str, Any]]:
    if status == "pending":
        return [("lifecycle", {"event": "started", "status": "pending", **base})]
    if status == "interrupted":
        asked = data.get("interrupts") or []
        events: list[tuple[str, Any]] = [
            # `payload` is the protocol's name; the Python SDK reads `value`
            (
                "input.requested",
                {
                    "interrupt_id": i["id"],
                    "payload": i.get("value"),
                    "value": i.get("value"),
                    **base,
                },
            )
            for i in asked
        ]
        # A run that stopped to ask waits for input; one that was stopped says why
        # (`stop_reason`: user, timeout, disconnect, superseded, shutdown).
        events.append(
            ("lifecycle", {"event": "interrupted", "stop_reason": data.get("stop_reason"), **base})
        )
        return events
    event = LIFECYCLE.get(status, status)
    payload: dict[str, Any] = {"event": event, **base}
    if status in ("error", "timeout"):
        error = data.get("error") or {}
        payload["error"] = error.get("message") or status
    return [("lifecycle", payload)]


def _update(data: Any) -> dict[str, Any]:
    """Our `updates` event is `{step: changes}`; the protocol's `{node, values}`."""
    if isinstance(data, dict) and len(data) == 1:
        ((node, values),) = data.items()
        return {"node": node, "values": values if isinstance(values, dict) else {"value": values}}
    return {"values": data if isinstance(data, dict) else {"value": data}}


def _message(data: Any, seq: int) -> list[tuple[str, Any]]:
    """A whole message (a native agent's `{role, content}`, or a graph's `[message,
    metadata]` chunk) as start, one text block, finish."""
    message = data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else data
    message = message if isinstance(message, dict) else {"content": message}
    role = ROLES.get(str(message.get("role") or message.get("type") or "ai"), "ai")
    text = _text(message.get("content"))
    message_id = str(message.get("id") or f"msg-{seq}")
    return [
        ("messages", {"event": "message-start", "role": role, "id": message_id}),
        ("messages", {"event": "content-block-start", "index": 0, "content": {"type": "text", "text": ""}}),
        ("messages", {"event": "content-block-delta", "index": 0, "delta": {"type": "text-delta", "text": text}}),
        *_message_end(text),
    ]  # fmt: skip


def _chunk(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """A chat model's token: a delta; the first also starts its message, the last ends it
    (with the whole text)."""
    events: list[tuple[str, Any]] = []
    if data.get("first"):
        role = ROLES.get(str(data.get("type", "")).removesuffix("MessageChunk").lower(), "ai")
        events += [
            ("messages", {"event": "message-start", "role": role, "id": data["id"]}),
            ("messages", {"event": "content-block-start", "index": 0, "content": {"type": "text", "text": ""}}),
        ]  # fmt: skip
    delta = {"type": "text-delta", "text": data.get("text", "")}
    events.append(("messages", {"event": "content-block-delta", "index": 0, "delta": delta}))
    if data.get("last"):
        events += _message_end(data.get("full") or "")
    return events


def _message_end(text: str) -> list[tuple[str, Any]]:
    return [
        ("messages", {"event": "content-block-finish", "index": 0, "content": {"type": "text", "text": text}}),
        ("messages", {"event": "message-finish"}),
    ]  # fmt: skip


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part.get("text", "") if isinstance(part, dict) else str(part) for part in content
        )
    return "" if content is None else str(content)


def agent_tree(graph_name: str, status: str, lifecycles: list[ThreadEvent]) -> dict[str, Any]:
    """`agent.getTree`'s tree: the root, and the namespaces a run's subgraphs went through
    (from their `lifecycle` events) with each one's last status, as LangGraph's server builds
    it; a namespace seen only through a deeper one is `started`."""
    seen: dict[tuple[str, ...], dict[str, Any]] = {
        (): {"namespace": [], "status": status, "graph_name": graph_name}
    }
    for row in lifecycles:
        namespace = tuple(_segments(row.kind.partition("|")[2]))
        for depth in range(1, len(namespace)):  # its parents, if not seen themselves
            parent = namespace[:depth]
            seen.setdefault(parent, _node(parent, "started", None))
        seen[namespace] = _node(namespace, str(row.data.get("event")), row.data.get("graph_name"))

    def build(namespace: tuple[str, ...]) -> dict[str, Any]:
        children = sorted(n for n in seen if len(n) == len(namespace) + 1 and n[:-1] == namespace)
        node = dict(seen[namespace])
        if children:
            node["children"] = [build(child) for child in children]
        return node

    return build(())


def _node(namespace: tuple[str, ...], status: str, graph_name: Any) -> dict[str, Any]:
    name = graph_name if isinstance(graph_name, str) else namespace[-1].partition(":")[0]
    return {"namespace": list(namespace), "status": status, "graph_name": name}
