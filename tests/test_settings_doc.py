"""Every setting the code reads is documented, in README.md's one settings table, which is
made from server/settings.py (`python -m ap_server.settings` prints it)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from ap_server import settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
ENV_NAME = re.compile(r'"((?:AP_[A-Z_]+)|DATABASE_URL|PORT)"')
BEGIN = "<!-- settings table: made by `python -m ap_server.settings` -->\n"
END = "<!-- end of the settings table -->"


def test_the_readme_table_is_the_generated_one() -> None:
    assert BEGIN in README and END in README
    shown = README.split(BEGIN, 1)[1].split(END, 1)[0]
    assert shown == settings.table(), (
        "README.md's settings table differs from server/settings.py's DOCUMENTED: paste the"
        " output of `python -m ap_server.settings` between the markers"
    )


def test_every_variable_read_is_documented_and_every_documented_one_is_read() -> None:
    read = set(ENV_NAME.findall(inspect.getsource(settings.Settings.from_env)))
    documented = {name for name, _, _ in settings.DOCUMENTED}
    assert read, "no variables found: has from_env changed shape?"
    assert read - documented == set(), "read but not documented in settings.DOCUMENTED"
    assert documented - read == set(), "documented but never read"
    for name in ("AP_SSE_HEARTBEAT", "AP_POOL_SIZE", "AP_EXAMPLE_AGENTS", "AP_PORT", "PORT"):
        assert f"| `{name}` |" in README


def test_every_variable_any_module_reads_is_in_the_readme() -> None:
    for path in (ROOT / "server").rglob("*.py"):
        for name in ENV_NAME.findall(path.read_text()):
            assert f"`{name}`" in README or f"`${name}`" in README, (path, name)


def test_documented_defaults_are_the_defaults() -> None:
    defaults = settings.Settings.from_env({})
    for name, default, _ in settings.DOCUMENTED:
        value = {
            "AP_PORT": defaults.port,
            "PORT": defaults.port,
            "AP_POOL_SIZE": defaults.pool_size,
            "AP_WORKERS": defaults.workers,
            "AP_MAX_ATTEMPTS": defaults.max_attempts,
            "AP_SSE_HEARTBEAT": defaults.sse_heartbeat,
            "AP_SHUTDOWN_GRACE": defaults.shutdown_grace,
            "AP_MAX_BODY_BYTES": defaults.max_body_bytes,
            "AP_LOG_LEVEL": defaults.log_level,
            "AP_LOG_FORMAT": defaults.log_format,
        }.get(name)
        if value is not None:
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            assert default == shown, name
