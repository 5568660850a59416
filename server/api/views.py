"""Storage records as API models: the one place that shapes response bodies."""

from __future__ import annotations

from typing import Any

from ap_generated import models

from .. import shapes, state
from ..agents import Agent
from ..domain.states import RunStatus
from ..engine.service import Ended
from ..storage.records import RunRecord
from ..storage.threads import CheckpointRecord, ThreadRecord


def thread(record: ThreadRecord) -> models.Thread:
    values, messages = state.split_messages(record.values)
    fields: dict[str, Any] = {
        "thread_id": record.thread_id,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "metadata": record.metadata,
        "status": record.status,
        "values": values,
    }
    if messages is not None:
        fields["messages"] = messages
    if record.interrupts:
        fields["interrupts"] = record.interrupts
    return models.Thread(**fields)


def thread_state(record: CheckpointRecord) -> models.ThreadState:
    values, messages = state.split_messages(record.values)
    parent = record.parent_checkpoint_id
    fields: dict[str, Any] = {
        "checkpoint": models.ThreadCheckpoint(checkpoint_id=record.checkpoint_id),
        "values": values,
        "metadata": {
            **record.metadata,
            **({"run_id": str(record.run_id)} if record.run_id else {}),
        },
        "parent_checkpoint": models.ThreadCheckpoint(checkpoint_id=parent) if parent else None,
        "created_at": record.created_at,
    }
    if messages is not None:
        fields["messages"] = messages
    if record.interrupts:
        fields["interrupts"] = record.interrupts
    return models.ThreadState(**fields)


item = shapes.item


def agent(a: Agent) -> models.Agent:
    return models.Agent(
        agent_id=a.agent_id,
        name=a.name,
        description=a.description,
        metadata=a.metadata,
        capabilities=models.AgentCapabilities.model_validate(a.capabilities),
    )


def agent_schemas(a: Agent) -> models.AgentSchema:
    return models.AgentSchema(
        agent_id=a.agent_id,
        input_schema=a.input_schema,
        output_schema=a.output_schema,
        state_schema=a.state_schema,
        config_schema=a.config_schema,
    )


def run(record: RunRecord) -> models.Run:
    fields: dict[str, Any] = {
        "run_id": record.run_id,
        "thread_id": record.thread_id,
        "agent_id": record.agent_id,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "status": record.status,
        "metadata": record.metadata,
        "config": record.config,
        "multitask_strategy": record.multitask_strategy,
        "started_at": record.started_at,
        "ended_at": record.ended_at,
        "stopping": record.stop_requested_at is not None and record.active,
    }
    if record.webhook:
        fields["webhook"] = record.webhook
    if record.error:
        fields["error"] = record.error
    if record.stop_reason:
        fields["stop_reason"] = record.stop_reason
    return models.Run(**fields)


def wait_response(ended: Ended, fallback: RunRecord) -> models.RunWaitResponse:
    """The final output of a run: the thread's values when it ended."""
    record = ended.run
    if record is None:  # erased by a rollback: what we knew, with how it ended
        shown = run(fallback).model_copy(
            update={
                "status": models.RunStatus(ended.status),
                "stop_reason": models.StopReason(ended.stop_reason) if ended.stop_reason else None,
            }
        )
        return models.RunWaitResponse(run=shown, values={})
    output = record.output or {}
    values, messages = state.split_messages(output.get("values", {}))
    fields: dict[str, Any] = {"run": run(record), "values": values}
    if messages is not None:
        fields["messages"] = messages
    if (
        output.get("interrupts")
        and record.status == RunStatus.INTERRUPTED
        and not record.stop_reason
    ):
        fields["interrupts"] = output["interrupts"]
    return models.RunWaitResponse(**fields)


def webhook_payload(record: RunRecord) -> dict[str, Any]:
    """What a run's webhook receives: the Run, and the thread's values when it ended."""
    payload = run(record).model_dump(mode="json", by_alias=True, exclude_unset=True)
    payload["values"] = (record.output or {}).get("values", {})
    return payload
