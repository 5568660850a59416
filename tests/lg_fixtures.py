"""Fixtures of the LangGraph tests: a server (on a fresh database) serving some graphs, and
the real `langgraph-sdk` client pointed at its /langgraph paths.

    lg_server = lg_server_on("tests.langgraph_graphs:hitl_graph")   # in a test module
    from .lg_fixtures import client_fixture  # noqa: F401  (the fixture `client`)
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from langgraph_sdk import get_client

from .conftest import ServerProcess, create_database, drop_database, spawn_server


def lg_server_on(agents: str, **env: str) -> Callable[..., Any]:
    """A module's `lg_server` fixture: a server with `agents` (AP_AGENTS) and `env`."""

    @pytest.fixture(scope="module", name="lg_server")
    async def lg_server(postgres_url: str) -> AsyncIterator[ServerProcess]:
        url = await create_database(postgres_url)
        try:
            server = await spawn_server(url, AP_AGENTS=agents, **env)
            try:
                yield server
            finally:
                await server.stop(at_once=True)
        finally:
            await drop_database(postgres_url, url)

    return lg_server


@pytest.fixture(name="client")
def client_fixture(lg_server: ServerProcess) -> Any:
    return get_client(url=f"{lg_server.base_url}/langgraph", timeout=30)
