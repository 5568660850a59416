"""What idle thread streams cost the database: a server on a fresh database, `streams` SSE
streams and as many WebSockets held open on threads with nothing happening, for `hold`
seconds; the database's committed transactions meanwhile (pg_stat_database), once with
AP_STREAM_RECHECK=5 (how often every idle stream re-read the log before NOTIFY did the
waking alone) and once with the default.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        python tests/bench/idle_thread_streams.py [streams] [hold] [port]

Prints one line per setting; nothing here is asserted (durations are not tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import uuid

import asyncpg
import httpx
import websockets


async def transactions(admin: asyncpg.Connection, name: str) -> int:
    await admin.execute("SELECT pg_stat_clear_snapshot()")
    return int(
        await admin.fetchval("SELECT xact_commit FROM pg_stat_database WHERE datname = $1", name)
    )


async def measure(admin_url: str, streams: int, hold: float, port: int, recheck: str | None):
    name = f"ap_idle_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(admin_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    env = {**os.environ, "DATABASE_URL": url}
    if recheck is not None:
        env["AP_STREAM_RECHECK"] = recheck
    log_path = os.path.join(tempfile.gettempdir(), f"{name}.log")
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "ap_server.cli", "serve", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for _ in range(600):
                with contextlib.suppress(httpx.HTTPError):
                    if (await http.get("/ok")).status_code == 200:
                        break
                await asyncio.sleep(0.1)
            threads = [
                (await http.post("/threads", json={})).json()["thread_id"] for _ in range(streams)
            ]
            async with contextlib.AsyncExitStack() as stack:
                for thread_id in threads:
                    response = await stack.enter_async_context(
                        http.stream(
                            "POST", f"/threads/{thread_id}/stream", json={"channels": ["values"]}
                        )
                    )
                    assert response.status_code == 200
                    socket = await stack.enter_async_context(
                        websockets.connect(f"ws://127.0.0.1:{port}/threads/{thread_id}/stream")
                    )
                    await socket.send(
                        '{"id": 1, "method": "subscription.subscribe", "params": {"channels": ["values"]}}'
                    )
                    await socket.recv()
                before = await transactions(admin, name)
                await asyncio.sleep(hold)
                after = await transactions(admin, name)
        label = f"AP_STREAM_RECHECK={recheck or 'default (60)'}"
        print(f"{label}: {2 * streams} idle streams for {hold:g} s: {after - before} transactions"
              f" ({(after - before) / hold:.1f}/s)")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await admin.close()


async def main() -> None:
    admin_url = os.environ["DATABASE_URL"]
    streams = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    hold = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 22450
    await measure(admin_url, 0, hold, port, None)  # the server's own background work
    for recheck in ("5", None):
        await measure(admin_url, streams, hold, port, recheck)


if __name__ == "__main__":
    asyncio.run(main())
