"""Thread operations."""

from __future__ import annotations

from ap_generated import models

from ..engine.services import Services
from . import views


class ThreadsApi:
    services: Services

    async def create_thread(
        self, params: models.CreateThreadParams, body: models.ThreadCreate
    ) -> models.Thread:
        record = await self.services.threads.create(
            body.thread_id, body.metadata or {}, body.if_exists.value
        )
        return views.thread(record)

    async def search_threads(
        self, params: models.SearchThreadsParams, body: models.ThreadSearchRequest
    ) -> list[models.Thread]:
        records = await self.services.threads.search(
            metadata=body.metadata,
            values=body.values,
            status=body.status.value if body.status else None,
            limit=body.limit,
            offset=body.offset,
        )
        return [views.thread(r) for r in records]

    async def get_thread(self, params: models.GetThreadParams) -> models.Thread:
        return views.thread(await self.services.threads.get(params.thread_id))

    async def patch_thread(
        self, params: models.PatchThreadParams, body: models.ThreadPatch
    ) -> models.Thread:
        record = await self.services.threads.patch(
            params.thread_id,
            metadata=body.metadata,
            values=body.values,
            messages=[m.model_dump(mode="json", exclude_unset=True) for m in body.messages]
            if body.messages is not None
            else None,
            checkpoint_id=body.checkpoint.checkpoint_id if body.checkpoint else None,
        )
        return views.thread(record)

    async def delete_thread(self, params: models.DeleteThreadParams) -> None:
        await self.services.threads.delete(params.thread_id)

    async def copy_thread(self, params: models.CopyThreadParams) -> models.Thread:
        return views.thread(await self.services.threads.copy(params.thread_id))

    async def get_thread_history(
        self, params: models.GetThreadHistoryParams
    ) -> list[models.ThreadState]:
        records = await self.services.threads.history(
            params.thread_id, limit=params.limit, before=params.before
        )
        return [views.thread_state(r) for r in records]
