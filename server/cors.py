"""CORS: which browser origins may call this server (Starlette's CORSMiddleware).

By default only loopback origins (`http://localhost:3000`, `http://127.0.0.1:5173`, ...):
a chat UI running on the same machine works, an arbitrary web site cannot drive an open
server through its visitors' browsers. `AP_CORS_ORIGINS` (comma-separated, `*` for any)
and `AP_CORS_ORIGIN_REGEX` widen it.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

LOOPBACK = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"
# Headers a browser script may read: the LangGraph SDK follows these to rejoin runs.
EXPOSED = ["Location", "Content-Location", "X-Pagination-Next", "Retry-After"]


def cors_middleware(origins: tuple[str, ...], origin_regex: str | None) -> Middleware:
    if not origins and origin_regex is None:
        origin_regex = LOOPBACK
    return Middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_origin_regex=origin_regex,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["*"],
        expose_headers=EXPOSED,
        max_age=600,
    )
