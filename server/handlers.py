"""The handlers of every operation of the spec: the native Agent Protocol's (api/) and the
LangGraph Platform's (langgraph/), two independent families on the same services."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from ap_generated.operations import Handlers

from .api.agents import AgentsApi
from .api.runs import RunsApi
from .api.store import StoreApi
from .api.system import SystemApi
from .api.threads import ThreadsApi
from .engine.services import Services
from .langgraph.api import LangGraphApi
from .storage.owners import Scope
from .streaming.handlers import StreamingApi


class Api(LangGraphApi, AgentsApi, ThreadsApi, RunsApi, StoreApi, StreamingApi, SystemApi):
    def __init__(self, services: Services) -> None:
        self.services = services


def handlers_for(services: Services) -> Callable[[Scope], Handlers]:
    """The handlers of one request: they see what its owner scope sees."""

    def handlers(scope: Scope) -> Handlers:
        # The router takes a `Reply` (a body with headers) or an iterator of `sse.Event`
        # where the generated protocol names the body or the StreamEvent model.
        return cast(Handlers, Api(services.scoped(scope)))

    return handlers
