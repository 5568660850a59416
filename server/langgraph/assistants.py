"""LangGraph assistants (tag LangGraph): stored, versioned configurations of a graph.

Every agent the server serves (a LangGraph graph or a native agent) has a default
assistant, created when a server process starts, whose id is LangGraph's:
`uuid5(NAMESPACE_GRAPH, graph_id)`; the graph id itself names it too, wherever an
assistant id is read. A run through an assistant gets its `config` and `context` under
the run's own (`merged_config`).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from ap_generated import models

from ..agents import Agent
from ..errors import NotFound
from ..routing import Reply
from ..storage.assistants import AssistantFields, AssistantRecord
from . import views
from .graph import drawable_graph, subgraph_schemas
from .views import default_id

if TYPE_CHECKING:
    from ..engine.services import Services


def defaults(agents: list[Agent]) -> dict[uuid.UUID, AssistantFields]:
    """The default assistant of each agent, as LangGraph's server makes them."""
    return {
        default_id(a.agent_id): AssistantFields(
            graph_id=a.agent_id,
            name=a.agent_id,
            description=None,
            metadata={"created_by": "system"},
        )
        for a in agents
    }


def merged_config(
    assistant: AssistantRecord, config: dict[str, Any] | None, context: dict[str, Any] | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The run's config and context over the assistant's (`configurable` merged key by key),
    with the assistant and graph ids in `configurable`, as LangGraph's server passes them."""
    config = config or {}
    merged = {**assistant.config, **config}
    merged["configurable"] = {
        **(assistant.config.get("configurable") or {}),
        **(config.get("configurable") or {}),
        "assistant_id": str(assistant.assistant_id),
        "graph_id": assistant.graph_id,
    }
    return merged, {**assistant.context, **(context or {})}


class AssistantsApi:
    services: Services

    async def _lg_assistant(self, assistant_id: str) -> tuple[AssistantRecord, Agent]:
        """The assistant an id names (its own, or a graph id for the default one) and the
        agent it runs."""
        if assistant_id in self.services.agents.ids():
            key = default_id(assistant_id)
        else:
            try:
                key = uuid.UUID(assistant_id)
            except ValueError:
                raise NotFound("assistant", assistant_id) from None
        record = await self.services.assistants.get(key)
        return record, self.services.agents.get(record.graph_id)

    async def _lg_assistant_id(self, assistant_id: str) -> uuid.UUID:
        return (await self._lg_assistant(assistant_id))[0].assistant_id

    async def lg_create_assistant(
        self, params: models.LgCreateAssistantParams, body: models.LgAssistantCreate
    ) -> models.LgAssistant:
        self.services.agents.get(body.graph_id)  # a graph this server serves
        record = await self.services.assistants.create(
            body.assistant_id, _fields(body), str(body.if_exists or "raise")
        )
        return views.assistant(record)

    async def lg_get_assistant(self, params: models.LgGetAssistantParams) -> models.LgAssistant:
        return views.assistant((await self._lg_assistant(params.assistant_id))[0])

    async def lg_update_assistant(
        self, params: models.LgUpdateAssistantParams, body: models.LgAssistantPatch
    ) -> models.LgAssistant:
        if body.graph_id is not None:
            self.services.agents.get(body.graph_id)
        record = await self.services.assistants.update(
            await self._lg_assistant_id(params.assistant_id), _fields(body)
        )
        return views.assistant(record)

    async def lg_delete_assistant(self, params: models.LgDeleteAssistantParams) -> None:
        await self.services.assistants.delete(
            await self._lg_assistant_id(params.assistant_id),
            with_threads=bool(params.delete_threads),
        )

    async def lg_search_assistants(
        self, params: models.LgSearchAssistantsParams, body: models.LgAssistantSearch
    ) -> Reply:
        found = await self.services.assistants.search(
            graph_id=body.graph_id,
            name=body.name,
            metadata=body.metadata,
            sort_by=str(body.sort_by) if body.sort_by else None,
            sort_order=str(body.sort_order) if body.sort_order else None,
            limit=body.limit + 1,  # one more: is there a next page?
            offset=body.offset,
        )
        select = [str(f) for f in body.select] if body.select else None
        page = [views.assistant_fields(r, select) for r in found[: body.limit]]
        more = len(found) > body.limit
        return Reply(
            page, headers={"X-Pagination-Next": str(body.offset + body.limit)} if more else {}
        )

    async def lg_count_assistants(
        self, params: models.LgCountAssistantsParams, body: models.LgAssistantCount
    ) -> int:
        return await self.services.assistants.count(
            graph_id=body.graph_id, name=body.name, metadata=body.metadata
        )

    async def lg_list_assistant_versions(
        self, params: models.LgListAssistantVersionsParams, body: models.LgAssistantVersionSearch
    ) -> list[models.LgAssistantVersion]:
        found = await self.services.assistants.versions(
            await self._lg_assistant_id(params.assistant_id),
            metadata=body.metadata,
            limit=body.limit,
            offset=body.offset,
        )
        return [views.assistant_version(r) for r in found]

    async def lg_set_latest_assistant_version(
        self, params: models.LgSetLatestAssistantVersionParams, body: models.LgAssistantSetLatest
    ) -> models.LgAssistant:
        record = await self.services.assistants.set_latest(
            await self._lg_assistant_id(params.assistant_id), body.version
        )
        return views.assistant(record)

    async def lg_get_assistant_graph(
        self, params: models.LgGetAssistantGraphParams
    ) -> models.LgDrawableGraph:
        _, agent = await self._lg_assistant(params.assistant_id)
        xray = getattr(params.xray, "root", params.xray)
        depth = xray if isinstance(xray, (bool, int)) else False
        return models.LgDrawableGraph.model_validate(drawable_graph(agent, depth))

    async def lg_get_assistant_subgraphs(
        self, params: models.LgGetAssistantSubgraphsParams
    ) -> models.LgSubgraphs:
        _, agent = await self._lg_assistant(params.assistant_id)
        return views.subgraphs(agent, subgraph_schemas(agent, None, bool(params.recurse)))

    async def lg_get_assistant_subgraphs_at(
        self, params: models.LgGetAssistantSubgraphsAtParams
    ) -> models.LgSubgraphs:
        _, agent = await self._lg_assistant(params.assistant_id)
        found = subgraph_schemas(agent, params.namespace, bool(params.recurse))
        return views.subgraphs(agent, found)

    async def lg_get_assistant_schemas(
        self, params: models.LgGetAssistantSchemasParams
    ) -> models.LgGraphSchema:
        record, agent = await self._lg_assistant(params.assistant_id)
        return views.graph_schema(agent, record.graph_id)


def _fields(body: models.LgAssistantCreate | models.LgAssistantPatch) -> AssistantFields:
    return AssistantFields(
        graph_id=body.graph_id,
        name=body.name,
        description=body.description,
        config=body.config,
        context=body.context,
        metadata=body.metadata,
    )
