"""The `ap-server` command: `serve`, `migrate` and `conformance`."""

from __future__ import annotations

import argparse
import asyncio
import signal
import socket
import sys
from collections.abc import Callable, Coroutine, Sequence
from types import FrameType
from typing import Any

from .database import Database
from .settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `ap-server ...`; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["conformance"]:  # the kit parses its own options
        from ap_server.conformance import main as conformance

        return conformance(argv[1:])
    parser = argparse.ArgumentParser(prog="ap-server", description="An Agent Protocol server.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the API (migrating the database first)")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on, 0 for any (default 2024)")
    serve.add_argument(
        "--agent",
        action="append",
        default=[],
        metavar="MODULE:ATTR",
        help="register an agent (repeatable)",
    )
    serve.add_argument("--config", metavar="FILE", help="a TOML config file (default $AP_CONFIG)")
    commands.add_parser("migrate", help="upgrade the database schema, then exit")
    commands.add_parser(
        "conformance", help="check any Agent Protocol server (see `ap-server conformance --help`)"
    )
    args = parser.parse_args(argv)

    settings = Settings.from_env(config_file=getattr(args, "config", None))
    # SIGTERM (and SIGINT) raise SystemExit, so the database is closed on the way out: uvicorn
    # shuts down gracefully on them, then re-raises them for the handler found at its start.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _exit)
    if args.command == "migrate":
        return _run(_migrate(settings))
    overrides = {"host": args.host, "port": args.port}
    settings = settings.replace(
        **{name: value for name, value in overrides.items() if value is not None},
        agents=settings.agents + tuple(args.agent),
    )
    return _run(_serve(settings))


def _run(main: Coroutine[Any, Any, int]) -> int:
    """Run on uvloop when it is installed (it comes with uvicorn[standard]), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(main)


def _exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


async def _migrate(settings: Settings) -> int:
    database = await Database.open(settings)
    try:
        await database.migrate()
        print(f"{database.describe()}: at revision {await database.revision()}", flush=True)
    finally:
        await database.close()
    return 0


async def _serve(settings: Settings) -> int:
    import uvicorn

    from .app import create_app

    database = await Database.open(settings)
    try:
        await database.migrate()
        app = create_app(settings, database)
        config = uvicorn.Config(
            app,
            host=settings.host,
            port=settings.port,
            log_level="warning",
            lifespan="on",
            # Open streams get this long to end on shutdown; clients rejoin with Last-Event-ID.
            timeout_graceful_shutdown=3,
        )
        sock = _listen(settings.host, settings.port, config.backlog)
        host, port = sock.getsockname()[:2]
        print(f"ap-server listening on http://{_url_host(host)}:{port}", flush=True)
        print(database.describe(), flush=True)
        print(app.state.keys.describe(), flush=True)
        server = _server_class()(config, app.state.runtime.shutting_down)
        await server.serve(sockets=[sock])
        return 0 if server.started else 1
    finally:
        await database.close()


def _listen(host: str, port: int, backlog: int) -> socket.socket:
    """The listening socket, bound and listening: from here on connections wait until the
    app is up. Its connections have TCP_NODELAY. Without it, a response written in two
    parts (headers, then body) waits for the client's delayed ACK, 40 ms on Linux: a socket
    made with protocol 0 (as uvicorn's `bind_socket` does) is not recognised as TCP by
    asyncio, which then leaves Nagle's algorithm on for every accepted connection."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # accepted ones inherit it
        sock.bind(address)
        sock.listen(backlog)
    except BaseException:
        sock.close()
        raise
    return sock


def _server_class() -> Any:
    import uvicorn

    class Server(uvicorn.Server):
        """Tells the app as soon as a shutdown signal comes, so open waits and streams end
        cleanly before uvicorn's grace (`timeout_graceful_shutdown`) runs out."""

        def __init__(self, config: uvicorn.Config, on_exit: Callable[[], None]) -> None:
            super().__init__(config)
            self._loop = asyncio.get_running_loop()
            self._on_exit = on_exit

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            self._loop.call_soon_threadsafe(self._on_exit)
            super().handle_exit(sig, frame)

    return Server


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


if __name__ == "__main__":
    sys.exit(main())
