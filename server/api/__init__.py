"""The handlers: one method per operationId of the spec, grouped by resource."""

from __future__ import annotations

from collections.abc import Callable

from ap_generated.operations import Handlers

from ..langgraph.api import LangGraphApi
from ..langgraph.assistants import AssistantsApi
from ..storage.owners import Scope
from .agents import AgentsApi
from .runs import RunsApi
from .services import Services
from .store import StoreApi
from .system import SystemApi
from .threads import ThreadsApi


class Api(LangGraphApi, AssistantsApi, AgentsApi, ThreadsApi, RunsApi, StoreApi, SystemApi):
    def __init__(self, services: Services) -> None:
        self.services = services


def handlers_for(services: Services) -> Callable[[Scope], Handlers]:
    """The handlers of one request: they see what its owner scope sees."""

    def handlers(scope: Scope) -> Handlers:
        return Api(services.scoped(scope))

    return handlers
