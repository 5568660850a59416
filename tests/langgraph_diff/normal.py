"""What both differential scripts compare by: ids, timestamps and uuids replaced by
placeholders (scenario.py, the SDK's; protocol.py, the streaming protocol's)."""

from __future__ import annotations

import re
from typing import Any

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX_ID = re.compile(r"^[0-9a-f]{32}$")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def norm(value: Any) -> Any:
    """Ids and timestamps replaced by placeholders; the rest as it is."""
    if isinstance(value, dict):
        return {k: norm(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, str):
        if TIME.match(value):
            return "<time>"
        if HEX_ID.match(value):
            return "<id>"
        return UUID.sub("<uuid>", value)
    return value
