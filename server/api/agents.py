"""Agent operations."""

from __future__ import annotations

from ap_generated import models

from ..engine.services import Services
from . import views


class AgentsApi:
    services: Services

    async def search_agents(
        self, params: models.SearchAgentsParams, body: models.AgentSearchRequest
    ) -> list[models.Agent]:
        found = self.services.agents.search(
            name=body.name, metadata=body.metadata, limit=body.limit, offset=body.offset
        )
        return [views.agent(a) for a in found]

    async def get_agent(self, params: models.GetAgentParams) -> models.Agent:
        return views.agent(self.services.agents.get(params.agent_id))

    async def get_agent_schemas(self, params: models.GetAgentSchemasParams) -> models.AgentSchema:
        return views.agent_schemas(self.services.agents.get(params.agent_id))
