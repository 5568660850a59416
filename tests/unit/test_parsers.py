"""Parsers and codecs that need no server: settings, the JSON number rule, SSE framing,
state merging, agent references (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ap_server import routing, state
from ap_server.agents.registry import load
from ap_server.errors import Invalid
from ap_server.settings import Settings
from ap_server.sse import Event


def test_settings_from_the_environment():
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgresql://u@h/db",
            "AP_WORKERS": "4",
            "AP_STOP_TIMEOUT": "0.5",
            "AP_RUN_TIMEOUT": "30",
            "AP_EXAMPLE_AGENTS": "no",
            "AP_AGENTS": " a:b , c:d ,",
        }
    )
    assert settings.database_url == "postgresql://u@h/db"
    assert (settings.workers, settings.stop_timeout, settings.run_timeout) == (4, 0.5, 30.0)
    assert settings.example_agents is False
    assert settings.agents == ("a:b", "c:d")


def test_settings_defaults_and_config_file(tmp_path: Path):
    defaults = Settings.from_env({})
    assert defaults.database_url is None and defaults.run_timeout is None
    assert defaults.example_agents is True and defaults.stop_timeout == 5.0
    config = tmp_path / "ap.toml"
    config.write_text('agents = ["x:y"]\nexample_agents = false\n')
    settings = Settings.from_env({"AP_AGENTS": "a:b", "AP_CONFIG": str(config)})
    assert settings.agents == ("a:b", "x:y") and settings.example_agents is False


def test_numbers_stay_floats_and_those_with_a_zero_fraction_are_told():
    # A float stays a float (5.0 is not 5 in a free value); the caller is told of one with a
    # zero fraction, which JSON Schema counts an integer where the spec asks for one.
    seen: list[str] = []
    parse = routing._number(seen.append)
    assert parse("5.0") == 5.0 and isinstance(parse("5.0"), float)
    assert parse("1e3") == 1000.0 and isinstance(parse("1e3"), float)
    assert parse("0.5") == 0.5 and isinstance(parse("0.5"), float)
    assert seen == ["5.0", "5.0", "1e3", "1e3"]
    with pytest.raises(ValueError):
        parse("1e400")


def test_an_sse_event_is_framed_with_its_id():
    assert Event("values", {"a": 1}, "3").encode() == b'id: 3\nevent: values\ndata: {"a":1}\n\n'
    assert Event("end", None).encode() == b"event: end\ndata: null\n\n"


def test_state_updates_replace_keys_and_merge_messages_by_id():
    before = {"a": 1, "messages": [{"id": "m1", "role": "user", "content": "hi"}]}
    after = state.apply_update(
        before,
        {"b": 2},
        [
            {"id": "m1", "role": "user", "content": "hello"},
            {"id": "m2", "role": "assistant", "content": "yo"},
        ],
    )
    assert after["a"] == 1 and after["b"] == 2
    assert [(m["id"], m["content"]) for m in after["messages"]] == [("m1", "hello"), ("m2", "yo")]
    assert before["messages"][0]["content"] == "hi"  # the old state is not changed
    with pytest.raises(Invalid):
        state.apply_update({}, messages=[{"no": "role"}])


def test_an_agent_reference_needs_module_and_attribute():
    with pytest.raises(ValueError):
        load("no_colon_here")
    agent = load("named=tests.agents_for_tests:plain_function")
    assert agent.agent_id == "named"


def test_an_adapter_makes_agents_of_what_it_knows():
    from ap_server.agents.base import Agent

    async def run(ctx):
        return None

    made = Agent(agent_id="adapted", run=run)
    agent = load("tests.agents_for_tests:plain_function", [lambda agent_id, target: made])
    assert agent is made
