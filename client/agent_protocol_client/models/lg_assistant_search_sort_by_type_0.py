from enum import StrEnum


class LgAssistantSearchSortByType0(StrEnum):
    ASSISTANT_ID = "assistant_id"
    CREATED_AT = "created_at"
    GRAPH_ID = "graph_id"
    NAME = "name"
    UPDATED_AT = "updated_at"

    def __str__(self) -> str:
        return str(self.value)
