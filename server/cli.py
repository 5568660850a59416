"""The `ap-server` command: `serve`, `migrate` and `conformance`.

Start-up mistakes (a port in use, a database that cannot be reached, an agent that cannot
be loaded, a bad setting or config file) are one or two lines on stderr naming the cause
and the fix, and a non-zero exit; `--debug` (or AP_LOG_LEVEL=DEBUG) adds the traceback.
The cheap checks come first: the agents are imported and the port is bound before
Postgres starts and migrations run.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import re
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable, Coroutine, Sequence
from types import FrameType
from typing import Any

from . import __version__, logs
from .agents.registry import AgentLoadError, AgentRegistry
from .auth import ApiKeys
from .database import Budget, Database
from .settings import SettingError, Settings

log = logging.getLogger("ap_server")
CONNECT_TIMEOUT = 15.0  # seconds to reach the database at start


class StartupError(Exception):
    """The server cannot start; the message says why and what to do."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `ap-server ...`; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["conformance"]:  # the kit parses its own options
        from ap_server.conformance import main as conformance

        return conformance(argv[1:])
    args = _parser().parse_args(argv)
    debug = args.debug
    try:
        settings = Settings.from_env(config_file=getattr(args, "config", None))
        debug = debug or settings.log_level == "DEBUG"
        logs.configure(settings.log_level, settings.log_format)
        # SIGTERM (and SIGINT) raise SystemExit, so the database is closed on the way out:
        # uvicorn shuts down gracefully on them, then re-raises them for this handler.
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
    except (StartupError, SettingError) as exc:
        status = exc.status if isinstance(exc, StartupError) else 2
        if debug:
            traceback.print_exception(exc.__cause__ or exc, file=sys.stderr)
        print(f"ap-server: error: {exc}", file=sys.stderr, flush=True)
        return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ap-server", description="An Agent Protocol server.")
    parser.add_argument("--version", action="version", version=f"ap-server {_version()}")
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", help="show tracebacks of start-up errors")
    parser.set_defaults(debug=False)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve", parents=[debug], help="serve the API (migrating the database first)"
    )
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, help="port to listen on, 0 for any (default $AP_PORT, $PORT or 2024)"
    )
    serve.add_argument(
        "--agent",
        action="append",
        default=[],
        metavar="MODULE:ATTR",
        help="register an agent (repeatable)",
    )
    serve.add_argument("--config", metavar="FILE", help="a TOML config file (default $AP_CONFIG)")
    commands.add_parser("migrate", parents=[debug], help="upgrade the database schema, then exit")
    commands.add_parser(
        "conformance", help="check any Agent Protocol server (see `ap-server conformance --help`)"
    )
    return parser


def _version() -> str:
    return __version__


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
    database = await _open_database(settings)
    try:
        await _apply_migrations(database)
        log.info("%s: at revision %s", database.describe(), await database.revision())
    finally:
        await database.close()
    return 0


async def _serve(settings: Settings) -> int:
    import uvicorn

    from .app import create_app
    from .connections import uvicorn_options

    agents = _load_agents(settings)
    _check_keys(settings)
    sock = _bind(settings.host, settings.port)
    server = None
    try:
        database = await _open_database(settings)
        try:
            await _apply_migrations(database)
            app = create_app(settings, database, agents)
            config = uvicorn.Config(
                app,
                host=settings.host,
                port=settings.port,
                log_config=None,  # logs.configure did it
                log_level=None,  # logs.configure set the levels
                access_log=False,  # ours is in access.py
                lifespan="on",
                # Open streams get this long to end on shutdown; clients rejoin with
                # Last-Event-ID.
                timeout_graceful_shutdown=3,
                # Thread-stream WebSockets (server/streaming/websocket.py): pings, frame size;
                # uvicorn's sans-I/O `websockets` implementation (the legacy one is deprecated).
                ws="websockets-sansio",
                ws_ping_interval=settings.websocket_ping,
                ws_ping_timeout=settings.websocket_ping,
                ws_max_size=settings.max_body_bytes,
                **uvicorn_options(settings),  # bounds on what one connection may cost
            )
            host, port = sock.getsockname()[:2]
            url = f"http://{_url_host(host)}:{port}"
            log.info("serving agents: %s", ", ".join(agents.ids()) or "none")
            log.info("%s", app.state.keys.describe())
            graphs = sum(1 for i in agents.ids() if agents.get(i).metadata.get("langgraph"))
            budget = await database.check_budget(Budget.of(settings, graphs), settings.processes)
            (log.warning if budget.startswith("WARNING") else log.info)("%s", budget)
            # "ap-server listening on <url>" is the line tests and scripts look for.
            log.info(
                "ap-server listening on %s (version %s; API docs at %s/docs)", url, _version(), url
            )
            runtime = app.state.runtime
            server = _server_class()(config, runtime.shutting_down, runtime.hurry)
            await server.serve(sockets=[sock])  # a signal ends it with SystemExit
            return 0 if server.started else 1
        finally:
            await database.close()
    finally:
        sock.close()
        if server is not None and server.started:
            log.info("stopped")


def _load_agents(settings: Settings) -> AgentRegistry:
    from .app import agent_registry

    try:
        return agent_registry(settings)
    except AgentLoadError as exc:
        raise StartupError(str(exc), status=2) from exc.__cause__
    except ValueError as exc:  # two agents with one id
        raise StartupError(f"agents: {exc}; serve each agent id once", 2) from exc


def _check_keys(settings: Settings) -> None:
    """The API keys are read again by the app; a mistake in them is found here, early."""
    try:
        ApiKeys.from_settings(settings)
    except ValueError as exc:
        raise StartupError(f"{exc}; see the settings AP_API_KEYS and AP_API_KEYS_FILE", 2) from exc
    except OSError as exc:
        raise StartupError(
            f"AP_API_KEYS_FILE {settings.api_keys_file} cannot be read: {exc.strerror or exc}", 2
        ) from exc


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound now: a port in use is found before the slow work."""
    try:
        return _listen(host, port, 2048)
    except socket.gaierror as exc:
        raise StartupError(
            f"cannot listen on {host!r}: the host name does not resolve ({exc.strerror});"
            " use --host 127.0.0.1 (this machine) or 0.0.0.0 (every interface)"
        ) from exc
    except OSError as exc:
        where = f"{_url_host(host)}:{port}"
        fix = "choose another port with --port, AP_PORT or PORT"
        if exc.errno == errno.EADDRINUSE:
            message = f"port {port} is already in use on {host} (another ap-server?); {fix}, or stop the process using it"
        elif exc.errno == errno.EACCES:
            message = (
                f"no permission to listen on {where} (ports below 1024 need privileges); {fix}"
            )
        elif exc.errno == errno.EADDRNOTAVAIL:
            message = f"cannot listen on {host}: it is not an address of this machine; use --host 127.0.0.1 or 0.0.0.0"
        else:
            message = f"cannot listen on {where}: {exc.strerror or exc}; {fix}"
        raise StartupError(message) from exc


async def _open_database(settings: Settings) -> Database:
    """Open the database and check that it answers, saying what is slow on a first start."""
    if settings.database_url:
        shown = _redacted(settings.database_url)
        try:
            database = await Database.open(settings)
        except Exception as exc:
            raise StartupError(
                f"DATABASE_URL {shown} is not a Postgres URL ({_reason(exc)});"
                " write it as postgresql://user:password@host:5432/database",
                status=2,
            ) from exc
    else:
        pgdata = settings.data_dir / "pg"
        first = not (pgdata / "PG_VERSION").exists()
        log.info(
            "%s embedded Postgres in %s ...",
            "creating and starting an" if first else "starting the",
            settings.data_dir,
        )
        began = time.monotonic()
        try:
            database = await Database.open(settings)
        except Exception as exc:
            raise StartupError(
                f"the embedded Postgres in {settings.data_dir} did not start ({_reason(exc)};"
                " the lines above may say more); set AP_DATA_DIR to a folder its user can"
                " write, or DATABASE_URL to a Postgres server"
            ) from exc
        log.info("Postgres ready in %.1f s", time.monotonic() - began)
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT):
            await database.revision()  # connects and reads the schema's revision
    except Exception as exc:
        await database.close()
        reason = (
            f"no answer in {CONNECT_TIMEOUT:.0f} s"
            if isinstance(exc, TimeoutError)
            else _reason(exc)
        )
        raise StartupError(
            f"cannot connect to the database {database.describe()}: {reason};"
            " check DATABASE_URL (host, port, user, password, database name) and that Postgres runs there"
        ) from exc
    return database


async def _apply_migrations(database: Database) -> None:
    before = await database.revision()
    try:
        await database.migrate()
    except Exception as exc:
        raise StartupError(
            f"migrating the database {database.describe()} failed: {_reason(exc)};"
            " the user needs to create tables there (--debug shows the traceback)"
        ) from exc
    after = await database.revision()
    log.info("database: %s", database.describe())
    if before == after:
        log.info("schema up to date (revision %s)", after)
    else:
        log.info("migrations applied (revision %s -> %s)", before or "empty", after)


def _reason(exc: BaseException) -> str:
    """The innermost cause of a database error, in one line."""
    seen = exc
    while True:
        inner = getattr(seen, "orig", None) or seen.__cause__
        if inner is None or inner is seen:
            break
        seen = inner
    if isinstance(seen, ConnectionRefusedError):
        return "connection refused (is Postgres running on that host and port?)"
    if isinstance(seen, socket.gaierror):
        return f"the host name does not resolve ({seen.strerror})"
    text = str(seen).strip().splitlines()[0] if str(seen).strip() else ""
    return f"{type(seen).__name__}: {text}" if text else type(seen).__name__


def _redacted(url: str) -> str:
    """A URL as it may be shown: without its password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


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
        cleanly before uvicorn's grace (`timeout_graceful_shutdown`) runs out. A second
        SIGINT or SIGTERM (Ctrl-C again) stops at once: the runs still going are handed
        back to the queue, as at the end of the grace; the lifespan's shutdown still runs."""

        def __init__(
            self,
            config: uvicorn.Config,
            on_exit: Callable[[], None],
            on_force: Callable[[], None],
        ) -> None:
            super().__init__(config)
            self._loop = asyncio.get_running_loop()
            self._on_exit = on_exit
            self._on_force = on_force
            self._exiting = False

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            # Our own flag, set before anything else: a second signal can interrupt this
            # handler (CPython runs a pending handler between any two bytecodes, a log
            # call's included), before uvicorn's `should_exit` is set below.
            if self._exiting:
                # Not uvicorn's force_exit: it would skip the lifespan's shutdown, leaving
                # runs leased to a process that is gone.
                self._captured_signals.append(sig)
                log.warning("second %s: stopping now", signal.Signals(sig).name)
                self._loop.call_soon_threadsafe(self._on_force)
                return
            self._exiting = True
            log.info(
                "%s: shutting down (%s again to stop at once)",
                signal.Signals(sig).name,
                "Ctrl-C" if sig == signal.SIGINT else "the signal",
            )
            self._loop.call_soon_threadsafe(self._on_exit)
            super().handle_exit(sig, frame)

    return Server


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


if __name__ == "__main__":
    sys.exit(main())
