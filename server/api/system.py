"""Service endpoints of this server."""

from __future__ import annotations

from ap_generated import models

from ..engine.services import Services
from ..errors import Unavailable
from ..info import server_info


class SystemApi:
    services: Services

    async def health(self, params: models.HealthParams) -> models.Health:
        if not await self.services.database.ping():
            raise Unavailable("the database does not answer")
        return models.Health(ok=True)

    async def info(self, params: models.InfoParams) -> models.Info:
        return server_info(self.services.settings)
