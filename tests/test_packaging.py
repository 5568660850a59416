"""Installation: `pip install .` brings the SDK (agent_protocol_client) with the server, so
`ap-server conformance` runs after the README's serve command; `pip install ./client` alone
installs the SDK with only its own dependencies."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLIENT_PACKAGE = ROOT / "client" / "agent_protocol_client"


def packages_on_disk() -> set[str]:
    return {
        ".".join(("agent_protocol_client", *init.parent.relative_to(CLIENT_PACKAGE).parts))
        for init in CLIENT_PACKAGE.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }


def test_the_server_distribution_lists_every_sdk_package():
    """pyproject.toml names packages one by one: a new tag of the spec (a new folder of
    client/agent_protocol_client/api) must be added there too."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = {p for p in config["packages"] if p.startswith("agent_protocol_client")}
    assert listed == packages_on_disk()
    assert config["package-dir"]["agent_protocol_client"] == "client/agent_protocol_client"


@pytest.mark.slow
def test_the_server_wheel_holds_the_sdk(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("ap_server-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in ("__init__.py", "sse.py", "event_stream.py", "sdk/__init__.py", "py.typed"):
        assert f"agent_protocol_client/{module}" in names
    assert "agent_protocol_client/api/lang_graph/lg_stream_run.py" in names
    assert "ap_server/conformance/runner.py" in names


@pytest.mark.slow
def test_the_client_installs_alone_with_its_own_dependencies(tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT / "client")], check=True)
    script = (
        "import agent_protocol_client, importlib.metadata as m\n"
        "from agent_protocol_client import AgentProtocol, AsyncAgentProtocol, NotFoundError\n"
        "names = sorted(d.metadata['Name'].lower() for d in m.distributions())\n"
        "print(' '.join(names))\n"
    )
    out = subprocess.run(
        [str(python), "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout.split()
    assert "agent-protocol-client" in out
    assert not {"ap-server", "starlette", "sqlalchemy", "pydantic"} & set(out), out
