"""What `GET /info` (and `/langgraph/info`) says: this server's version and capabilities."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ap_generated import models

from .settings import Settings


def server_info(settings: Settings) -> models.Info:
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
            "api_keys": bool(settings.api_keys or settings.api_keys_file),
        },
    )
