"""Store operations."""

from __future__ import annotations

from ap_generated import models

from ..engine.services import Services
from ..shapes import labels
from . import views


class StoreApi:
    services: Services

    async def put_item(self, params: models.PutItemParams, body: models.StorePutRequest) -> None:
        await self.services.items.put(labels(body.namespace), body.key, body.value)

    async def get_item(self, params: models.GetItemParams) -> models.Item:
        return views.item(await self.services.items.get(labels(params.namespace), params.key))

    async def delete_item(
        self, params: models.DeleteItemParams, body: models.StoreDeleteRequest
    ) -> None:
        await self.services.items.delete(labels(body.namespace), body.key)

    async def search_items(
        self, params: models.SearchItemsParams, body: models.StoreSearchRequest
    ) -> models.SearchItemsResponse:
        records = await self.services.items.search(
            prefix=labels(body.namespace_prefix),
            filter=body.filter,
            limit=body.limit,
            offset=body.offset,
        )
        return models.SearchItemsResponse(items=[views.item(r) for r in records])

    async def list_namespaces(
        self, params: models.ListNamespacesParams, body: models.StoreListNamespacesRequest
    ) -> models.ListNamespaceResponse:
        found = await self.services.items.namespaces(
            prefix=labels(body.prefix),
            suffix=labels(body.suffix),
            max_depth=body.max_depth,
            limit=body.limit,
            offset=body.offset,
        )
        return models.ListNamespaceResponse(found)
