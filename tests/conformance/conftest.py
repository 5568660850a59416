"""The conformance session: a fresh database for the in-process server, and the request count.

The directory is left out of a run that does not name it: `pytest tests` is the main suite,
`pytest tests/conformance` (or a path or node id inside it) runs the conformance tests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from schemathesis.python import asgi

from ..conftest import create_database, drop_database
from . import APP, profile, server_settings

HERE = Path(__file__).resolve().parent


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    for arg in config.args:
        named = Path(config.invocation_params.dir, arg.split("::", 1)[0]).resolve()
        if named == HERE or HERE in named.parents:
            return None
    return True


def _whole_suite(config: pytest.Config) -> bool:
    """Whether the run is the whole conformance suite (not a selection of it)."""
    if config.option.keyword or config.option.markexpr:
        return False
    return all("::" not in arg and Path(arg).resolve() == HERE for arg in config.args)


@pytest.fixture(scope="session")
async def conformance_app(postgres_url: str) -> AsyncIterator[None]:
    """APP configured on a new empty database; its lifespan (started by schemathesis on the
    first request) migrates it. At the end the lifespan is shut down (the run engine drains,
    the pool closes) and the database dropped."""
    url = await create_database(postgres_url)
    APP.settings = server_settings(url)
    try:
        yield
    finally:
        asgi.shutdown_lifespans()
        await drop_database(postgres_url, url)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if APP.settings is None:
        return
    current = profile()
    terminalreporter.write_sep("-", "conformance")
    for line in APP.notes:
        terminalreporter.write_line(line)
    for operation, counts in APP.summary():
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
        seconds = APP.seconds[operation]
        terminalreporter.write_line(f"  {operation:40} {seconds:7.1f} s  {statuses}")
    terminalreporter.write_line(
        f"profile {current.name}: {APP.requests} requests made to the server"
        + (f" (at least {current.min_requests} required)" if current.min_requests else "")
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The thorough profile fails a whole-suite run that made too few requests."""
    current = profile()
    if (
        APP.settings is not None
        and exitstatus == pytest.ExitCode.OK
        and _whole_suite(session.config)
        and APP.requests < current.min_requests
    ):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
