"""LangGraph crons (tag LangGraph): schedules whose firings are ordinary runs, made through
the same path as `POST /langgraph/threads/{id}/runs` (or `/runs` for stateless ones)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ap_generated import models

from .. import schedule
from ..agents import Agent
from ..errors import NotFound
from ..storage.crons import CronRecord
from . import views
from .assistants import AssistantsApi
from .fields import HONOURED, not_supported, refuse_unhonoured
from .graph import is_graph_agent

if TYPE_CHECKING:
    from ..engine.services import Services
    from ..storage.records import RunRecord
    from ..storage.runs import Transaction

# Fields of a cron that are its payload: what each firing's run is created with.
PAYLOAD: tuple[str, ...] = ("input", "metadata", "config", "context", "webhook")
PAYLOAD += ("multitask_strategy", "stream_mode", "interrupt_before", "interrupt_after")
ALL_MODES = ("values", "updates", "messages", "custom")


class CronsApi(AssistantsApi):
    services: Services

    async def _lg_start(
        self,
        thread_id: uuid.UUID | None,
        body: models.LgRunCreate,
        modes: tuple[str, ...],
        within: Transaction | None = None,
    ) -> RunRecord:
        raise NotImplementedError  # LangGraphApi's: a run through the LangGraph run path

    async def lg_create_cron(
        self, params: models.LgCreateCronParams, body: models.LgCronCreate
    ) -> models.LgCron:
        return await self._lg_create_cron(None, body)

    async def lg_create_thread_cron(
        self, params: models.LgCreateThreadCronParams, body: models.LgCronCreate
    ) -> models.LgCron:
        return await self._lg_create_cron(params.thread_id, body)

    async def _lg_create_cron(
        self, thread_id: uuid.UUID | None, body: models.LgCronCreate
    ) -> models.LgCron:
        _refuse_unsupported(body)
        schedule.check(body.schedule, body.timezone)
        assistant, agent = await self._lg_assistant(body.assistant_id)
        _refuse_graph_fields(body, agent)
        if body.webhook:
            from ..webhooks import check_target

            check_target(body.webhook, allow_private=self.services.settings.webhook_allow_private)
        enabled = body.enabled is not False
        payload = _payload(body)
        if thread_id is not None:
            payload.setdefault("multitask_strategy", "enqueue")
        record = await self.services.crons.create(
            assistant_id=assistant.assistant_id,
            thread_id=thread_id,
            schedule=body.schedule,
            timezone=body.timezone,
            end_time=body.end_time,
            enabled=enabled,
            on_run_completed=None if thread_id else str(body.on_run_completed or "delete"),
            payload=payload,
            metadata=body.metadata or {},
            next_run_date=_first(body.schedule, body.timezone, body.end_time) if enabled else None,
        )
        return views.cron(record)

    async def lg_update_cron(
        self, params: models.LgUpdateCronParams, body: models.LgCronPatch
    ) -> models.LgCron:
        _refuse_unsupported(body)
        current = await self.services.crons.get(params.cron_id)
        if body.interrupt_before is not None or body.interrupt_after is not None:
            _refuse_graph_fields(body, (await self._lg_assistant(str(current.assistant_id)))[1])
        given = body.model_fields_set
        changes: dict[str, Any] = {}
        for key in ("schedule", "timezone", "enabled", "on_run_completed"):
            if key in given and getattr(body, key) is not None:
                value = getattr(body, key)
                changes[key] = str(value) if key == "on_run_completed" else value
        if "end_time" in given:
            changes["end_time"] = body.end_time  # null: no end any more
        if body.webhook:
            from ..webhooks import check_target

            check_target(body.webhook, allow_private=self.services.settings.webhook_allow_private)
        payload = {**current.payload, **_payload(body)}
        if payload != current.payload:
            changes["payload"] = payload
        if body.metadata is not None:
            changes["metadata"] = body.metadata
        merged = {**{k: getattr(current, k) for k in ("schedule", "timezone")}, **changes}
        schedule.check(merged["schedule"], merged["timezone"])
        if {"schedule", "timezone", "enabled", "end_time"} & set(changes):
            enabled = changes.get("enabled", current.enabled)
            end_time = changes.get("end_time", current.end_time)
            changes["next_run_date"] = (
                _first(merged["schedule"], merged["timezone"], end_time) if enabled else None
            )
        record = await self.services.crons.update(params.cron_id, **changes)
        return views.cron(record)

    async def lg_delete_cron(self, params: models.LgDeleteCronParams) -> None:
        await self.services.crons.delete(params.cron_id)

    async def lg_search_crons(
        self, params: models.LgSearchCronsParams, body: models.LgCronSearch
    ) -> list[models.LgCronFields]:
        found = await self.services.crons.search(
            assistant_id=await self._lg_cron_assistant(body.assistant_id),
            thread_id=body.thread_id,
            enabled=body.enabled,
            metadata=body.metadata,
            sort_by=str(body.sort_by or "created_at"),
            sort_order=str(body.sort_order or "desc"),
            limit=body.limit,
            offset=body.offset,
        )
        select = [str(getattr(f, "value", f)) for f in body.select] if body.select else None
        return [views.cron_fields(r, select) for r in found]

    async def lg_count_crons(
        self, params: models.LgCountCronsParams, body: models.LgCronCount
    ) -> int:
        return await self.services.crons.count(
            assistant_id=await self._lg_cron_assistant(body.assistant_id),
            thread_id=body.thread_id,
            metadata=body.metadata,
        )

    async def _lg_cron_assistant(self, assistant_id: str | None) -> uuid.UUID | None:
        if assistant_id is None:
            return None
        try:
            return (await self._lg_assistant(assistant_id))[0].assistant_id
        except NotFound:  # no such assistant: a filter nothing matches
            return uuid.UUID(int=0)

    async def _lg_fire(self, cron: CronRecord, within: Transaction) -> RunRecord:
        """One firing of `cron`: an ordinary run, as its payload asks, created in `within`
        (the transaction that claimed the firing)."""
        slot = cron.next_run_date.isoformat() if cron.next_run_date else None
        body = models.LgRunCreate.model_validate(
            {
                **cron.payload,
                # Which cron and which of its firings made the run.
                "metadata": {
                    **(cron.payload.get("metadata") or {}),
                    "cron_id": str(cron.cron_id),
                    "cron_run_date": slot,
                },
                "assistant_id": str(cron.assistant_id),
                **({"on_completion": cron.on_run_completed} if cron.thread_id is None else {}),
            }
        )
        return await self._lg_start(cron.thread_id, body, ALL_MODES, within)


def _payload(body: models.LgCronCreate | models.LgCronPatch) -> dict[str, Any]:
    given = body.model_dump(mode="json", include=set(PAYLOAD), exclude_none=True)
    return {k: v for k, v in given.items() if k in body.model_fields_set}


def _refuse_unsupported(body: models.LgCronCreate | models.LgCronPatch) -> None:
    refuse_unhonoured(body, [name for name in HONOURED if name in type(body).model_fields])


def _refuse_graph_fields(body: models.LgCronCreate | models.LgCronPatch, agent: Agent) -> None:
    """A 422 `not_supported` naming the fields only a graph honours, for another agent."""
    given = [n for n in ("interrupt_before", "interrupt_after") if getattr(body, n) is not None]
    if given and not is_graph_agent(agent):
        raise not_supported(given, " (for an agent that is not a graph)")


def _first(schedule_: str, timezone: str | None, end_time: datetime | None) -> datetime | None:
    return schedule.next_run(schedule_, timezone, datetime.now(UTC), end_time)
