"""Sessions: generate, check-generated, tests, conformance, conformance-langgraph, bench,
chaos, lint, serve.

Every session installs what it needs into its own virtualenv, so a fresh machine with
Python 3.11 and `pip install nox` can run all of them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import nox

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

CODEGEN = [".[codegen]"]
GENERATED_PATHS = ["generated", "client"]


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ and client/ from spec/openapi.yaml."""
    session.install(*CODEGEN)
    session.run("python", "spec/codegen.py")


@nox.session(name="check-generated")
def check_generated(session: nox.Session) -> None:
    """Regenerate and fail if anything differs from what is committed."""
    session.install(*CODEGEN)
    session.run("python", "spec/codegen.py")
    session.run("git", "add", "--intent-to-add", *GENERATED_PATHS, external=True)
    session.run("git", "diff", "--exit-code", "--stat", "--", *GENERATED_PATHS, external=True)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite on real Postgres: DATABASE_URL if set, else an embedded one (one per
    test process). Three processes (pytest-xdist; most tests wait on servers, so three keep
    two cores busier than two do), each taking whole files: a module's fixtures (its
    server, its database) stay in one process; the longest files go first
    (tests/conftest.py's LONGEST_FILES). `-- -n 0` for one process."""
    session.install("-e", ".[test]", "-e", "./client")
    session.run(
        "pytest", "-n", "3", "--dist", "loadfile", "--no-loadscope-reorder", "--durations=15",
        *(session.posargs or ["tests", "client/tests"]),
    )  # fmt: skip


@nox.session
def conformance(session: nox.Session) -> None:
    """schemathesis over every operation and linked sequences of them, against the server
    in-process on real Postgres (DATABASE_URL, else embedded). AP_CONFORMANCE_PROFILE=thorough
    for the long run (at least 10,000 requests); the default `fast` profile is CI's."""
    session.install("-e", ".[test]", "-e", "./client")
    session.run("pytest", *(session.posargs or ["tests/conformance"]))


@nox.session(name="conformance-langgraph")
def conformance_langgraph(session: nox.Session) -> None:
    """The kit's LangGraph profile against LangGraph's own server: `langgraph dev`
    (langgraph-cli[inmem], in memory) serving the kit's graphs (tests/langgraph_dev/
    langgraph.json) on LANGGRAPH_PORT (default: a free port). Every check must pass there;
    the reports go to .nox/conformance-langgraph-report.{json,xml,html}."""
    session.install(".", "langgraph-cli[inmem]")
    port = int(os.environ.get("LANGGRAPH_PORT") or _free_port())
    base_url = f"http://127.0.0.1:{port}"
    workdir = Path("tests/langgraph_dev")
    log_path = Path(".nox/langgraph-dev.log")
    shutil.rmtree(workdir / ".langgraph_api", ignore_errors=True)  # its saved state: start empty
    command = [
        str(Path(session.bin) / "langgraph"), "dev", "--no-browser", "--no-reload",
        "--host", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"{base_url}/ok", server, log_path)
        reports = Path(".nox/conformance-langgraph-report")
        session.run(
            "ap-server", "conformance", "--api", "langgraph", "--base-url", base_url,
            "--report-json", f"{reports}.json", "--report-junit", f"{reports}.xml",
            "--report-html", f"{reports}.html", *session.posargs,
        )  # fmt: skip
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


@nox.session(name="langgraph-differential")
def langgraph_differential(session: nox.Session) -> None:
    """One scenario (tests/langgraph_diff/scenario.py) through the Python SDK against
    LangGraph's own server (`langgraph dev`, langgraph-cli[inmem]) and ours, serving the same
    graphs, then the thread streaming protocol's (tests/langgraph_diff/protocol.py: httpx
    and websockets); fails on a difference not listed as deliberate. Ours runs on an
    embedded Postgres of its own; the comparisons go to .nox/langgraph-differential*.json."""
    session.install("-e", ".[langgraph]", "langgraph-cli[inmem]", "langgraph-sdk>=0.4.14,<0.5")
    theirs_port, ours_port = _free_port(), _free_port()
    workdir = Path("tests/langgraph_diff")
    shutil.rmtree(workdir / ".langgraph_api", ignore_errors=True)
    data_dir = Path(".nox/langgraph-differential-pg")
    shutil.rmtree(data_dir, ignore_errors=True)
    graphs = (
        "hitl_graph",
        "slow_graph",
        "chat_graph",
        "greeter",
        "outer_graph",
        "tool_graph",
        "nested",
    )
    theirs_log, ours_log = Path(".nox/langgraph-dev-diff.log"), Path(".nox/ours-diff.log")
    theirs_command = [
        str(Path(session.bin) / "langgraph"), "dev", "--no-browser", "--no-reload",
        "--host", "127.0.0.1", "--port", str(theirs_port),
    ]  # fmt: skip
    ours_env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "AP_DATA_DIR": str(data_dir.resolve()),
        "AP_AGENTS": ",".join(f"tests.langgraph_graphs:{g}" for g in graphs),
        "PYTHONPATH": str(Path.cwd()),
    }
    ours_command = [str(Path(session.bin) / "ap-server"), "serve", "--port", str(ours_port)]
    with theirs_log.open("wb") as log:
        theirs = subprocess.Popen(theirs_command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    with ours_log.open("wb") as log:
        ours = subprocess.Popen(ours_command, env=ours_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{theirs_port}/ok", theirs, theirs_log)
        _wait_for(f"http://127.0.0.1:{ours_port}/ok", ours, ours_log)
        session.run(
            "python", "tests/langgraph_diff/scenario.py", f"http://127.0.0.1:{theirs_port}",
            f"http://127.0.0.1:{ours_port}/langgraph", ".nox/langgraph-differential.json",
        )  # fmt: skip
        # The thread streaming protocol: commands, SSE and the WebSocket on both.
        session.run(
            "python", "tests/langgraph_diff/protocol.py", f"http://127.0.0.1:{theirs_port}",
            f"http://127.0.0.1:{ours_port}/langgraph", ".nox/langgraph-differential-protocol.json",
        )  # fmt: skip
    finally:
        for process in (theirs, ours):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"langgraph dev exited:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"langgraph dev did not answer {url} in {timeout:g} s")


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmark: one and two server processes on a fresh database of DATABASE_URL's
    Postgres (default: the local one at 127.0.0.1:5432); prints the table. `-- --quick` for
    a smoke run, `-- --json PATH` to keep the figures, `-- --profile PATH` for py-spy."""
    session.install("-e", ".[langgraph]", "py-spy")
    session.run("python", "-m", "tests.bench.bench", *session.posargs)


@nox.session
def chaos(session: nox.Session) -> None:
    """The fault suite (tests/chaos): its own Postgres cluster (initdb/pg_ctl of the
    machine's PostgreSQL, else the embedded one's), two server processes, kill -9, Postgres
    fast and immediate restarts under load, connection exhaustion, hostile clients; prints
    the table and fails on any lost or doubled run, 500, dropped connection or slow
    recovery. AP_CHAOS_DATA, AP_CHAOS_PG_PORT, AP_CHAOS_SECONDS, AP_CHAOS_CLIENTS; `--
    --only NAME` for one scenario."""
    session.install("-e", ".")
    session.run("python", "-m", "tests.chaos", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (style), import-linter (the layers read one direction: pyproject's contracts),
    mypy (strict on the server, pyproject's [tool.mypy])."""
    session.install("-e", ".[lint,langgraph]")
    session.run("ruff", "check", "server", "tests", "spec", "noxfile.py")
    session.run("ruff", "format", "--check", "server", "tests", "spec", "noxfile.py")
    session.run("lint-imports")
    # mypy reads sources by their import names: a folder of links (ap_server -> server/).
    names = Path(session.create_tmp()) / "import-names"
    names.mkdir(exist_ok=True)
    for name, folder in (
        ("ap_server", "server"),
        ("ap_generated", "generated"),
        ("ap_migrations", "migrations"),
    ):
        link = names / name
        if not link.is_symlink():
            link.symlink_to(Path(folder).resolve(), target_is_directory=True)
    session.run("mypy", "-p", "ap_server", env={"MYPYPATH": str(names)})


@nox.session
def unit(session: nox.Session) -> None:
    """The fast tier: pure rules, codecs, parsers and settings; no database, no server."""
    session.install("-e", ".[test]", "-e", "./client")
    session.run("pytest", "tests/unit", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Serve on 127.0.0.1:2024 with the example agents (embedded Postgres unless DATABASE_URL)."""
    session.install("-e", ".")
    session.run(
        "ap-server",
        "serve",
        *session.posargs,
        env={k: v for k, v in os.environ.items() if k == "DATABASE_URL"},
    )
