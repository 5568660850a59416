"""Service endpoints of this server."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ap_generated import models

from ..errors import Unavailable
from .services import Services


class SystemApi:
    services: Services

    async def health(self, params: models.HealthParams) -> models.Health:
        if not await self.services.database.ping():
            raise Unavailable("the database does not answer")
        return models.Health(ok=True)

    async def info(self, params: models.InfoParams) -> models.Info:
        try:
            ours = version("ap-server")
        except PackageNotFoundError:  # run from a source tree
            ours = "unknown"
        return models.Info(
            version=ours,
            flags={"assistants": True, "crons": True, "langsmith": False},
            capabilities={
                "agent_protocol": True,
                "langgraph": "/langgraph",
                "api_keys": self.services.settings.api_keys != ""
                or self.services.settings.api_keys_file is not None,
            },
        )
