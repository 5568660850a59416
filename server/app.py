"""The Starlette application: spec routes, /openapi.json, /docs, errors as ErrorResponse."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from importlib import resources

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import __version__, metrics
from .access import AccessMiddleware
from .agents.registry import AgentRegistry
from .auth import ApiKeys
from .console import console_routes
from .cors import cors_middleware
from .database import Database
from .docs import docs_routes
from .engine.crons import CronScheduler
from .errors import ApiError, Invalid, NotFound
from .handlers import Api, handlers_for
from .langgraph import graph as graphs
from .limits import Limits
from .metrics import metrics_routes
from .routing import Gate, error_response, operation_routes
from .runtime import Runtime
from .settings import Settings
from .storage.owners import Scope
from .streaming.websocket import websocket_routes

log = logging.getLogger("ap_server")
SPEC_JSON = resources.files("ap_generated").joinpath("openapi.json").read_bytes()


async def openapi(request: Request) -> Response:
    return Response(SPEC_JSON, media_type="application/json")


async def on_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        error: ApiError = NotFound("path", request.url.path)
    elif exc.status_code == 405:
        error = ApiError(
            f"method {request.method} not allowed on {request.url.path}",
            code="method_not_allowed",
            status=405,
        )
    else:
        error = Invalid(str(exc.detail), code="bad_request", status=exc.status_code)
    response = error_response(error)
    response.headers.update(exc.headers or {})
    return response


async def on_unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(ApiError("internal server error"))


def agent_registry(settings: Settings) -> AgentRegistry:
    """The agents to serve: the examples (unless turned off) and those the settings name,
    compiled LangGraph graphs included. A reference that cannot be served: AgentLoadError."""
    return AgentRegistry.from_settings(
        settings.example_agents, settings.agents, adapters=(graphs.as_agent,)
    )


def create_app(
    settings: Settings, database: Database, agents: AgentRegistry | None = None
) -> Starlette:
    runtime = Runtime(settings, database, agent_registry(settings) if agents is None else agents)
    gate = Gate(ApiKeys.from_settings(settings), Limits.from_settings(settings))

    handlers = handlers_for(runtime.services)
    # Crons fire as their owner's runs, through the LangGraph run path.
    crons = CronScheduler(
        runtime.services.crons,
        lambda cron, tx: Api(runtime.services.scoped(Scope.of(cron.owner)))._lg_fire(cron, tx),
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await runtime.start()
        crons.start()
        try:
            yield
        finally:
            await crons.stop()
            await runtime.stop()

    routes = [
        Route("/openapi.json", openapi, methods=["GET"]),
        *metrics_routes(
            runtime.stats.queue,
            database.engine.pool,
            runtime.worker.running,
            lambda: runtime.worker.webhooks.pending,
        ),
        *docs_routes("/openapi.json"),
        *console_routes(),
        *operation_routes(handlers, gate, settings.sse_heartbeat),
        *websocket_routes(handlers, gate.keys, settings.max_websockets),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            cors_middleware(settings.cors_origins, settings.cors_origin_regex),
            Middleware(AccessMiddleware),
        ],
        lifespan=lifespan,
        exception_handlers={
            ApiError: on_api_error,
            HTTPException: on_http_error,
            Exception: on_unexpected_error,
        },
    )
    metrics.server_info.info({"version": __version__, "worker": runtime.worker.id})
    app.state.runtime = runtime
    app.state.keys = gate.keys
    return app
