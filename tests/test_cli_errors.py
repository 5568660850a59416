"""Start-up mistakes, made for real with the CLI: each is one or two lines on stderr that
name the cause and the fix, a non-zero exit and no traceback (unless --debug)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ap_server.cli import _version

# Nothing listens on port 1: a database there is refused at once.
REFUSED_DB = "postgresql://postgres@127.0.0.1:1/postgres"


def run_cli(*args: str, timeout: float = 60, cwd: Path | None = None, **env: str):
    environ = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AP_")},
        "DATABASE_URL": REFUSED_DB,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "ap_server.cli", *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )


def assert_clear_error(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode != 0, result
    error = result.stderr.strip()
    lines = [line for line in error.splitlines() if line.startswith("ap-server: error:")]
    assert len(lines) == 1, error
    assert "Traceback" not in error, error
    # Only the error (at most two lines), or progress lines before it that are log lines.
    assert len(lines[0]) < 400, lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


@pytest.fixture
def busy_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield sock.getsockname()[1]


def test_port_in_use_is_found_before_the_database(busy_port: int) -> None:
    # The database is unreachable too: the port is checked first, so that is what is said.
    result = run_cli("serve", "--port", str(busy_port))
    line = assert_clear_error(result, f"port {busy_port}", "in use", "--port", "AP_PORT")
    assert "database" not in line.lower()


def test_port_in_use_from_the_environment(busy_port: int) -> None:
    result = run_cli("serve", PORT=str(busy_port))
    assert_clear_error(result, f"port {busy_port}", "in use")
    result = run_cli("serve", AP_PORT=str(busy_port), PORT="1")  # AP_PORT wins
    assert_clear_error(result, f"port {busy_port}", "in use")


def test_unreachable_database() -> None:
    result = run_cli("serve", "--port", "0")
    assert_clear_error(
        result, "cannot connect", "127.0.0.1:1", "connection refused", "DATABASE_URL"
    )


def test_database_that_does_not_exist(postgres_url: str) -> None:
    url = postgres_url.rsplit("/", 1)[0] + "/ap_no_such_database"
    result = run_cli("serve", "--port", "0", DATABASE_URL=url)
    assert_clear_error(result, "cannot connect", "ap_no_such_database", "does not exist")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://root:secret@localhost/db", ["not a Postgres URL", "postgresql://"]),
        ("just some words", ["not a Postgres URL"]),
    ],
)
def test_malformed_database_url(url: str, words: list[str]) -> None:
    result = run_cli("serve", "--port", "0", DATABASE_URL=url)
    line = assert_clear_error(result, "DATABASE_URL", *words)
    assert "secret" not in result.stderr and "***" in line if "secret" in url else True


@pytest.fixture
def agent_modules(tmp_path: Path) -> Path:
    (tmp_path / "boom_agents.py").write_text("raise RuntimeError('kaboom at import')\n")
    (tmp_path / "needs_missing.py").write_text("import ap_not_installed_anywhere\n")
    (tmp_path / "sync_agents.py").write_text("def agent(ctx):\n    return None\n")
    return tmp_path


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("no_colon_here", ["'no_colon_here'", "module:attribute"]),
        ("ap_no_such_module:agent", ["no module named 'ap_no_such_module'", "PYTHONPATH"]),
        ("json:no_such_thing", ["json has no attribute 'no_such_thing'"]),
        ("os:sep", ["is a str", "not an Agent"]),
        ("sync_agents:agent", ["not async", "async function"]),
        ("boom_agents:agent", ["importing boom_agents raised RuntimeError", "kaboom at import"]),
        ("needs_missing:agent", ["'ap_not_installed_anywhere'", "not installed"]),
    ],
)
def test_bad_agent(agent_modules: Path, spec: str, words: list[str]) -> None:
    result = run_cli("serve", "--port", "0", "--agent", spec, PYTHONPATH=str(agent_modules))
    line = assert_clear_error(result, f"agent {spec!r}", *words)
    assert "database" not in line  # agents are checked before the database


def test_two_agents_with_one_id() -> None:
    result = run_cli("serve", "--agent", "ap_server.agents.examples:echo")  # echo is served
    assert_clear_error(result, "two agents with the id 'echo'", "serve each agent id once")


def test_debug_shows_the_traceback(agent_modules: Path) -> None:
    result = run_cli(
        "serve", "--debug", "--agent", "boom_agents:agent", PYTHONPATH=str(agent_modules)
    )
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "kaboom at import" in result.stderr
    assert "ap-server: error:" in result.stderr.splitlines()[-1]


def test_missing_config_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert_clear_error(run_cli("serve", "--config", str(missing)), str(missing), "not found")
    assert_clear_error(run_cli("serve", AP_CONFIG=str(missing)), "not found", "AP_CONFIG")


def test_invalid_config_file(tmp_path: Path) -> None:
    config = tmp_path / "ap.toml"
    config.write_text("agents = [unquoted]\n")
    assert_clear_error(run_cli("serve", "--config", str(config)), "not valid TOML", "line 1")
    config.write_text('agents = "echo:one"\n')
    assert_clear_error(run_cli("serve", "--config", str(config)), "agents must be a list")


def test_unknown_config_key_is_named(tmp_path: Path) -> None:
    config = tmp_path / "ap.toml"
    config.write_text('agent = ["ap_server.agents.examples:echo"]\n')
    assert_clear_error(
        run_cli("serve", "--config", str(config)),
        "unknown key 'agent'",
        "did you mean 'agents'",
    )


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("AP_POOL_SIZE", "ten", ["AP_POOL_SIZE='ten'", "integer"]),
        ("AP_RUN_TIMEOUT", "1m", ["AP_RUN_TIMEOUT='1m'", "number"]),
        ("AP_LOG_FORMAT", "xml", ["AP_LOG_FORMAT='xml'", "text, json"]),
        ("PORT", "http", ["PORT='http'", "integer"]),
    ],
)
def test_bad_setting(name: str, value: str, words: list[str]) -> None:
    assert_clear_error(run_cli("serve", **{name: value}), *words)


def test_bad_api_keys(tmp_path: Path) -> None:
    assert_clear_error(run_cli("serve", AP_API_KEYS="alice"), "AP_API_KEYS", "owner=key")
    missing = tmp_path / "keys"
    assert_clear_error(
        run_cli("serve", AP_API_KEYS_FILE=str(missing)),
        f"AP_API_KEYS_FILE {missing}",
        "No such file",
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ap-server {_version()}"
    assert _version()[0].isdigit()
