"""Server settings, read from the environment (and CLI options, which override it)."""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

MIB = 1024 * 1024
LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# The keys of a --config (AP_CONFIG) TOML file.
CONFIG_KEYS = ("agents", "example_agents")


# Every environment variable the server reads: name, default, meaning. README.md's settings
# table is made from this (`python -m ap_server.settings`); tests/test_settings_doc.py
# checks that the two agree and that every variable read in from_env is here.
DOCUMENTED: tuple[tuple[str, str, str], ...] = (
    (
        "DATABASE_URL",
        "none",
        "a Postgres server, `postgresql://user:password@host:5432/db`; unset: an embedded Postgres",
    ),
    (
        "AP_DATA_DIR",
        "`.ap/`",
        "where the embedded Postgres keeps its data (relative to the working directory); a second `ap-server serve` on the same folder shares the database",
    ),
    ("AP_PORT", "2024", "port to listen on (`--port` overrides it; 0: any free port)"),
    (
        "PORT",
        "2024",
        "the same, read when `AP_PORT` is unset (as platforms that assign ports set it)",
    ),
    (
        "AP_AGENTS",
        "none",
        "extra agents, comma-separated `module:attribute` (or `id=module:attribute`)",
    ),
    (
        "AP_EXAMPLE_AGENTS",
        "1",
        "serve the example agents (`echo`, `hitl`, `hitl2`, `slow`, `fail`); `0` to leave them out",
    ),
    (
        "AP_CONFIG",
        "none",
        'a TOML file (`--config` overrides it): `agents = ["pkg.module:attribute"]`, `example_agents = true`; any other key is an error',
    ),
    (
        "AP_LOG_LEVEL",
        "INFO",
        "`DEBUG`, `INFO`, `WARNING`, `ERROR`; `DEBUG` also shows tracebacks of start-up errors",
    ),
    (
        "AP_LOG_FORMAT",
        "text",
        "`text` (one readable line per record) or `json` (one object per line, for log shippers)",
    ),
    (
        "AP_POOL_SIZE",
        "10",
        "database connections per process in each of its two pools (the run path's, and"
        " the others', which opens up to half as many more under load)",
    ),
    (
        "AP_POOL_TIMEOUT",
        "5",
        "seconds a request waits for a database connection (or to connect) before a 503",
    ),
    (
        "AP_PROCESSES",
        "1",
        "server processes sharing the database: `serve` warns when max_connections cannot hold them",
    ),
    ("AP_WORKERS", "32", "runs executed at once per process"),
    (
        "AP_LEASE_SECONDS",
        "10",
        "a dead process's runs run again elsewhere within this many seconds of its death"
        " (leases last nine tenths of it; the rest is for the takeover)",
    ),
    ("AP_MAX_ATTEMPTS", "3", "attempts of a run whose process died"),
    (
        "AP_RUN_TIMEOUT",
        "none",
        "seconds a run may take (per run: `config.timeout`); then it ends `timeout`",
    ),
    (
        "AP_STOP_TIMEOUT",
        "5",
        "grace of a graceful stop before the agent's task is cancelled (an agent's own"
        " `stop_grace` wins: a LangGraph graph's is 0)",
    ),
    (
        "AP_SHUTDOWN_GRACE",
        "10",
        "grace of running runs on SIGTERM before they are handed back (a second Ctrl-C: at once)",
    ),
    ("AP_TEMPORARY_THREAD_TTL", "30", "seconds after which a stateless run's thread is removed"),
    (
        "AP_WEBHOOK_ALLOW_PRIVATE",
        "0",
        "allow webhooks to loopback and private addresses (every process on one database should agree)",
    ),
    ("AP_SSE_HEARTBEAT", "15", "seconds between keep-alive comments on a quiet event stream"),
    (
        "AP_STREAM_RECHECK",
        "60",
        "seconds after which an idle thread stream re-reads the thread's log even without a"
        " notification (a safety net: LISTEN/NOTIFY wakes it when events are written)",
    ),
    (
        "AP_THREAD_EVENTS_RETENTION",
        "604800",
        "seconds a thread's streaming-protocol events are kept for `since` replay (7 days;"
        " `none`: forever); older ones are pruned, a thread's are removed with it, and a"
        " `since` before the oldest kept event is a `resume_gap` error",
    ),
    (
        "AP_API_KEYS",
        "none",
        "`owner=key` pairs, comma-separated; with no keys at all the server is open",
    ),
    ("AP_API_KEYS_FILE", "none", "a file of `owner:sha256-hex-of-key` lines"),
    ("AP_ADMIN_KEY", "none", "a key that sees every owner's resources"),
    ("AP_MAX_BODY_BYTES", "10485760", "a larger request body is a 413 `body_too_large`"),
    ("AP_MAX_METADATA_BYTES", "65536", "a larger `metadata` (compact JSON) is a 422 `too_large`"),
    ("AP_MAX_VALUES_BYTES", "4194304", "a larger `values` or store `value` is a 422 `too_large`"),
    (
        "AP_MAX_WEBSOCKETS",
        "1000",
        "open thread-stream WebSockets per process; more are closed 4503",
    ),
    (
        "AP_WEBSOCKET_PING",
        "20",
        "seconds between pings on a thread-stream WebSocket (and to wait for a pong)",
    ),
    ("AP_MAX_CONNECTIONS", "2048", "open HTTP connections per process; more are answered 503"),
    ("AP_MAX_HEADER_BYTES", "32768", "a request line and headers larger than this: 431"),
    ("AP_MAX_HEADERS", "100", "more header fields in a request: 431"),
    ("AP_HEADER_TIMEOUT", "10", "seconds to send a request's headers, else 408 and closed"),
    ("AP_KEEP_ALIVE_TIMEOUT", "5", "seconds an idle connection stays open between requests"),
    (
        "AP_CORS_ORIGINS",
        "loopback",
        "origins browsers may call from, comma-separated (`*` for any); set, it replaces the"
        " loopback default",
    ),
    (
        "AP_CORS_ORIGIN_REGEX",
        "none",
        "allowed origins as a regular expression matched against the whole origin",
    ),
)


def table() -> str:
    """The README's settings table, from DOCUMENTED."""
    rows = ["| Setting | Default | Meaning |", "|---|---|---|"]
    rows += [f"| `{name}` | {default} | {meaning} |" for name, default, meaning in DOCUMENTED]
    return "\n".join(rows) + "\n"


class SettingError(ValueError):
    """A setting (environment variable or config file) that cannot be used; the message
    names it and says what it should be."""


@dataclass(frozen=True, slots=True)
class Settings:
    # DATABASE_URL: a Postgres server (postgresql://...). None: an embedded Postgres.
    database_url: str | None = None
    # AP_DATA_DIR: where the embedded Postgres keeps its data.
    data_dir: Path = field(default_factory=lambda: Path.cwd() / ".ap")
    host: str = "127.0.0.1"
    port: int = 2024  # AP_PORT, else PORT (as platforms inject it), else --port
    # AP_LOG_LEVEL and AP_LOG_FORMAT (text or json): see logs.py.
    log_level: str = "INFO"
    log_format: str = "text"
    # Extra agents, each "module:attribute" (AP_AGENTS, comma-separated; or the config file).
    agents: tuple[str, ...] = ()
    # Whether to register the example agents (echo, hitl, slow, fail).
    example_agents: bool = True
    # Postgres connection pool size per server process.
    pool_size: int = 10
    # How many server processes share the database (AP_PROCESSES): for the start-up check
    # of the connections they may open against max_connections.
    processes: int = 1
    # Seconds a request waits for a database connection before a 503 (AP_POOL_TIMEOUT).
    pool_timeout: float = 5.0
    # The run engine (see engine/worker.py).
    workers: int = 32  # runs executed at once per process
    lease_seconds: float = 10.0
    max_attempts: int = 3  # a run whose process died is retried this many times in all
    run_timeout: float | None = None  # seconds; per run: config.timeout
    stop_timeout: float = 5.0  # grace of a graceful stop before the task is cancelled
    shutdown_grace: float = 10.0
    temporary_thread_ttl: float = 30.0  # stateless runs' threads are removed this long after
    webhook_allow_private: bool = False
    sse_heartbeat: float = 15.0  # seconds between keep-alive comments on a quiet stream
    stream_recheck: float = 60.0  # an idle thread stream re-reads its log this often anyway
    thread_events_retention: float | None = 7 * 86400.0  # seconds; None: kept forever
    # API keys (see auth.py). None of the three: the server is open.
    api_keys: str = ""  # AP_API_KEYS: "owner=key,owner=key"
    api_keys_file: Path | None = None  # AP_API_KEYS_FILE: lines "owner:sha256-hex-of-key"
    admin_key: str = ""  # AP_ADMIN_KEY: sees every owner's resources
    # Browser origins allowed by CORS (see cors.py); neither: loopback origins only.
    cors_origins: tuple[str, ...] = ()  # AP_CORS_ORIGINS: comma-separated, `*` for any
    cors_origin_regex: str | None = None  # AP_CORS_ORIGIN_REGEX
    # Limits (see limits.py).
    max_body_bytes: int = 10 * MIB  # a larger request body: 413
    max_metadata_bytes: int = 64 * 1024  # a larger `metadata` (compact JSON): 422
    max_values_bytes: int = 4 * MIB  # a larger `values` or store `value`: 422
    max_websockets: int = 1000  # open thread-stream WebSockets per process; more: closed 4503
    websocket_ping: float = 20.0  # seconds between pings on a protocol WebSocket
    # HTTP connections (see connections.py).
    max_connections: int = 2048  # per process; more are answered 503
    max_header_bytes: int = 32 * 1024  # a request line and headers larger than this: 431
    max_headers: int = 100  # more header fields: 431
    header_timeout: float = 10.0  # seconds to send a request's headers, else closed (408)
    keep_alive_timeout: float = 5.0  # seconds an idle connection stays open between requests

    @classmethod
    def from_env(
        cls, env: dict[str, str] | None = None, config_file: str | None = None
    ) -> Settings:
        env = dict(os.environ if env is None else env)
        read = _Reader(env)
        settings = cls(
            database_url=env.get("DATABASE_URL") or None,
            data_dir=Path(env["AP_DATA_DIR"]).resolve()
            if env.get("AP_DATA_DIR")
            else Path.cwd() / ".ap",
            port=_first(read("AP_PORT", int, None), read("PORT", int, None), 2024),
            log_level=read("AP_LOG_LEVEL", _choice(LOG_LEVELS, str.upper), "INFO"),
            log_format=read("AP_LOG_FORMAT", _choice(LOG_FORMATS, str.lower), "text"),
            agents=tuple(a.strip() for a in env.get("AP_AGENTS", "").split(",") if a.strip()),
            example_agents=_flag(env.get("AP_EXAMPLE_AGENTS", "1")),
            pool_size=read("AP_POOL_SIZE", int, 10),
            pool_timeout=read("AP_POOL_TIMEOUT", float, 5.0),
            processes=read("AP_PROCESSES", int, 1),
            workers=read("AP_WORKERS", int, 32),
            lease_seconds=read("AP_LEASE_SECONDS", float, 10.0),
            max_attempts=read("AP_MAX_ATTEMPTS", int, 3),
            run_timeout=read("AP_RUN_TIMEOUT", float, None),
            stop_timeout=read("AP_STOP_TIMEOUT", float, 5.0),
            shutdown_grace=read("AP_SHUTDOWN_GRACE", float, 10.0),
            temporary_thread_ttl=read("AP_TEMPORARY_THREAD_TTL", float, 30.0),
            webhook_allow_private=_flag(env.get("AP_WEBHOOK_ALLOW_PRIVATE", "0")),
            sse_heartbeat=read("AP_SSE_HEARTBEAT", float, 15.0),
            stream_recheck=read("AP_STREAM_RECHECK", _positive, 60.0),
            thread_events_retention=read(
                "AP_THREAD_EVENTS_RETENTION", _forever_or_seconds, 7 * 86400.0
            ),
            api_keys=env.get("AP_API_KEYS", ""),
            api_keys_file=Path(env["AP_API_KEYS_FILE"]) if env.get("AP_API_KEYS_FILE") else None,
            admin_key=env.get("AP_ADMIN_KEY", ""),
            cors_origins=tuple(
                o.strip() for o in env.get("AP_CORS_ORIGINS", "").split(",") if o.strip()
            ),
            cors_origin_regex=env.get("AP_CORS_ORIGIN_REGEX") or None,
            max_body_bytes=read("AP_MAX_BODY_BYTES", int, 10 * MIB),
            max_metadata_bytes=read("AP_MAX_METADATA_BYTES", int, 64 * 1024),
            max_values_bytes=read("AP_MAX_VALUES_BYTES", int, 4 * MIB),
            max_websockets=read("AP_MAX_WEBSOCKETS", int, 1000),
            websocket_ping=read("AP_WEBSOCKET_PING", float, 20.0),
            max_connections=read("AP_MAX_CONNECTIONS", int, 2048),
            max_header_bytes=read("AP_MAX_HEADER_BYTES", int, 32 * 1024),
            max_headers=read("AP_MAX_HEADERS", int, 100),
            header_timeout=read("AP_HEADER_TIMEOUT", float, 10.0),
            keep_alive_timeout=read("AP_KEEP_ALIVE_TIMEOUT", float, 5.0),
        )
        config_file = config_file or env.get("AP_CONFIG")
        if config_file:
            settings = settings.with_config_file(Path(config_file))
        return settings

    def with_config_file(self, path: Path) -> Settings:
        """Read a TOML file: `agents = ["pkg.module:attribute", ...]`, `example_agents = bool`.
        A missing or malformed file, an unknown key or a value of the wrong type is a
        SettingError naming it."""
        try:
            data = tomllib.loads(path.read_text())
        except FileNotFoundError:
            raise SettingError(
                f"config file {path} not found (from --config or AP_CONFIG)"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingError(f"config file {path} cannot be read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingError(f"config file {path} is not valid TOML: {exc}") from None
        for key in data:
            if key not in CONFIG_KEYS:
                close = difflib.get_close_matches(key, CONFIG_KEYS, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise SettingError(
                    f"config file {path}: unknown key {key!r}; {hint}the keys are"
                    f" {', '.join(CONFIG_KEYS)}"
                )
        agents = data.get("agents", [])
        if not isinstance(agents, list) or not all(isinstance(a, str) for a in agents):
            raise SettingError(
                f'config file {path}: agents must be a list of "module:attribute" strings'
            )
        example_agents = data.get("example_agents", self.example_agents)
        if not isinstance(example_agents, bool):
            raise SettingError(f"config file {path}: example_agents must be true or false")
        return replace(self, agents=self.agents + tuple(agents), example_agents=example_agents)

    def replace(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _flag(value: str) -> bool:
    return value.strip().lower() not in ("", "0", "false", "no", "off")


class _Reader:
    """Reads one environment variable with a parser; a bad value is a SettingError."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def __call__(self, name: str, parse: Callable[[str], Any], default: Any) -> Any:
        raw = self.env.get(name, "").strip()
        if not raw:
            return default
        try:
            return parse(raw)
        except ValueError as exc:
            what = {int: "an integer", float: "a number"}.get(parse, "valid")  # type: ignore
            detail = f" ({exc})" if what == "valid" else ""
            raise SettingError(f"{name}={raw!r} is not {what}{detail}") from None


def _positive(raw: str) -> float:
    value = float(raw)
    if not value > 0:
        raise ValueError("a number of seconds above 0")
    return value


def _forever_or_seconds(raw: str) -> float | None:
    """`none` (or 0): forever; else a positive number of seconds."""
    if raw.lower() == "none" or raw == "0":
        return None
    return _positive(raw)


def _first(*values: Any) -> Any:
    return next(v for v in values if v is not None)


def _choice(choices: tuple[str, ...], normal: Callable[[str], str]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if normal(raw) not in choices:
            raise ValueError(f"one of {', '.join(choices)}")
        return normal(raw)

    return parse


if __name__ == "__main__":  # python -m ap_server.settings: print the README's table
    print(table(), end="")
