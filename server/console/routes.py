"""Routes of the console: the page (GET /console), its files (/console/static/...), and
GET / leading to it (the console links the API docs at /docs)."""

from __future__ import annotations

import html
from importlib import resources
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from ..docs import DOCS_PATH

CONSOLE_PATH = "/console"
STATIC_PATH = CONSOLE_PATH + "/static"

# The page's only variable parts are where it is mounted and where the API is, both known
# per request (a proxy may serve the application under a prefix: the ASGI root_path).
PAGE = resources.files(__package__).joinpath("static", "index.html").read_text()


async def console_page(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    api_root = request.scope.get("app_root_path", root)
    page = (
        PAGE.replace("{{static}}", html.escape(root + STATIC_PATH))
        .replace("{{api_root}}", html.escape(api_root))
        .replace("{{docs}}", html.escape(api_root + DOCS_PATH))
    )
    # The page must not be cached across versions: its scripts are imported by path.
    return HTMLResponse(page, headers={"cache-control": "no-cache"})


class _Files(StaticFiles):
    """The console's files, revalidated on every load (by ETag), so an upgraded server
    never runs with a browser's cached scripts of the previous version."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers["cache-control"] = "no-cache"
        return response


async def home(request: Request) -> RedirectResponse:
    return RedirectResponse(request.scope.get("root_path", "") + CONSOLE_PATH, status_code=307)


def console_routes() -> list[BaseRoute]:
    return [
        Route("/", home, methods=["GET"], include_in_schema=False),
        Route(CONSOLE_PATH, console_page, methods=["GET"], include_in_schema=False),
        Mount(STATIC_PATH, app=_Files(packages=[(__package__, "static")]), name="console"),
    ]
