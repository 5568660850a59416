"""Run operations: create (background, wait, stream), resume, read, join, cancel."""

from __future__ import annotations

from collections.abc import AsyncIterator

from ap_generated import models

from ..domain.states import MultitaskStrategy
from ..engine.service import NewRun, RunRecord, RunService
from ..engine.services import Services
from ..routing import until_disconnect
from ..sse import Event
from ..webhooks import check_target
from . import views

RunBody = models.RunCreate | models.RunStream | models.RunResume | models.RunResumeStream


class RunsApi:
    services: Services

    @property
    def _runs(self) -> RunService:
        return self.services.runs

    # -- creating ----------------------------------------------------------------------

    async def _new_run(self, body: RunBody, *, resume: bool = False) -> NewRun:
        agents = self.services.agents
        agent_id = body.agent_id
        if agent_id is None and resume and body.thread_id is not None:
            agent_id = await self._runs.asking_agent_id(body.thread_id)
        agent = agents.get(agent_id) if agent_id else agents.default
        if body.webhook:
            check_target(body.webhook, allow_private=self.services.settings.webhook_allow_private)
        config = body.config.model_dump(mode="json", exclude_unset=True) if body.config else {}
        modes = getattr(body, "stream_mode", None) or models.StreamMode.VALUES
        modes = modes if isinstance(modes, list) else [modes]
        messages = body.messages
        return NewRun(
            agent_id=agent.agent_id,
            thread_id=body.thread_id,
            if_not_exists=str(getattr(body, "if_not_exists", "reject")),
            input=body.input,
            messages=[m.model_dump(mode="json", exclude_unset=True) for m in messages]
            if messages
            else None,
            metadata=body.metadata,
            config=config,
            stream_mode=tuple(dict.fromkeys(str(m) for m in modes)),
            webhook=body.webhook,
            multitask_strategy=MultitaskStrategy(
                str(getattr(body, "multitask_strategy", None) or MultitaskStrategy.REJECT)
            ),
            on_completion=str(body.on_completion) if body.on_completion else None,
            timeout_seconds=config.get("timeout"),
            is_resume=resume,
        )

    async def create_run(
        self, params: models.CreateRunParams, body: models.RunStream
    ) -> models.Run:
        return views.run(await self._runs.create(await self._new_run(body)))

    @until_disconnect
    async def create_and_wait_run(
        self, params: models.CreateAndWaitRunParams, body: models.RunCreate
    ) -> models.RunWaitResponse:
        run = await self._runs.create(await self._new_run(body))
        return await self._wait(run, str(body.on_disconnect))

    async def create_and_stream_run(
        self, params: models.CreateAndStreamRunParams, body: models.RunStream
    ) -> AsyncIterator[Event]:
        run = await self._runs.create(await self._new_run(body))
        return self._runs.stream(run, 0, str(body.on_disconnect))

    async def resume_run(
        self, params: models.ResumeRunParams, body: models.RunResume
    ) -> models.Run:
        return views.run(await self._runs.create(await self._new_run(body, resume=True)))

    @until_disconnect
    async def resume_and_wait_run(
        self, params: models.ResumeAndWaitRunParams, body: models.RunResume
    ) -> models.RunWaitResponse:
        run = await self._runs.create(await self._new_run(body, resume=True))
        return await self._wait(run, str(body.on_disconnect))

    async def resume_and_stream_run(
        self, params: models.ResumeAndStreamRunParams, body: models.RunResumeStream
    ) -> AsyncIterator[Event]:
        run = await self._runs.create(await self._new_run(body, resume=True))
        return self._runs.stream(run, 0, str(body.on_disconnect))

    # -- reading and joining -----------------------------------------------------------

    async def get_run(self, params: models.GetRunParams) -> models.Run:
        return views.run(await self._runs.get(params.run_id))

    async def search_runs(
        self, params: models.SearchRunsParams, body: models.RunSearchRequest
    ) -> list[models.Run]:
        found = await self._runs.search(
            thread_id=body.thread_id,
            agent_id=body.agent_id,
            status=str(body.status) if body.status else None,
            metadata=body.metadata,
            limit=body.limit,
            offset=body.offset,
        )
        return [views.run(r) for r in found]

    async def delete_run(self, params: models.DeleteRunParams) -> None:
        await self._runs.delete(params.run_id)

    @until_disconnect
    async def wait_run(self, params: models.WaitRunParams) -> models.RunWaitResponse:
        run = await self._runs.get(params.run_id)
        return views.wait_response(await self._runs.wait(run), run)

    async def stream_run(self, params: models.StreamRunParams) -> AsyncIterator[Event]:
        run = await self._runs.get(params.run_id)
        after = int(params.last_event_id) if params.last_event_id is not None else None
        return self._runs.stream(run, after)

    # -- stopping ----------------------------------------------------------------------

    @until_disconnect
    async def cancel_run(self, params: models.CancelRunParams) -> None:
        await self._runs.stop(
            params.run_id,
            reason="user",
            action=str(params.action),
            graceful=params.graceful,
            timeout=params.timeout,
            wait=params.wait,
        )

    async def cancel_runs(
        self, params: models.CancelRunsParams, body: models.RunCancelRequest
    ) -> list[models.Run]:
        stopped = await self._runs.stop_many(
            thread_id=body.thread_id,
            run_ids=body.run_ids,
            status=str(body.status),
            action=str(body.action or "interrupt"),
            graceful=params.graceful,
            timeout=params.timeout,
        )
        return [views.run(r) for r in stopped]

    # -- helpers -----------------------------------------------------------------------

    async def _wait(self, run: RunRecord, on_disconnect: str) -> models.RunWaitResponse:
        return views.wait_response(await self._runs.wait(run, on_disconnect), run)
