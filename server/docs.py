"""API documentation at GET /docs: Swagger UI 5 served from the `swagger-ui-bundle-v2` package.

Works offline: the page loads only the assets under /docs/static (no CDN), and Swagger UI's
online validator is turned off, so the browser contacts nothing but this server. The spec
is OpenAPI 3.1, which Swagger UI reads from version 5 on; the older `swagger-ui-bundle`
(Swagger UI 4) installs the same module name, so the version is checked when the routes
are made.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import swagger_ui_bundle
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

DOCS_PATH = "/docs"
STATIC_PATH = DOCS_PATH + "/static"

# The files the page uses (and their source maps); the rest of the bundle (a demo
# index.html pointing at petstore.swagger.io, ...) is not served.
ASSETS = ("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png")

SWAGGER_UI_DIR = Path(str(swagger_ui_bundle.swagger_ui_path))
# The bundle's directory is named after the Swagger UI release: .../vendor/swagger-ui-5.31.0
SWAGGER_UI_VERSION = SWAGGER_UI_DIR.name.removeprefix("swagger-ui-")

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <link rel="stylesheet" href="{static}/swagger-ui.css">
  <link rel="icon" type="image/png" href="{static}/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="{static}/favicon-16x16.png" sizes="16x16">
  <style>body {{ margin: 0; }}</style>
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="{static}/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({{
      url: {openapi_url},
      dom_id: "#swagger-ui",
      deepLinking: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
    }});
  </script>
</body>
</html>
"""


class _SwaggerAssets(StaticFiles):
    """The swagger_ui_bundle directory, limited to ASSETS and their source maps."""

    allowed = frozenset(ASSETS) | {
        f"{name}.map" for name in ASSETS if name.endswith((".js", ".css"))
    }

    async def get_response(self, path: str, scope: Scope) -> Response:
        if path not in self.allowed:
            raise HTTPException(status_code=404)
        return await super().get_response(path, scope)


def _js_string(value: str) -> str:
    """A JavaScript string literal safe inside an HTML <script> element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def docs_routes(
    openapi_url: str = "/openapi.json", title: str = "Agent Protocol API"
) -> list[BaseRoute]:
    """The routes of the docs page (GET /docs) and its assets (GET /docs/static/...).

    Paths in the page are absolute paths on this server, prefixed with the ASGI root_path,
    so the page also works behind a proxy prefix or inside a Mount. `openapi_url` is a path
    from the application's root (or a full URL, used as is).
    """

    _check_version(SWAGGER_UI_VERSION)

    async def docs_page(request: Request) -> HTMLResponse:
        root_path = request.scope.get("root_path", "")
        app_root_path = request.scope.get("app_root_path", root_path)
        spec_url = app_root_path + openapi_url if openapi_url.startswith("/") else openapi_url
        page = PAGE.format(
            title=html.escape(title),
            static=html.escape(root_path + STATIC_PATH),
            openapi_url=_js_string(spec_url),
        )
        return HTMLResponse(page)

    return [
        Route(DOCS_PATH, docs_page, methods=["GET"], name="docs", include_in_schema=False),
        Mount(
            STATIC_PATH,
            app=_SwaggerAssets(directory=SWAGGER_UI_DIR),
            name="docs-static",
        ),
    ]


def _check_version(version: str) -> None:
    major = version.split(".")[0]
    if not (major.isdigit() and int(major) >= 5):
        raise RuntimeError(
            f"the installed swagger_ui_bundle ships Swagger UI {version}, which cannot read"
            " OpenAPI 3.1; install swagger-ui-bundle-v2 (pip uninstall swagger-ui-bundle &&"
            " pip install swagger-ui-bundle-v2)"
        )
