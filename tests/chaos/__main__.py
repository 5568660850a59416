"""`python -m tests.chaos` (or `nox -s chaos`): faults under load, and a table.

On a Postgres cluster of its own (cluster.py) with two `ap-server serve` processes, each
scenario runs a load of clients (create+wait runs, background runs, thread writes and
reads, health checks) against both processes while it injects one fault:

- `kill -9`: one server process dies while runs execute; the other recovers its runs.
- `pg restart fast`, `pg restart immediate`: Postgres restarts (or crashes) under load.
- `connections exhausted`: Postgres with fewer `max_connections` than the processes'
  pools; more clients than connections.
- `hostile clients`: idle, slow-loris and oversized-header connections beside the load.

Then it waits (bounded) for every run it created to end, and reads the ledger the `chaos`
agent writes outside the database. A scenario fails on any run lost (not ended, or ended
`error`), run executed again after its agent had returned, 500, dropped connection or
timeout of a client, or recovery slower than the lease.

Settings: AP_CHAOS_DATA (the cluster's directory, default a temporary one),
AP_CHAOS_PG_PORT (default a free port), AP_CHAOS_SECONDS (load per phase, default 6),
AP_CHAOS_CLIENTS (default 16). `--only NAME` runs scenarios whose name contains NAME.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx

from .cluster import Cluster

LEASE = 4.0
POOL_SIZE = 6  # per process: pool 6 + overflow 3 + LISTEN 1 = 10 connections
LISTENING = re.compile(r"ap-server listening on (http://\S+)")
RUN = {"agent_id": "chaos", "on_completion": "keep"}
TERMINAL = ("success", "error", "timeout", "interrupted")


# -- servers -------------------------------------------------------------------------------


@dataclass
class Server:
    process: subprocess.Popen
    log_path: Path
    url: str = ""

    def rss(self) -> int:
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return 0
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def alive(self) -> bool:
        return self.process.poll() is None


async def spawn(database_url: str, ledger: Path, directory: Path, name: str) -> Server:
    log_path = directory / f"{name}.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
        "AP_AGENTS": "tests.chaos.agents:chaos",
        "AP_CHAOS_LEDGER": str(ledger),
        "AP_LEASE_SECONDS": str(LEASE),
        "AP_POOL_SIZE": str(POOL_SIZE),
        "AP_POOL_TIMEOUT": "3",
        "AP_HEADER_TIMEOUT": "3",
        "AP_KEEP_ALIVE_TIMEOUT": "3",
        "AP_TEMPORARY_THREAD_TTL": "3600",
    }
    command = [sys.executable, "-m", "ap_server.cli", "serve", "--port", "0"]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    server = Server(process, log_path)
    deadline = time.monotonic() + 60
    async with httpx.AsyncClient(timeout=2) as client:
        while time.monotonic() < deadline:
            if not server.alive():
                raise RuntimeError(f"{name} exited:\n{log_path.read_text()[-3000:]}")
            if not server.url and (match := LISTENING.search(log_path.read_text(errors="replace"))):
                server.url = match.group(1)
            if server.url:
                with contextlib.suppress(httpx.TransportError):
                    if (await client.get(f"{server.url}/ok")).status_code == 200:
                        return server
            await asyncio.sleep(0.1)
    server.process.kill()
    raise RuntimeError(f"{name} did not start:\n{log_path.read_text()[-3000:]}")


def stop(server: Server) -> None:
    if server.alive():
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


# -- the load ------------------------------------------------------------------------------


@dataclass
class Tally:
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    dropped: int = 0
    drops: Counter = field(default_factory=Counter)
    run_ids: set[str] = field(default_factory=set)
    failures: list[float] = field(default_factory=list)  # when a request failed (monotonic)

    def record(self, response: httpx.Response) -> None:
        self.requests += 1
        self.statuses[response.status_code] += 1
        if response.status_code >= 300 and response.status_code != 409:
            self.failures.append(time.monotonic())
        if response.status_code == 503:
            assert response.headers.get("retry-after"), "a 503 without Retry-After"
        body = _json(response)
        if isinstance(body, dict):
            run = body.get("run") if isinstance(body.get("run"), dict) else body
            if response.status_code < 300 and isinstance(run, dict) and "run_id" in run:
                self.run_ids.add(run["run_id"])
            elif run_id := (body.get("metadata") or {}).get("run_id"):
                self.run_ids.add(run_id)

    def drop(self, exc: Exception) -> None:
        self.requests += 1
        self.dropped += 1
        self.drops[type(exc).__name__] += 1
        self.failures.append(time.monotonic())


def _json(response: httpx.Response):
    try:
        return response.json()
    except ValueError:
        return None


async def one_request(client: httpx.AsyncClient, url: str, tally: Tally) -> None:
    roll = random.random()
    try:
        if roll < 0.45:
            body = {**RUN, "input": {"steps": 2, "delay": 0.05}}
            tally.record(await client.post(f"{url}/runs/wait", json=body))
        elif roll < 0.65:
            body = {**RUN, "input": {"steps": 3, "delay": 0.1}}
            tally.record(await client.post(f"{url}/runs", json=body))
            await asyncio.sleep(0.2)  # background runs at a pace the workers keep up with
        elif roll < 0.9:
            created = await client.post(f"{url}/threads", json={"metadata": {"chaos": 1}})
            tally.record(created)
            if created.status_code == 200:
                thread_id = created.json()["thread_id"]
                tally.record(await client.get(f"{url}/threads/{thread_id}"))
        else:
            tally.record(await client.get(f"{url}/ok"))
    except httpx.TransportError as exc:
        tally.drop(exc)


async def load(servers: list[Server], clients: int, until: asyncio.Event, tally: Tally) -> None:
    async def client_loop(i: int) -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(timeout=60, limits=limits) as client:
            while not until.is_set():
                live = [s for s in servers if s.alive()]
                await one_request(client, live[i % len(live)].url, tally)

    await asyncio.gather(*(client_loop(i) for i in range(clients)))


async def sample_rss(servers: list[Server], until: asyncio.Event, peak: list[int]) -> None:
    while not until.is_set():
        peak[0] = max(peak[0], *(s.rss() for s in servers))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(until.wait(), 0.2)


# -- checking ------------------------------------------------------------------------------


async def settle(database_url: str, run_ids: set[str], timeout: float) -> dict[str, str]:
    """Each run's status once every one has ended, or at `timeout` (a bounded poll of the
    database; a run missing there is "missing")."""
    ids = [uuid.UUID(r) for r in run_ids]
    statuses: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, asyncpg.PostgresError):
            conn = await asyncpg.connect(database_url)
            try:
                rows = await conn.fetch(
                    "SELECT run_id, status FROM runs WHERE run_id = ANY($1::uuid[])", ids
                )
            finally:
                await conn.close()
            statuses = {str(r["run_id"]): r["status"] for r in rows}
            if all(statuses.get(r) in TERMINAL for r in run_ids):
                break
        await asyncio.sleep(0.5)
    return {r: statuses.get(r, "missing") for r in run_ids}


def ledger_lines(ledger: Path) -> list[tuple[float, int, str, str]]:
    """(time, pid, "start" or "returned", run id) per line the chaos agent wrote."""
    if not ledger.exists():
        return []
    lines = []
    for line in ledger.read_text().splitlines():
        at, pid, what, run_id = line.split()
        lines.append((float(at), int(pid), what, run_id))
    return lines


def executed_again(ledger: Path, run_ids: set[str], killed: set[int]) -> set[str]:
    """Runs executed again after their agent had returned in a process that lived on
    (one that returned in a process killed before it could record the end is retried by
    design)."""
    returned: set[str] = set()
    again: set[str] = set()
    for _, pid, what, run_id in ledger_lines(ledger):
        if run_id not in run_ids:
            continue
        if run_id in returned:
            again.add(run_id)
        if what == "returned" and pid not in killed:
            returned.add(run_id)
    return again


@dataclass
class Row:
    name: str
    requests: int = 0
    created: int = 0
    lost: int = 0
    twice: int = 0
    errors_500: int = 0
    dropped: int = 0
    recover: float = 0.0
    rss_mb: float = 0.0
    notes: str = ""
    limit: float = LEASE

    @property
    def ok(self) -> bool:
        return (
            self.lost == 0
            and self.twice == 0
            and self.errors_500 == 0
            and self.dropped == 0
            and self.recover <= self.limit
        )


# -- scenarios -----------------------------------------------------------------------------


@dataclass
class World:
    cluster: Cluster
    ledger: Path
    directory: Path
    servers: list[Server]
    seconds: float
    clients: int
    killed: set[int] = field(default_factory=set)
    extra_runs: set[str] = field(default_factory=set)  # runs a fault created itself

    async def replace_dead(self) -> None:
        for i, server in enumerate(self.servers):
            if not server.alive():
                self.servers[i] = await spawn(
                    self.cluster.url, self.ledger, self.directory, f"server-{i}-{time.time():.0f}"
                )


async def under_load(world: World, name: str, fault, targets: list[Server] | None = None) -> Row:
    """Load for `seconds`, then `fault()` (returns when the fault is over: the time
    recovery is measured from), then load for `seconds` more; then settle the runs."""
    tally, until, peak = Tally(), asyncio.Event(), [0]
    targets = targets or world.servers
    loader = asyncio.create_task(load(targets, world.clients, until, tally))
    sampler = asyncio.create_task(sample_rss(world.servers, until, peak))
    await asyncio.sleep(world.seconds)
    say(f"{name}: the fault, after {tally.requests} requests")
    notes = await fault()
    fault_over = time.monotonic()
    say(f"{name}: the fault is over ({notes}); load for {world.seconds} s more")
    await asyncio.sleep(world.seconds)
    until.set()
    await asyncio.gather(loader, sampler)
    say(f"{name}: load stopped after {tally.requests} requests; waiting for the runs to end")
    tally.run_ids |= world.extra_runs
    world.extra_runs = set()
    statuses = await settle(world.cluster.url, tally.run_ids, timeout=LEASE * 4 + 60)
    ended_error = [r for r, s in statuses.items() if s == "error"]
    lost = [
        r for r in tally.run_ids if statuses.get(r) not in ("success", "timeout", "interrupted")
    ]
    last_failure = max(tally.failures, default=fault_over)
    row = Row(
        name,
        requests=tally.requests,
        created=len(tally.run_ids),
        lost=len(lost),
        twice=len(executed_again(world.ledger, tally.run_ids, world.killed)),
        errors_500=tally.statuses[500],
        dropped=tally.dropped,
        recover=max(0.0, last_failure - fault_over),
        rss_mb=peak[0] / 1024 / 1024,
    )
    details = [notes or ""]
    if tally.statuses[503]:
        details.append(f"{tally.statuses[503]} x 503")
    if ended_error:
        details.append(f"{len(ended_error)} ended error")
    if tally.drops:
        details.append("drops: " + ", ".join(f"{k} {v}" for k, v in tally.drops.items()))
    row.notes = "; ".join(d for d in details if d)
    return row


async def scenario_kill(world: World) -> Row:
    victim, survivor = world.servers[1], world.servers[0]
    killed_at = [0.0]

    async def fault() -> str:
        # Runs the victim executes when it dies (a run starts where it is created).
        async with httpx.AsyncClient(base_url=victim.url, timeout=30) as client:
            for _ in range(8):
                body = {**RUN, "input": {"steps": 6, "delay": 0.5}}
                response = await client.post("/runs", json=body)
                if response.status_code == 200:
                    world.extra_runs.add(response.json()["run_id"])
        await asyncio.sleep(1.0)  # they have started
        killed_at[0] = time.time()
        victim.process.kill()  # SIGKILL
        victim.process.wait()
        world.killed.add(victim.process.pid)
        return f"killed pid {victim.process.pid}"

    # The clients talk to the survivor; the victim's share is the runs it claimed.
    row = await under_load(world, "kill -9 of one process", fault, targets=[survivor])
    # Recovery: from the kill until the last run the dead process held started again
    # elsewhere: its lease expires (at most a lease after the kill, since it was renewed
    # before), and the survivor's recovery wakes at that expiry and hands it back.
    lines = ledger_lines(world.ledger)
    orphans = {r for _, pid, what, r in lines if pid == victim.process.pid and what == "start"}
    ended_there = {
        r for _, pid, what, r in lines if pid == victim.process.pid and what == "returned"
    }
    restarts = [
        at
        for at, pid, what, r in lines
        if what == "start" and pid != victim.process.pid and r in orphans - ended_there
    ]
    row.recover = max(restarts, default=killed_at[0]) - killed_at[0]
    row.limit = LEASE
    row.notes += f"; {len(orphans - ended_there)} runs taken over"
    await world.replace_dead()
    return row


async def scenario_restart(world: World, mode: str) -> Row:
    async def fault() -> str:
        t0 = time.monotonic()
        await asyncio.to_thread(world.cluster.restart, mode)
        return f"restart took {time.monotonic() - t0:.1f} s"

    return await under_load(world, f"pg restart -m {mode}", fault)


async def scenario_exhaustion(world: World) -> Row:
    """Postgres with max_connections 15 (12 for clients) under twice the clients, while
    two processes may open 2 x (pool 6 + overflow 3 + LISTEN 1) = 20; then back to 100.
    Recovery is measured from the restart with 100."""

    async def fault() -> str:
        await asyncio.to_thread(world.cluster.stop, "fast")
        await asyncio.to_thread(world.cluster.start, 15)
        await asyncio.sleep(world.seconds)  # the load goes on, short of connections
        await asyncio.to_thread(world.cluster.stop, "fast")
        await asyncio.to_thread(world.cluster.start, 100)
        return f"max_connections 15 for {world.seconds:g} s, then 100"

    saved = world.clients
    world.clients = saved * 2
    try:
        return await under_load(world, "connections exhausted", fault)
    finally:
        world.clients = saved


async def scenario_hostile(world: World) -> Row:
    target = world.servers[0]
    host, port = target.url.removeprefix("http://").rsplit(":", 1)
    held: list[asyncio.StreamWriter] = []
    closed = Counter()

    async def hostile(kind: str) -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        held.append(writer)
        try:
            if kind == "slow":
                writer.write(b"GET /ok HTTP/1.1\r\nHost: x\r\n")
                for _ in range(30):  # one header byte a second
                    await asyncio.sleep(1)
                    writer.write(b"X")
                    await writer.drain()
            elif kind == "big":
                writer.write(b"GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: ")
                for _ in range(160):  # 10 MB, unfinished
                    writer.write(b"a" * 65536)
                    await writer.drain()
            await asyncio.wait_for(reader.read(), 30)  # the server closes it
            closed[kind] += 1
        except (ConnectionError, TimeoutError, OSError):
            closed[kind] += 1 if kind != "idle" else 0
        finally:
            writer.close()

    async def fault() -> str:
        kinds = ["idle"] * 300 + ["slow"] * 100 + ["big"] * 20
        await asyncio.gather(*(hostile(kind) for kind in kinds), return_exceptions=True)
        return f"closed by the server: {dict(closed)} of idle 300, slow 100, big 20"

    return await under_load(world, "hostile clients", fault)


# -- main ----------------------------------------------------------------------------------


def say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} chaos: {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def table(rows: list[Row]) -> str:
    head = [
        "scenario",
        "requests",
        "runs created",
        "lost",
        "executed twice",
        "500s",
        "dropped",
        "s to recover",
        "peak RSS MB",
        "ok",
        "notes",
    ]
    lines = [head]
    for r in rows:
        lines.append(
            [
                r.name,
                str(r.requests),
                str(r.created),
                str(r.lost),
                str(r.twice),
                str(r.errors_500),
                str(r.dropped),
                f"{r.recover:.1f} (<= {r.limit:g})",
                f"{r.rss_mb:.0f}",
                "yes" if r.ok else "NO",
                r.notes,
            ]
        )
    out = ["| " + " | ".join(lines[0]) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(cells) + " |" for cells in lines[1:]]
    return "\n".join(out)


async def main(only: str | None) -> int:
    base = Path(os.environ.get("AP_CHAOS_DATA") or tempfile.mkdtemp(prefix="ap-chaos-"))
    port = int(os.environ.get("AP_CHAOS_PG_PORT") or free_port())
    cluster = Cluster(base / "pg", port)
    directory = Path(tempfile.mkdtemp(prefix="ap-chaos-logs-"))
    ledger = directory / "ledger.txt"
    cluster.init()
    cluster.start(100)
    servers: list[Server] = []
    rows: list[Row] = []
    try:
        for i in range(2):
            servers.append(await spawn(cluster.url, ledger, directory, f"server-{i}"))
        world = World(
            cluster,
            ledger,
            directory,
            servers,
            float(os.environ.get("AP_CHAOS_SECONDS", "6")),
            int(os.environ.get("AP_CHAOS_CLIENTS", "16")),
        )
        scenarios = [
            ("hostile", scenario_hostile),
            ("kill", scenario_kill),
            ("fast", lambda w: scenario_restart(w, "fast")),
            ("immediate", lambda w: scenario_restart(w, "immediate")),
            ("exhaust", scenario_exhaustion),
        ]
        for name, scenario in scenarios:
            if only and only not in name:
                continue
            say(f"{name} ...")
            rows.append(await scenario(world))
            print(table(rows[-1:]), flush=True)
    finally:
        for server in servers:
            stop(server)
        cluster.stop("fast", missing_ok=True)
    print()
    print(table(rows))
    print(f"\nserver logs: {directory}")
    return 0 if rows and all(r.ok for r in rows) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tests.chaos")
    parser.add_argument("--only", help="run the scenarios whose name contains this")
    sys.exit(asyncio.run(main(parser.parse_args().only)))
