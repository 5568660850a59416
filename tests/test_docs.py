"""GET /docs: Swagger UI from local assets only."""

from html.parser import HTMLParser

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from ap_server import docs
from ap_server.docs import docs_routes

CONTENT_TYPES = {
    ".css": ("text/css",),
    ".js": ("text/javascript", "application/javascript"),
    ".png": ("image/png",),
}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def links(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    return parser.urls


def http_client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://docs.test")


async def check_assets(client: httpx.AsyncClient, page: str, prefix: str) -> list[str]:
    urls = links(page)
    assert urls
    for url in urls:
        assert not url.startswith(("http://", "https://", "//")), url
        assert url.startswith(prefix + "/docs/static/"), url
        response = await client.get(url)
        assert response.status_code == 200, url
        assert response.content, url
        suffix = url[url.rindex(".") :]
        assert response.headers["content-type"].startswith(CONTENT_TYPES[suffix]), url
    return urls


async def test_docs_page_uses_only_local_assets():
    async with http_client(Starlette(routes=docs_routes())) as client:
        response = await client.get("/docs")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        page = response.text
        assert "http://" not in page and "https://" not in page
        urls = await check_assets(client, page, "")
    assert "/docs/static/swagger-ui-bundle.js" in urls
    assert "/docs/static/swagger-ui.css" in urls
    assert 'url: "/openapi.json"' in page
    assert "validatorUrl: null" in page  # no calls to validator.swagger.io


async def test_openapi_url_is_configurable_and_escaped():
    app = Starlette(routes=docs_routes(openapi_url="/spec</script>.json"))
    async with http_client(app) as client:
        page = (await client.get("/docs")).text
    assert "</script>.json" not in page
    assert 'url: "/spec\\u003c/script\\u003e.json"' in page


async def test_docs_inside_a_mount():
    app = Starlette(routes=[Mount("/api", routes=docs_routes())])
    async with http_client(app) as client:
        response = await client.get("/api/docs")
        assert response.status_code == 200
        await check_assets(client, response.text, "/api")
        assert 'url: "/openapi.json"' in response.text


async def test_rest_of_the_bundle_not_served():
    # The bundle's own index.html and initializer point at petstore.swagger.io.
    async with http_client(Starlette(routes=docs_routes())) as client:
        for name in ("index.html", "swagger-initializer.js", "", "../__init__.py"):
            assert (await client.get(f"/docs/static/{name}")).status_code == 404, name
        assert (await client.get("/docs/static/swagger-ui-bundle.js.map")).status_code == 200


async def test_docs_behind_a_proxy_prefix():
    # A proxy strips /prefix and the server runs with root_path="/prefix" (uvicorn --root-path).
    transport = httpx.ASGITransport(app=Starlette(routes=docs_routes()), root_path="/prefix")
    async with httpx.AsyncClient(transport=transport, base_url="http://docs.test") as client:
        response = await client.get("/prefix/docs")
        assert response.status_code == 200
        await check_assets(client, response.text, "/prefix")
        assert 'url: "/prefix/openapi.json"' in response.text


def test_swagger_ui_reads_openapi_3_1():
    """Swagger UI 4 (the old swagger-ui-bundle, same module name) renders only an error
    for an OpenAPI 3.1 spec: the docs refuse to start with it, naming the fix."""
    assert int(docs.SWAGGER_UI_VERSION.split(".")[0]) >= 5, docs.SWAGGER_UI_VERSION
    bundle = (docs.SWAGGER_UI_DIR / "swagger-ui-bundle.js").read_text()
    assert f'"{docs.SWAGGER_UI_VERSION}"' in bundle  # the directory's name tells the truth
    with pytest.raises(RuntimeError, match="swagger-ui-bundle-v2"):
        docs._check_version("4.15.5")
