"""How much a request may carry: its body (413), and its `metadata`, `values` and store
`value` (422). Bounds the spec can state (namespace depth, key length, `limit` ranges)
are in the spec and checked with the rest of the body."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from .errors import Invalid, TooLarge
from .settings import Settings


@dataclass(frozen=True, slots=True)
class Limits:
    body_bytes: int
    metadata_bytes: int
    values_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.max_body_bytes, settings.max_metadata_bytes, settings.max_values_bytes)

    async def read_body(self, request: Request) -> bytes:
        """The body, refused as soon as it is known to be too large (never read whole)."""
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.body_bytes:
            raise self._too_large()
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.body_bytes:
                raise self._too_large()
            chunks.append(chunk)
        return b"".join(chunks)

    def check_fields(self, body: Any) -> None:
        """Refuse a body whose `metadata`, `values` or `value` is too large as JSON."""
        if not isinstance(body, dict):
            return
        for field, limit in (
            ("metadata", self.metadata_bytes),
            ("values", self.values_bytes),
            ("value", self.values_bytes),
        ):
            if field in body and _json_size(body[field]) > limit:
                raise Invalid(
                    f"`{field}` is larger than {limit} bytes as JSON",
                    code="too_large",
                    field=field,
                    max_bytes=limit,
                )

    def _too_large(self) -> TooLarge:
        return TooLarge(
            f"the request body is larger than {self.body_bytes} bytes", max_bytes=self.body_bytes
        )


def _json_size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())
