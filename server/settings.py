"""Server settings, read from the environment (and CLI options, which override it)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    # DATABASE_URL: a Postgres server (postgresql://...). None: an embedded Postgres.
    database_url: str | None = None
    # AP_DATA_DIR: where the embedded Postgres keeps its data.
    data_dir: Path = field(default_factory=lambda: Path.cwd() / ".ap")
    host: str = "127.0.0.1"
    port: int = 2024
    # Extra agents, each "module:attribute" (AP_AGENTS, comma-separated; or the config file).
    agents: tuple[str, ...] = ()
    # Whether to register the example agents (echo, hitl, slow, fail).
    example_agents: bool = True
    # Postgres connection pool size per server process.
    pool_size: int = 10
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

    @classmethod
    def from_env(
        cls, env: dict[str, str] | None = None, config_file: str | None = None
    ) -> Settings:
        env = dict(os.environ if env is None else env)
        settings = cls(
            database_url=env.get("DATABASE_URL") or None,
            data_dir=Path(env["AP_DATA_DIR"]).resolve()
            if env.get("AP_DATA_DIR")
            else Path.cwd() / ".ap",
            agents=tuple(a.strip() for a in env.get("AP_AGENTS", "").split(",") if a.strip()),
            example_agents=_flag(env.get("AP_EXAMPLE_AGENTS", "1")),
            pool_size=int(env.get("AP_POOL_SIZE", "10")),
            workers=int(env.get("AP_WORKERS", "32")),
            lease_seconds=float(env.get("AP_LEASE_SECONDS", "10")),
            max_attempts=int(env.get("AP_MAX_ATTEMPTS", "3")),
            run_timeout=float(env["AP_RUN_TIMEOUT"]) if env.get("AP_RUN_TIMEOUT") else None,
            stop_timeout=float(env.get("AP_STOP_TIMEOUT", "5")),
            shutdown_grace=float(env.get("AP_SHUTDOWN_GRACE", "10")),
            temporary_thread_ttl=float(env.get("AP_TEMPORARY_THREAD_TTL", "30")),
            webhook_allow_private=_flag(env.get("AP_WEBHOOK_ALLOW_PRIVATE", "0")),
            sse_heartbeat=float(env.get("AP_SSE_HEARTBEAT", "15")),
            api_keys=env.get("AP_API_KEYS", ""),
            api_keys_file=Path(env["AP_API_KEYS_FILE"]) if env.get("AP_API_KEYS_FILE") else None,
            admin_key=env.get("AP_ADMIN_KEY", ""),
            cors_origins=tuple(
                o.strip() for o in env.get("AP_CORS_ORIGINS", "").split(",") if o.strip()
            ),
            cors_origin_regex=env.get("AP_CORS_ORIGIN_REGEX") or None,
            max_body_bytes=int(env.get("AP_MAX_BODY_BYTES", 10 * MIB)),
            max_metadata_bytes=int(env.get("AP_MAX_METADATA_BYTES", 64 * 1024)),
            max_values_bytes=int(env.get("AP_MAX_VALUES_BYTES", 4 * MIB)),
        )
        config_file = config_file or env.get("AP_CONFIG")
        if config_file:
            settings = settings.with_config_file(Path(config_file))
        return settings

    def with_config_file(self, path: Path) -> Settings:
        """Read a TOML file: `agents = ["pkg.module:attribute", ...]`, `example_agents = bool`."""
        data = tomllib.loads(path.read_text())
        agents = tuple(data.get("agents", ()))
        return replace(
            self,
            agents=self.agents + agents,
            example_agents=bool(data.get("example_agents", self.example_agents)),
        )

    def replace(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _flag(value: str) -> bool:
    return value.strip().lower() not in ("", "0", "false", "no", "off")
