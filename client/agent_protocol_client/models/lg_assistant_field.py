from enum import StrEnum


class LgAssistantField(StrEnum):
    ASSISTANT_ID = "assistant_id"
    CONFIG = "config"
    CONTEXT = "context"
    CREATED_AT = "created_at"
    DESCRIPTION = "description"
    GRAPH_ID = "graph_id"
    METADATA = "metadata"
    NAME = "name"
    UPDATED_AT = "updated_at"
    VERSION = "version"

    def __str__(self) -> str:
        return str(self.value)
