"""The measuring stick of issue 8: ap-server next to its floor, on this machine.

    python -m tests.bench.bench [--quick] [--json PATH] [--profile PATH]

It creates a fresh database on the Postgres server of DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/postgres), starts `ap-server serve --port 0`
processes on it (one, then a second one on the same database), measures, stops them
(SIGTERM, also on failure) and drops the database. Everything is on loopback.

What it measures, in one run:

- the floor: one HTTP round trip to the same app (GET /ok, which runs SELECT 1; GET
  /openapi.json and a 404, which touch no database), one Postgres round trip and one
  Postgres commit (asyncpg, BEGIN; INSERT; COMMIT into a temp table, and into a plain
  table, whose commit waits for the WAL flush);
- create+wait (POST /runs/wait, echo) one after another: latency and runs/s, and the
  CPU each run costs the server, Postgres and this client;
- 64 concurrent clients doing create+wait, on one server process and on two;
- POST /runs/stream: request to the first event, and to `end`;
- cancel (POST /runs/{id}/cancel?wait=true) of a running `slow` run: request to the run
  terminal (the response) and to `end` on a stream joined to it, with the cancel sent to
  the process executing the run, and to the other process;
- PATCH /runs/resume/wait on a thread interrupted by `hitl`;
- 1,000 SSE joins (GET /runs/{id}/stream of waiting `slow` runs) held open: server RSS;
- POST /threads/search by metadata with 100,000 threads in the database.

The table gives each figure with its unit, `×http` (the figure over the HTTP floor, GET
/ok p50; for a rate, the floor's rate over the figure: how many HTTP round trips' worth
of time one run costs), `×commit` (the same against one Postgres commit) and the issue's
target. `--json PATH` writes the same as JSON. `--profile PATH` also records the server
process with py-spy (raw collapsed stacks, idle included) during an extra pass of the
sequential create+wait workload. If pg_stat_statements is loaded on the Postgres server,
the SQL statements each sequential run costs are counted too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import re
import resource
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import asdict, dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy.engine import make_url

DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
LISTENING = re.compile(r"ap-server listening on (http://\S+)")
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0
REQUEST_TIMEOUT = 30.0
TERMINAL = {"success", "error", "timeout", "interrupted"}
# A `slow` run that waits (in ctx.sleep, which honours a stop at once) until stopped.
WAITING = {"steps": 1, "delay": 300}
CLK_TCK = os.sysconf("SC_CLK_TCK")
REPO = Path(__file__).resolve().parents[2]
SERVER_COMMAND = (sys.executable, "-m", "ap_server.cli")


@dataclass(frozen=True)
class Sizes:
    warmup: int  # runs (and /ok requests) before measuring
    floor: int  # requests per floor endpoint; Postgres round trips and commits
    sequential: int  # create+wait runs, stateless
    on_thread: int  # create+wait runs on one thread
    stream: int  # POST /runs/stream
    resume: int  # PATCH /runs/resume/wait (each after a hitl run)
    stop: int  # cancels per variant (same process, across processes)
    clients: int  # concurrent clients
    per_client: int  # create+wait runs per concurrent client
    open_streams: int  # SSE joins held open at once
    hold: float  # seconds they are held
    threads: int  # threads in the database for search
    search: int  # searches per query kind


FULL = Sizes(
    warmup=60, floor=600, sequential=500, on_thread=300, stream=200, resume=100, stop=30,
    clients=64, per_client=20, open_streams=1000, hold=5.0, threads=100_000, search=150,
)  # fmt: skip
QUICK = Sizes(
    warmup=10, floor=100, sequential=50, on_thread=30, stream=30, resume=10, stop=4,
    clients=64, per_client=3, open_streams=100, hold=1.0, threads=10_000, search=30,
)  # fmt: skip


# --- figures and the table ------------------------------------------------------------------


@dataclass
class Figure:
    key: str
    label: str
    value: float
    unit: str
    n: int | None = None
    vs_http: float | None = None
    vs_commit: float | None = None
    target: str | None = None
    met: bool | None = None


# key -> (target as written in the issue, test). Judged only at full size (see `judged`).
TARGETS: dict[str, tuple[str, Callable[[float], bool]]] = {
    "sequential.create_wait.p50": ("<= 3 ms", lambda v: v <= 3.0),
    "sequential.runs_per_s": (">= 300 runs/s", lambda v: v >= 300.0),
    "stream.first_event.p50": ("<= 5 ms", lambda v: v <= 5.0),
    "stop.cross.terminal.p99": ("<= 20 ms", lambda v: v <= 20.0),
    "concurrent.2.runs_per_s": (">= 800 runs/s", lambda v: v >= 800.0),
    "streams.rss_during": ("<= 200 MB", lambda v: v <= 200.0),
    "search.by_user.p50": ("<= 20 ms", lambda v: v <= 20.0),
    "sequential.cpu.server": ("<= 2 ms", lambda v: v <= 2.0),
    "sequential.sql.statements": ("<= 10 stmts", lambda v: v <= 10.0),
    "sequential.sql.transactions": ("<= 2 txns", lambda v: v <= 2.0),
    "langgraph.vs_native": ("<= 1.3x", lambda v: v <= 1.3),
    "stop.graph.terminal.p99": ("<= 50 ms", lambda v: v <= 50.0),
}
# The graphs served as agents (the `langgraph` extra): /langgraph runs and graph cancels.
GRAPHS = "tests.bench.graphs:echo_graph,tests.bench.graphs:stuck_graph"


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class Report:
    def __init__(self, sizes: Sizes, quick: bool) -> None:
        self.sizes = sizes
        self.quick = quick
        self.machine: dict[str, Any] = {}
        self.figures: list[Figure] = []
        self.details: dict[str, Any] = {}
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.started = time.monotonic()
        # The floors, once measured (seconds).
        self.http_p50: float | None = None
        self.commit_p50: float | None = None

    def add(self, key: str, label: str, value: float, unit: str, n: int | None = None,
            *, vs_http: float | None = None, vs_commit: float | None = None) -> Figure:  # fmt: skip
        target = TARGETS.get(key)
        figure = Figure(key, label, value, unit, n, vs_http, vs_commit)
        if target and self.judged(key):
            figure.target, figure.met = target[0], target[1](value)
        elif target:
            figure.target = f"{target[0]} (full run only)"
        self.figures.append(figure)
        return figure

    def judged(self, key: str) -> bool:
        if key.startswith("streams."):
            return self.sizes.open_streams >= 1000
        if key.startswith("search."):
            return self.sizes.threads >= 100_000
        return not self.quick

    def latency(self, key: str, label: str, samples: list[float],
                stats: Iterable[int] = (50, 95, 99), *, commit_bound: bool = False) -> None:  # fmt: skip
        """Latency figures (samples in seconds) in ms, with their ratios to the floors."""
        if not samples:
            return
        for p in stats:
            value = percentile(samples, p)
            self.add(
                f"{key}.p{p}", f"{label} p{p}", value * 1000, "ms", len(samples),
                vs_http=value / self.http_p50 if self.http_p50 else None,
                vs_commit=value / self.commit_p50 if commit_bound and self.commit_p50 else None,
            )  # fmt: skip

    def rate(self, key: str, label: str, per_second: float, n: int, unit: str = "runs/s",
             *, floor_rate: float | None = None, commit_bound: bool = True) -> None:  # fmt: skip
        """A rate; its ratios are the floor's rate over it (floor_rate: the HTTP floor's
        rate in the same conditions; by default one round trip after another)."""
        if floor_rate is None and self.http_p50:
            floor_rate = 1 / self.http_p50
        self.add(
            key, label, per_second, unit, n,
            vs_http=floor_rate / per_second if floor_rate and per_second else None,
            vs_commit=(1 / self.commit_p50) / per_second
            if commit_bound and self.commit_p50 and per_second
            else None,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        judged = [f for f in self.figures if f.met is not None]
        return {
            "mode": "quick" if self.quick else "full",
            "sizes": asdict(self.sizes),
            "machine": self.machine,
            "floors": {
                "http_ok_p50_ms": self.http_p50 * 1000 if self.http_p50 else None,
                "commit_p50_ms": self.commit_p50 * 1000 if self.commit_p50 else None,
            },
            "figures": [asdict(f) for f in self.figures],
            "targets": {"met": sum(bool(f.met) for f in judged), "judged": len(judged)},
            "details": self.details,
            "notes": self.notes,
            "errors": self.errors,
            "duration_s": round(time.monotonic() - self.started, 1),
        }

    def render(self) -> str:
        m = self.machine
        lines = [
            f"ap-server benchmark ({'quick' if self.quick else 'full'}), "
            f"{m.get('date', '')}, git {m.get('git', '?')}",
            f"machine: {m.get('nproc')} CPUs ({m.get('cpu_model')}), {m.get('memory_gb')} GB;"
            f" Python {m.get('python')}; {m.get('postgres')}"
            f" (fsync {m.get('fsync')}, synchronous_commit {m.get('synchronous_commit')});"
            f" load average at start {m.get('loadavg_start')}, at end {m.get('loadavg_end')}",
            f"libraries: {m.get('libraries')}",
        ]
        if self.http_p50 and self.commit_p50:
            lines.append(
                f"floors: HTTP round trip GET /ok p50 = {self.http_p50 * 1000:.3f} ms (x http);"
                f" Postgres commit p50 = {self.commit_p50 * 1000:.3f} ms (x commit: BEGIN;"
                " INSERT; COMMIT on a plain table, flushing the WAL as the server's commits do)."
                " For a rate, the ratio is the floor's rate over it."
            )
        head = ("figure", "value", "unit", "n", "x http", "x commit", "target", "met")
        rows = [head]
        for f in self.figures:
            rows.append(
                (
                    f.label,
                    _number(f.value),
                    f.unit,
                    str(f.n) if f.n is not None else "",
                    f"{f.vs_http:.2f}" if f.vs_http is not None else "",
                    f"{f.vs_commit:.2f}" if f.vs_commit is not None else "",
                    f.target or "",
                    {True: "yes", False: "NO", None: ""}[f.met],
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        right = {1, 3, 4, 5}
        lines.append("")
        for i, row in enumerate(rows):
            cells = [
                c.rjust(w) if j in right else c.ljust(w)
                for j, (c, w) in enumerate(zip(row, widths, strict=True))
            ]
            lines.append("  ".join(cells).rstrip())
            if i == 0:
                lines.append("  ".join("-" * w for w in widths))
        judged = [f for f in self.figures if f.met is not None]
        lines.append("")
        lines.append(f"targets met: {sum(bool(f.met) for f in judged)} of {len(judged)}")
        if statements := self.details.get("sql_per_run"):
            lines.append(f"SQL per sequential run (pg_stat_statements): {statements['summary']}")
        for note in self.notes:
            lines.append(f"NOTE: {note}")
        for error in self.errors:
            lines.append(f"ERROR: {error}")
        lines.append(f"took {time.monotonic() - self.started:.0f} s")
        return "\n".join(lines)


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.1f}"
    if value >= 10:
        return f"{value:.2f}"
    return f"{value:.3f}"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the machine ----------------------------------------------------------------------------


async def machine_info(admin_url: str) -> dict[str, Any]:
    cpu_model = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    memory_gb = None
    with contextlib.suppress(OSError, ValueError):
        total_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory_gb = round(total_kb / 1024 / 1024, 1)
    conn = await asyncpg.connect(admin_url)
    try:
        postgres = await conn.fetchval("SELECT version()")
        fsync = await conn.fetchval("SHOW fsync")
        synchronous_commit = await conn.fetchval("SHOW synchronous_commit")
    finally:
        await conn.close()
    libraries = []
    for name in ("uvicorn", "starlette", "sqlalchemy", "asyncpg", "uvloop", "httptools", "httpx"):
        with contextlib.suppress(importlib_metadata.PackageNotFoundError):
            libraries.append(f"{name} {importlib_metadata.version(name)}")
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "git": _git_describe(),
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": cpu_model,
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "postgres": postgres.split(" on ")[0] if postgres else "?",
        "postgres_full": postgres,
        "fsync": fsync,
        "synchronous_commit": synchronous_commit,
        "libraries": ", ".join(libraries),
        "loadavg_start": _loadavg(),
    }


def _git_describe() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()  # fmt: skip
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "?"
    return f"{head}{' (with uncommitted changes)' if dirty else ''}"


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used; 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


async def backend_cpu(db: asyncpg.Pool) -> dict[int, float]:
    """CPU seconds of each Postgres backend connected to the bench database (when the
    Postgres server runs on this machine; else none)."""
    pids = await db.fetch("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
    return {r["pid"]: process_cpu(r["pid"]) for r in pids if Path(f"/proc/{r['pid']}").exists()}


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (all cores)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return (sum(values[:8]) - idle) / CLK_TCK


class CpuMeter:
    """CPU used during a phase by the servers, the Postgres backends of the bench database,
    this client, and the whole machine (whatever else runs on it shows as `other`)."""

    def __init__(self, servers: list[Server], db: asyncpg.Pool) -> None:
        self.servers = servers
        self.db = db
        self.start: dict[str, float] = {}
        self.backends: dict[int, float] = {}

    async def __aenter__(self) -> CpuMeter:
        self.backends = await backend_cpu(self.db)
        self.start = self._snapshot()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        pass

    def _snapshot(self) -> dict[str, float]:
        times = os.times()
        return {
            "server": sum(process_cpu(s.pid) for s in self.servers),
            "client": times.user + times.system,
            "machine": machine_busy(),
            "wall": time.monotonic(),
        }

    async def per_unit(self, units: int) -> dict[str, float]:
        """ms of CPU per unit (e.g. per run), and the machine's busy share (0..1)."""
        end = self._snapshot()
        delta = {k: end[k] - self.start[k] for k in end}
        # Backends that connected during the phase count from zero.
        delta["postgres"] = sum(
            cpu - self.backends.get(pid, 0.0) for pid, cpu in (await backend_cpu(self.db)).items()
        )
        result = {
            f"{k}_ms": delta[k] * 1000 / max(units, 1)
            for k in ("server", "postgres", "client", "machine")
        }
        result["other_ms"] = (
            result["machine_ms"] - result["server_ms"] - result["postgres_ms"] - result["client_ms"]
        )
        cores = len(os.sched_getaffinity(0))
        result["machine_busy_share"] = (
            delta["machine"] / (delta["wall"] * cores) if delta["wall"] else 0.0
        )
        return result


def add_cpu(report: Report, key: str, cpu: dict[str, float], n: int, servers: str) -> None:
    report.details[f"{key}_cpu"] = cpu
    for part, label in (
        ("server", f"  CPU per run: {servers}"),
        ("postgres", "  CPU per run: Postgres backends of the bench database"),
        ("client", "  CPU per run: this client"),
        ("other", "  CPU per run: everything else on the machine"),
    ):
        report.add(f"{key}.cpu.{part}", label, cpu[f"{part}_ms"], "ms", n)
    report.add(f"{key}.cpu.busy", "  machine CPU busy", cpu["machine_busy_share"] * 100, "%", n)


# --- databases and servers ------------------------------------------------------------------


def plain_url(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def create_database(admin_url: str) -> str:
    name = f"ap_bench_{secrets.token_hex(6)}"
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f"CREATE DATABASE {name}")
    finally:
        await conn.close()
    return plain_url(admin_url, database=name)


async def drop_database(admin_url: str, url: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")
    finally:
        await conn.close()


@dataclass
class Server:
    """An `ap-server serve --port 0` subprocess; its output goes to log_path."""

    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    base_url: str = ""

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def open_fds(self) -> int:
        try:
            return len(os.listdir(f"/proc/{self.pid}/fd"))
        except OSError:
            return 0

    async def stop(self) -> int:
        """SIGTERM, then SIGKILL after STOP_TIMEOUT seconds; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + STOP_TIMEOUT
            while self.process.poll() is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            if self.process.poll() is None:
                log(f"server {self.name} ignored SIGTERM for {STOP_TIMEOUT} s: SIGKILL")
                self.process.kill()
        return self.process.wait()


async def spawn_server(
    database_url: str, name: str, log_dir: Path, server_command: tuple[str, ...] = SERVER_COMMAND
) -> Server:
    """Start `<server_command> serve --port 0` on database_url; return once GET /ok answers 200."""
    log_path = log_dir / f"server-{name}.log"
    command = [*server_command, "serve", "--port", "0"]
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
        "AP_SHUTDOWN_GRACE": "2",  # only how long a stopping server waits for its runs
        "AP_AGENTS": GRAPHS,
    }
    with log_path.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    server = Server(name, process, log_path)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        async with httpx.AsyncClient(timeout=2) as client:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(
                        f"server {name} exited with {process.returncode}:\n{server.log_tail()}"
                    )
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"server {name} did not answer in {START_TIMEOUT} s:\n{server.log_tail()}"
                    )
                if not server.base_url and (
                    match := LISTENING.search(log_path.read_text(errors="replace"))
                ):
                    server.base_url = match.group(1)
                if server.base_url:
                    with contextlib.suppress(httpx.TransportError):
                        if (await client.get(f"{server.base_url}/ok")).status_code == 200:
                            break
                await asyncio.sleep(0.1)
    except BaseException:
        await server.stop()
        raise
    log(f"server {name} (pid {server.pid}) at {server.base_url}")
    return server


def client(
    base_url: str = "", connections: int = 16, timeout: float = REQUEST_TIMEOUT
) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits)


def expect(response: httpx.Response, status: int = 200) -> Any:
    if response.status_code != status:
        raise RuntimeError(
            f"{response.request.method} {response.request.url} -> {response.status_code}: {response.text[:500]}"
        )
    return response.json() if response.content and status != 204 else None


async def wait_run(http: httpx.AsyncClient, body: dict[str, Any], base: str = "") -> dict[str, Any]:
    result = expect(await http.post(f"{base}/runs/wait", json=body))
    if result["run"]["status"] != "success":
        raise RuntimeError(f"run did not succeed: {result}")
    return result


async def settle(db: asyncpg.Pool, timeout: float = 60.0) -> None:
    """Wait until no run is pending or running (so phases do not overlap)."""
    deadline = time.monotonic() + timeout
    while await db.fetchval("SELECT count(*) FROM runs WHERE status IN ('pending', 'running')"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"runs still active after {timeout} s")
        await asyncio.sleep(0.05)


# --- server-sent events ---------------------------------------------------------------------


async def read_events(response: httpx.Response, on_event: Callable[[str], None]) -> None:
    """Call on_event(name) as each event of an SSE body completes; returns at its end."""
    name: str | None = None
    async for line in response.aiter_lines():
        if line.startswith("event:"):
            name = line[6:].strip()
        elif not line and name is not None:
            on_event(name)
            name = None


class Follower:
    """A GET /runs/{id}/stream join read in the background."""

    def __init__(self, http: httpx.AsyncClient, url: str) -> None:
        self.joined = asyncio.Event()
        self.ended_at: float | None = None
        self.task = asyncio.create_task(self._read(http, url))

    async def _read(self, http: httpx.AsyncClient, url: str) -> None:
        def on_event(name: str) -> None:
            self.joined.set()
            if name == "end":
                self.ended_at = time.perf_counter()

        async with http.stream("GET", url) as response:
            if response.status_code != 200:
                await response.aread()
                raise RuntimeError(f"GET {url} -> {response.status_code}: {response.text[:300]}")
            await read_events(response, on_event)

    async def until_joined(self, timeout: float = 10.0) -> None:
        waiter = asyncio.ensure_future(self.joined.wait())
        await asyncio.wait(
            {self.task, waiter}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
        )
        waiter.cancel()
        if self.task.done():
            self.task.result()  # raises what went wrong
        if not self.joined.is_set():
            raise RuntimeError(f"could not join a stream in {timeout} s")

    async def close(self, timeout: float = 10.0) -> None:
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(asyncio.shield(self.task), timeout)
        if not self.task.done():
            self.task.cancel()
            with contextlib.suppress(BaseException):
                await self.task


# --- phases ---------------------------------------------------------------------------------


async def timed(call: Callable[[], Awaitable[Any]], n: int) -> list[float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - started)
    return samples


async def warm_up(http: httpx.AsyncClient, n: int) -> None:
    for i in range(n):
        await wait_run(http, {"agent_id": "echo", "input": {"warm": i}})
        expect(await http.get("/ok"))


async def floor_http(report: Report, http: httpx.AsyncClient, n: int) -> None:
    async def get(path: str, status: int) -> None:
        response = await http.get(path)
        if response.status_code != status:
            raise RuntimeError(f"GET {path} -> {response.status_code}")

    ok = await timed(lambda: get("/ok", 200), n)
    report.http_p50 = percentile(ok, 50)
    report.latency("floor.http_ok", "floor: GET /ok (HTTP + SELECT 1)", ok)
    spec = await timed(lambda: get("/openapi.json", 200), n)
    report.latency(
        "floor.http_openapi", "floor: GET /openapi.json (70 KB, no database)", spec, (50, 99)
    )
    missing = await timed(lambda: get("/bench-no-such-path", 404), n)
    if percentile(missing, 50) > 0.02 and percentile(spec, 50) < percentile(missing, 50) / 4:
        report.notes.append(
            f"small responses (a 404: {percentile(missing, 50) * 1000:.1f} ms p50) are slower than"
            f" a 70 KB one ({percentile(spec, 50) * 1000:.1f} ms): the ~40 ms stall of Nagle's"
            " algorithm meeting delayed ACKs, i.e. the server's sockets lack TCP_NODELAY"
        )
    report.latency(
        "floor.http_404", "floor: GET of a missing path (404, no database)", missing, (50, 99)
    )


async def floor_postgres(report: Report, url: str, n: int) -> None:
    conn = await asyncpg.connect(url)
    try:
        round_trips = await timed(lambda: conn.fetchval("SELECT 1"), n)
        await conn.execute(
            "CREATE TEMP TABLE bench_floor_temp (id bigint, at timestamptz DEFAULT now())"
        )
        await conn.execute("CREATE TABLE bench_floor (id bigint, at timestamptz DEFAULT now())")

        async def commit(table: str) -> None:
            async with conn.transaction():
                await conn.execute(f"INSERT INTO {table} (id) VALUES ($1)", 1)

        temp = await timed(lambda: commit("bench_floor_temp"), n)
        plain = await timed(lambda: commit("bench_floor"), n)
        await conn.execute("DROP TABLE bench_floor")
    finally:
        await conn.close()
    report.commit_p50 = percentile(plain, 50)
    report.latency(
        "floor.pg_round_trip",
        "floor: Postgres round trip (asyncpg SELECT 1)",
        round_trips,
        (50, 99),
    )
    report.latency(
        "floor.pg_commit_temp", "floor: Postgres commit, temp table (no WAL flush)", temp
    )
    report.latency(
        "floor.pg_commit",
        "floor: Postgres commit, plain table (WAL flush)",
        plain,
        commit_bound=True,
    )


class SqlCounter:
    """Statements per run from pg_stat_statements, when the server has it loaded."""

    def __init__(self, conn: asyncpg.Connection, dbid: int) -> None:
        self.conn = conn
        self.dbid = dbid

    @classmethod
    async def open(cls, url: str) -> SqlCounter | None:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            dbid = await conn.fetchval(
                "SELECT oid FROM pg_database WHERE datname = current_database()"
            )
            await conn.fetchval("SELECT count(*) FROM pg_stat_statements")
        except asyncpg.PostgresError as exc:
            log(f"no SQL counts (pg_stat_statements: {str(exc).splitlines()[0]})")
            with contextlib.suppress(asyncpg.PostgresError):
                await conn.execute("DROP EXTENSION IF EXISTS pg_stat_statements")
            await conn.close()
            return None
        return cls(conn, dbid)

    async def reset(self) -> None:
        await self.conn.execute("SELECT pg_stat_statements_reset(0, $1, 0)", self.dbid)

    async def per_run(self, runs: int) -> dict[str, Any]:
        rows = await self.conn.fetch(
            "SELECT calls, query, total_exec_time FROM pg_stat_statements WHERE dbid = $1"
            " AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC",
            self.dbid,
        )
        total = sum(r["calls"] for r in rows)
        by_kind: dict[str, float] = {}
        for r in rows:
            kind = r["query"].strip().split()[0].upper() if r["query"].strip() else "?"
            by_kind[kind] = by_kind.get(kind, 0) + r["calls"] / runs
        commits = by_kind.get("COMMIT", 0) + by_kind.get("ROLLBACK", 0)
        summary = (
            f"{total / runs:.1f} statements ({by_kind.get('BEGIN', 0):.1f} BEGIN,"
            f" {by_kind.get('COMMIT', 0):.1f} COMMIT, {by_kind.get('ROLLBACK', 0):.1f} ROLLBACK)"
        )
        return {
            "summary": summary,
            "statements_per_run": total / runs,
            "transactions_per_run": commits,
            "by_kind": {k: round(v, 2) for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1])},
            "statements": [
                {
                    "per_run": round(r["calls"] / runs, 2),
                    "mean_exec_ms": round(r["total_exec_time"] / max(r["calls"], 1), 3),
                    "query": " ".join(r["query"].split())[:300],
                }
                for r in rows
            ],
        }

    async def close(self) -> None:
        await self.conn.close()


async def sequential(
    report: Report, server: Server, http: httpx.AsyncClient, db: asyncpg.Pool, db_url: str, n: int
) -> None:
    counter = await SqlCounter.open(db_url)
    try:
        if counter:
            await counter.reset()
        async with CpuMeter([server], db) as meter:
            started = time.perf_counter()
            samples = await timed(
                lambda: wait_run(http, {"agent_id": "echo", "input": {"text": "hi"}}), n
            )
            wall = time.perf_counter() - started
            cpu = await meter.per_unit(n)
        if counter:
            report.details["sql_per_run"] = await counter.per_run(n)
    finally:
        if counter:
            await counter.close()
    report.latency(
        "sequential.create_wait",
        "create+wait, stateless (POST /runs/wait)",
        samples,
        commit_bound=True,
    )
    report.rate("sequential.runs_per_s", "create+wait one after another", n / wall, n)
    add_cpu(report, "sequential", cpu, n, "server process")
    if statements := report.details.get("sql_per_run"):
        report.add(
            "sequential.sql.statements",
            "  SQL statements per run",
            statements["statements_per_run"],
            "stmts",
            n,
        )
        report.add(
            "sequential.sql.transactions",
            "  transactions per run (COMMIT + ROLLBACK)",
            statements["transactions_per_run"],
            "txns",
            n,
        )


async def on_thread(report: Report, http: httpx.AsyncClient, n: int) -> None:
    thread_id = expect(await http.post("/threads", json={}))["thread_id"]
    body = {"agent_id": "echo", "thread_id": thread_id, "input": {"text": "hi"}}
    samples = await timed(lambda: wait_run(http, body), n)
    report.latency(
        "sequential.on_thread", "create+wait on one thread", samples, (50, 99), commit_bound=True
    )


async def graph_runs(report: Report, http: httpx.AsyncClient, sizes: Sizes) -> None:
    """A one-node graph, stateless, through the LangGraph SDK's path (POST
    /langgraph/runs/wait), next to the native echo measured the same way, interleaved."""
    graph = {"assistant_id": "echo_graph", "input": {"text": "hi"}}
    native = {"agent_id": "echo", "input": {"text": "hi"}}

    async def graph_run() -> None:
        output = expect(await http.post("/langgraph/runs/wait", json=graph))
        if output.get("echo") != "hi":
            raise RuntimeError(f"graph run did not echo: {output}")

    await timed(graph_run, sizes.warmup)
    graph_samples: list[float] = []
    native_samples: list[float] = []
    for _ in range(sizes.sequential // 10):
        graph_samples += await timed(graph_run, 10)
        native_samples += await timed(lambda: wait_run(http, native), 10)
    report.latency(
        "langgraph.create_wait",
        "/langgraph graph create+wait, stateless",
        graph_samples,
        (50, 99),
        commit_bound=True,
    )
    report.latency(
        "langgraph.native", "native echo create+wait, interleaved", native_samples, (50,)
    )
    ratio = percentile(graph_samples, 50) / percentile(native_samples, 50)
    report.add(
        "langgraph.vs_native", "  /langgraph graph over native, p50", ratio, "x", len(graph_samples)
    )


async def graph_on_thread(report: Report, http: httpx.AsyncClient, db_url: str, n: int) -> None:
    """The one-node graph on one thread (stateful: the graph's checkpoints are kept, on ours),
    with the SQL statements each run costs when pg_stat_statements is there."""
    thread_id = expect(await http.post("/langgraph/threads", json={}))["thread_id"]
    body = {"assistant_id": "echo_graph", "input": {"text": "hi"}}
    path = f"/langgraph/threads/{thread_id}/runs/wait"
    await timed(lambda: expect_ok(http.post(path, json=body)), 5)
    counter = await SqlCounter.open(db_url)
    try:
        if counter:
            await counter.reset()
        samples = await timed(lambda: expect_ok(http.post(path, json=body)), n)
        per_run = await counter.per_run(n) if counter else None
    finally:
        if counter:
            await counter.close()
    report.latency(
        "langgraph.on_thread", "/langgraph graph create+wait on a thread", samples, (50,)
    )
    if per_run:
        report.details["graph_sql_per_run"] = per_run
        report.add(
            "langgraph.on_thread.sql",
            "  SQL statements per graph run on a thread",
            per_run["statements_per_run"],
            "stmts",
            n,
        )


async def expect_ok(response: Any) -> None:
    expect(await response)


async def graph_stops(report: Report, http: httpx.AsyncClient, sizes: Sizes) -> None:
    """cancel?wait=true of a graph run waiting inside its node (default grace), request to
    the run terminal."""
    samples: list[float] = []
    for _ in range(sizes.stop * 2):
        body = {"agent_id": "stuck_graph", "input": {"text": "wait"}}
        run = expect(await http.post("/runs", json=body))
        run_id, thread_id = run["run_id"], run["thread_id"]
        deadline = time.monotonic() + 30
        while expect(await http.get(f"/threads/{thread_id}"))["values"].get("text") != "wait":
            if time.monotonic() > deadline:
                raise RuntimeError(f"graph run {run_id} did not reach its node")
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.02)  # inside the node's wait
        started = time.perf_counter()
        expect(await http.post(f"/runs/{run_id}/cancel", params={"wait": "true"}), 204)
        samples.append(time.perf_counter() - started)
        status = expect(await http.get(f"/runs/{run_id}"))["status"]
        if status not in TERMINAL:
            raise RuntimeError(f"graph run {run_id} is {status} after cancel?wait=true")
    report.latency(
        "stop.graph.terminal",
        "cancel of a graph inside a node: to terminal",
        samples,
        (50, 99),
        commit_bound=True,
    )


async def profile_sequential(
    server: Server, http: httpx.AsyncClient, n: int, path: Path
) -> dict[str, Any]:
    """An extra pass of the sequential workload with py-spy recording the server."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        raise RuntimeError("py-spy is not installed (pip install py-spy)")
    command = [spy, "record", "--pid", str(server.pid), "--rate", "250", "--format", "raw",
               "--idle", "--nonblocking", "--output", str(path)]  # fmt: skip
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        await asyncio.sleep(1.0)  # attach
        if recorder.poll() is not None:
            raise RuntimeError(
                f"py-spy exited: {recorder.stderr.read().decode(errors='replace')[-500:]}"
            )
        started = time.perf_counter()
        await timed(lambda: wait_run(http, {"agent_id": "echo", "input": {"text": "hi"}}), n)
        wall = time.perf_counter() - started
    finally:
        if recorder.poll() is None:
            recorder.send_signal(signal.SIGINT)
            try:
                await asyncio.to_thread(recorder.wait, 30)
            except subprocess.TimeoutExpired:
                recorder.kill()
    log(f"profile of {n} sequential runs ({n / wall:.0f} runs/s under py-spy) in {path}")
    return {"path": str(path), "runs": n, "runs_per_s_under_profiler": n / wall}


async def stream(report: Report, http: httpx.AsyncClient, n: int) -> None:
    firsts, ends = [], []
    body = {"agent_id": "echo", "input": {"text": "hi"}}
    for _ in range(n):
        started = time.perf_counter()
        marks: dict[str, float] = {}

        def on_event(name: str, marks: dict[str, float] = marks) -> None:
            now = time.perf_counter()
            marks.setdefault("first", now)
            if name == "end":
                marks["end"] = now

        async with http.stream("POST", "/runs/stream", json=body) as response:
            if response.status_code != 200:
                await response.aread()
                raise RuntimeError(
                    f"POST /runs/stream -> {response.status_code}: {response.text[:300]}"
                )
            await read_events(response, on_event)
        if "end" not in marks:
            raise RuntimeError("a stream closed without an end event")
        firsts.append(marks["first"] - started)
        ends.append(marks["end"] - started)
    report.latency(
        "stream.first_event", "stream: POST /runs/stream to first event", firsts, commit_bound=True
    )
    report.latency(
        "stream.end", "stream: POST /runs/stream to end", ends, (50, 99), commit_bound=True
    )


async def resume(report: Report, http: httpx.AsyncClient, n: int) -> None:
    samples = []
    for i in range(n):
        thread_id = expect(await http.post("/threads", json={}))["thread_id"]
        asked = expect(
            await http.post(
                "/runs/wait",
                json={"agent_id": "hitl", "thread_id": thread_id, "input": {"question": "ok?"}},
            )
        )
        if asked["run"]["status"] != "interrupted":
            raise RuntimeError(f"hitl did not interrupt: {asked}")
        started = time.perf_counter()
        done = expect(
            await http.patch(
                "/runs/resume/wait", json={"thread_id": thread_id, "input": f"yes {i}"}
            )
        )
        samples.append(time.perf_counter() - started)
        if done["run"]["status"] != "success" or done["values"].get("answer") != f"yes {i}":
            raise RuntimeError(f"resume did not finish with the answer: {done}")
    report.latency(
        "resume.wait", "resume: PATCH /runs/resume/wait to final output", samples, commit_bound=True
    )


class RawHttp:
    """A minimal HTTP/1.1 keep-alive connection for the throughput phases: httpx costs
    1 to 4 ms of CPU per request with many connections (more than the server's share of
    a small machine), this a few tens of microseconds. Content-Length bodies only."""

    def __init__(self, base_url: str) -> None:
        url = httpx.URL(base_url)
        self.host, self.port = url.host, url.port or 80
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        payload = b""
        if body is not None:
            payload = json.dumps(body).encode()
            head += f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + payload)
        status = int((await self.reader.readline()).split()[1])
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            elif name.strip().lower() == b"transfer-encoding":
                raise RuntimeError(f"{method} {path}: a chunked response")
        return status, await self.reader.readexactly(length)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()


async def concurrent(
    report: Report, servers: list[Server], db: asyncpg.Pool, clients: int, per_client: int
) -> None:
    """The HTTP floor's rate (GET /ok) then create+wait's: `clients` clients, each with its
    own connection, spread over the servers."""
    key = f"concurrent.{len(servers)}"
    where = f"{len(servers)} process{'es' if len(servers) > 1 else ''}"
    connections = [RawHttp(servers[i % len(servers)].base_url) for i in range(clients)]

    async def run_clients(
        call: Callable[[RawHttp, int], Awaitable[None]], each: int
    ) -> tuple[float, list[float]]:
        async def one(i: int) -> list[float]:
            samples = []
            for j in range(each):
                started = time.perf_counter()
                await call(connections[i], i * each + j)
                samples.append(time.perf_counter() - started)
            return samples

        started = time.perf_counter()
        results = await asyncio.gather(*(one(i) for i in range(clients)))
        return time.perf_counter() - started, [s for r in results for s in r]

    async def ok(http: RawHttp, _: int) -> None:
        status, data = await http.request("GET", "/ok")
        if status != 200:
            raise RuntimeError(f"GET /ok -> {status}: {data[:300]!r}")

    async def run(http: RawHttp, i: int) -> None:
        status, data = await http.request(
            "POST", "/runs/wait", {"agent_id": "echo", "input": {"i": i}}
        )
        if status != 200 or json.loads(data)["run"]["status"] != "success":
            raise RuntimeError(f"POST /runs/wait -> {status}: {data[:300]!r}")

    try:
        await run_clients(ok, 1)  # connect
        ok_each = per_client * 3
        async with CpuMeter(servers, db) as meter:
            wall, _ = await run_clients(ok, ok_each)
            floor_rate = clients * ok_each / wall
            floor_cpu = await meter.per_unit(clients * ok_each)
        async with CpuMeter(servers, db) as meter:
            wall, samples = await run_clients(run, per_client)
            total = clients * per_client
            cpu = await meter.per_unit(total)
    finally:
        await asyncio.gather(*(c.close() for c in connections))
    report.add(
        f"{key}.ok_per_s", f"floor: GET /ok, {clients} clients, {where}", floor_rate, "req/s",
        clients * ok_each,
    )  # fmt: skip
    report.rate(
        f"{key}.runs_per_s", f"create+wait, {clients} clients, {where}", total / wall, total,
        floor_rate=floor_rate,
    )  # fmt: skip
    report.latency(f"{key}.latency", f"  its latency, {where},", samples, (50, 99))
    report.details[f"{key}_floor_cpu"] = floor_cpu
    add_cpu(report, key, cpu, total, f"server{'s' if len(servers) > 1 else ''}")


async def stops(report: Report, servers: list[Server], db: asyncpg.Pool, n: int) -> None:
    """Cancel (wait=true) running `slow` runs: request to terminal, and to `end` on a
    stream joined to the run through the server the cancel goes to. `same`: that server
    executes the run; `cross`: the other one does. Runs are created on the first server."""
    by_pid = {s.pid: s for s in servers}
    samples: dict[str, dict[str, list[float]]] = {
        v: {"terminal": [], "stream": []} for v in ("same", "cross")
    }
    async with client(connections=8) as http:
        for i in range(4 * n):
            variant = "same" if i % 2 == 0 else "cross"
            if len(samples[variant]["terminal"]) >= n:
                continue
            body = {"agent_id": "slow", "input": WAITING}
            run_id = expect(await http.post(f"{servers[0].base_url}/runs", json=body))["run_id"]
            executor = await _executor(db, uuid.UUID(run_id), by_pid)
            target = (
                executor if variant == "same" else next(s for s in servers if s is not executor)
            )
            follower = Follower(http, f"{target.base_url}/runs/{run_id}/stream")
            try:
                await follower.until_joined()
                await asyncio.sleep(0.05)  # the agent is in its sleep
                started = time.perf_counter()
                expect(
                    await http.post(
                        f"{target.base_url}/runs/{run_id}/cancel", params={"wait": "true"}
                    ),
                    204,
                )
                terminal = time.perf_counter() - started
                await follower.close()
            finally:
                if not follower.task.done():
                    follower.task.cancel()
            status = await db.fetchval(
                "SELECT status FROM runs WHERE run_id = $1", uuid.UUID(run_id)
            )
            if status not in TERMINAL or follower.ended_at is None:
                raise RuntimeError(
                    f"run {run_id} is {status} after cancel?wait=true (stream ended: {follower.ended_at})"
                )
            samples[variant]["terminal"].append(terminal)
            samples[variant]["stream"].append(follower.ended_at - started)
    labels = {"same": "the process running it", "cross": "the other process"}
    for variant in ("same", "cross"):
        report.latency(
            f"stop.{variant}.terminal",
            f"cancel via {labels[variant]}: to terminal",
            samples[variant]["terminal"],
            (50, 99),
            commit_bound=True,
        )
        report.latency(
            f"stop.{variant}.stream",
            f"cancel via {labels[variant]}: to stream end",
            samples[variant]["stream"],
            (50, 99),
        )


async def _executor(db: asyncpg.Pool, run_id: uuid.UUID, by_pid: dict[int, Server]) -> Server:
    """The server executing a run, once it runs (worker ids are host:pid:hex)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        row = await db.fetchrow("SELECT status, worker_id FROM runs WHERE run_id = $1", run_id)
        if row and row["status"] == "running" and row["worker_id"]:
            pid = int(row["worker_id"].split(":")[-2])
            return by_pid[pid]
        await asyncio.sleep(0.005)
    raise RuntimeError(f"run {run_id} did not start in 10 s")


async def open_streams(
    report: Report, server: Server, db: asyncpg.Pool, n: int, hold: float
) -> None:
    """Hold `n` joins of waiting `slow` runs open; the server's RSS before and during."""
    rss_before = server.rss_mb()
    fds_before = server.open_fds()
    run_ids: list[str] = []
    async with client(server.base_url, connections=16) as http:
        body = {"agent_id": "slow", "input": WAITING}

        async def create(count: int) -> None:
            for _ in range(count):
                run_ids.append(expect(await http.post("/runs", json=body))["run_id"])

        await asyncio.gather(*(create(n // 16 + (1 if i < n % 16 else 0)) for i in range(16)))
        log(f"{len(run_ids)} waiting runs created; joining their streams")
        streams = client(server.base_url, connections=n + 16, timeout=120)
        followers: list[Follower] = []
        try:
            started = time.perf_counter()
            followers = [Follower(streams, f"/runs/{run_id}/stream") for run_id in run_ids]
            joins = asyncio.gather(*(f.until_joined(60) for f in followers), return_exceptions=True)
            failures = [r for r in await joins if isinstance(r, BaseException)]
            joined = sum(f.joined.is_set() for f in followers)
            join_time = time.perf_counter() - started
            log(
                f"{joined} streams open in {join_time:.1f} s ({len(failures)} failed); holding {hold} s"
            )
            peak = server.rss_mb()
            hold_until = time.monotonic() + hold
            while time.monotonic() < hold_until:
                await asyncio.sleep(0.2)
                peak = max(peak, server.rss_mb())
            fds_during = server.open_fds()
            still_open = sum(not f.task.done() for f in followers)
        finally:
            # Stop the runs (their streams then end), then close what is left.
            for i in range(0, len(run_ids), 1000):
                with contextlib.suppress(httpx.HTTPError, RuntimeError):
                    expect(
                        await http.post(
                            "/runs/cancel", json={"run_ids": run_ids[i : i + 1000]}, timeout=300
                        )
                    )
            await asyncio.gather(*(f.close(30) for f in followers))
            await streams.aclose()
    if failures:
        report.errors.append(
            f"open streams: {len(failures)} of {n} joins failed, e.g. {failures[0]!r}"
        )
    label = f"{joined:,} open SSE streams"
    report.add("streams.rss_before", f"{label}: server RSS before", rss_before, "MB")
    report.add("streams.rss_during", f"{label}: server RSS during (peak)", peak, "MB", joined)
    report.add(
        "streams.per_stream",
        f"{label}: RSS per stream",
        (peak - rss_before) * 1024 / max(joined, 1),
        "KB",
        joined,
    )
    report.add(
        "streams.join_time", f"{label}: time to join them all", join_time * 1000, "ms", joined
    )
    report.details["open_streams"] = {
        "requested": n, "joined": joined, "still_open_after_hold": still_open, "hold_s": hold,
        "server_fds_before": fds_before, "server_fds_during": fds_during,
    }  # fmt: skip
    await settle(db, timeout=120)


async def search(
    report: Report, http: httpx.AsyncClient, db: asyncpg.Pool, threads: int, n: int
) -> None:
    """Threads with varied metadata, inserted in one statement; then searches by metadata:
    by user (threads/1000 matches), by org (threads/20), both org and kind, and none."""
    started = time.perf_counter()
    await db.execute(
        "INSERT INTO threads (thread_id, created_at, updated_at, metadata)"
        " SELECT gen_random_uuid(), now() - i * interval '1 second', now() - i * interval '1 second',"
        "  jsonb_build_object('user', 'user-' || (i % 1000), 'org', 'org-' || (i % 20),"
        "   'kind', CASE WHEN i % 3 = 0 THEN 'chat' ELSE 'task' END, 'n', i)"
        " FROM generate_series(1, $1::int) AS i",
        threads,
    )
    await db.execute("ANALYZE threads")
    total = await db.fetchval("SELECT count(*) FROM threads")
    log(f"{threads:,} threads inserted in {time.perf_counter() - started:.1f} s ({total:,} in all)")

    async def find(metadata: dict[str, Any], expect_some: bool) -> None:
        found = expect(await http.post("/threads/search", json={"metadata": metadata}))
        if bool(found) != expect_some:
            raise RuntimeError(f"search {metadata} found {len(found)}")

    queries: list[tuple[str, str, Callable[[int], dict[str, Any]], bool]] = [
        ("by_user", "1 in 1,000", lambda i: {"user": f"user-{(i * 7) % 1000}"}, True),
        ("by_org", "1 in 20", lambda i: {"org": f"org-{i % 20}"}, True),
        (
            "by_org_kind",
            "org and kind, 1 in 60",
            lambda i: {"org": f"org-{i % 20}", "kind": "chat"},
            True,
        ),
        ("none", "no match", lambda i: {"user": f"nobody-{i}"}, False),
    ]
    for key, what, metadata, some in queries:
        counter = iter(range(n))
        samples = await timed(
            lambda metadata=metadata, some=some, counter=counter: find(
                metadata(next(counter)), some
            ),
            n,
        )
        stats = (50, 95, 99) if key == "by_user" else (50,)
        report.latency(
            f"search.{key}", f"search {total:,} threads by metadata, {what},", samples, stats
        )


# --- the run --------------------------------------------------------------------------------


async def phase(report: Report, name: str, work: Awaitable[None]) -> None:
    log(name)
    try:
        await work
    except Exception as exc:
        report.errors.append(f"{name}: {type(exc).__name__}: {exc}")
        log(f"{name} FAILED: {type(exc).__name__}: {exc}")


async def benchmark(
    sizes: Sizes, quick: bool, profile: Path | None, server_command: tuple[str, ...]
) -> Report:
    admin_url = plain_url(os.environ.get("DATABASE_URL") or DEFAULT_ADMIN_URL)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = sizes.open_streams * 2 + 1024
    if soft < wanted and (hard == resource.RLIM_INFINITY or hard > soft):
        resource.setrlimit(
            resource.RLIMIT_NOFILE,
            (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard),
        )
    report = Report(sizes, quick)
    report.machine = await machine_info(admin_url)
    log(
        f"machine: {report.machine['nproc']} CPUs, {report.machine['cpu_model']}, {report.machine['postgres']}"
    )
    database_url = await create_database(admin_url)
    log(f"database {make_url(database_url).database}")
    log_dir = Path(tempfile.mkdtemp(prefix="ap-bench-"))
    servers: list[Server] = []
    try:
        await _phases(report, sizes, profile, server_command, database_url, log_dir, servers)
    except Exception as exc:
        report.errors.append(f"{type(exc).__name__}: {exc}")
        log(f"FAILED: {type(exc).__name__}: {exc}")
    finally:
        await _shut_down(report, servers, admin_url, database_url, log_dir)
    report.machine["loadavg_end"] = _loadavg()
    return report


async def _phases(
    report: Report,
    sizes: Sizes,
    profile: Path | None,
    server_command: tuple[str, ...],
    database_url: str,
    log_dir: Path,
    servers: list[Server],
) -> None:
    db = await asyncpg.create_pool(database_url, min_size=1, max_size=4)
    try:
        a = await spawn_server(database_url, "A", log_dir, server_command)
        servers.append(a)
        async with client(a.base_url) as http:
            await phase(report, "warm-up", warm_up(http, sizes.warmup))
            await phase(report, "floor: HTTP", floor_http(report, http, sizes.floor))
            await phase(
                report, "floor: Postgres", floor_postgres(report, database_url, sizes.floor)
            )
            await phase(
                report,
                "sequential create+wait",
                sequential(report, a, http, db, database_url, sizes.sequential),
            )
            if profile is not None:

                async def profiled() -> None:
                    report.details["profile"] = await profile_sequential(
                        a, http, sizes.sequential, profile
                    )

                await phase(report, "sequential create+wait under py-spy", profiled())
            await phase(report, "create+wait on a thread", on_thread(report, http, sizes.on_thread))
            await phase(report, "/langgraph graph create+wait", graph_runs(report, http, sizes))
            await phase(
                report,
                "/langgraph graph on a thread",
                graph_on_thread(report, http, database_url, sizes.on_thread),
            )
            await phase(report, "cancel of a graph inside a node", graph_stops(report, http, sizes))
            await phase(report, "stream", stream(report, http, sizes.stream))
            await phase(report, "resume", resume(report, http, sizes.resume))
            await settle(db)
            await phase(
                report,
                "concurrent, 1 process",
                concurrent(report, [a], db, sizes.clients, sizes.per_client),
            )
            await settle(db)
            await phase(
                report, "open streams", open_streams(report, a, db, sizes.open_streams, sizes.hold)
            )
            await settle(db, timeout=120)
            await phase(report, "search", search(report, http, db, sizes.threads, sizes.search))
        b = await spawn_server(database_url, "B", log_dir, server_command)
        servers.append(b)
        await phase(
            report,
            "concurrent, 2 processes",
            concurrent(report, [a, b], db, sizes.clients, sizes.per_client),
        )
        await settle(db)
        await phase(report, "cancel", stops(report, [a, b], db, sizes.stop))
        report.details["server_rss_mb_at_end"] = {s.name: round(s.rss_mb(), 1) for s in servers}
    finally:
        await db.close()


async def _shut_down(
    report: Report, servers: list[Server], admin_url: str, database_url: str, log_dir: Path
) -> None:
    try:
        # Nothing left running (a stopping server gives its runs a grace period), then stop.
        if servers and servers[0].process.poll() is None:
            with contextlib.suppress(Exception):
                async with client(servers[0].base_url) as http:
                    await http.post(
                        "/runs/cancel", params={"graceful": "false"}, json={}, timeout=60
                    )
        statuses = await asyncio.gather(*(s.stop() for s in servers), return_exceptions=True)
        for server, status in zip(servers, statuses, strict=True):
            if status not in (0, -signal.SIGTERM):
                report.errors.append(
                    f"server {server.name} exited with {status}; log {server.log_path}:\n{server.log_tail(15)}"
                )
    finally:
        await drop_database(admin_url, database_url)
        log(f"servers stopped, database dropped (logs in {log_dir})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.bench", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--quick", action="store_true", help="small iteration counts (a smoke test)"
    )
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument(
        "--profile",
        metavar="PATH",
        help="py-spy raw profile of the server during an extra sequential pass",
    )
    parser.add_argument(
        "--server-command",
        metavar="CMD",
        help="what starts a server, followed by `serve --port 0`"
        f" (default: {' '.join(SERVER_COMMAND)}); to compare variants",
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    profile = Path(args.profile).resolve() if args.profile else None
    command = tuple(shlex.split(args.server_command)) if args.server_command else SERVER_COMMAND
    report = asyncio.run(_main_task(sizes, args.quick, profile, command))
    print(report.render(), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_json(), indent=2, default=str) + "\n")
    return 1 if report.errors else 0


async def _main_task(
    sizes: Sizes, quick: bool, profile: Path | None, server_command: tuple[str, ...]
) -> Report:
    # SIGTERM cancels the run like Ctrl-C does, so the servers are stopped and the database dropped.
    task = asyncio.current_task()
    assert task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    return await benchmark(sizes, quick, profile, server_command)


if __name__ == "__main__":
    sys.exit(main())
