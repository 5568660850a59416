from enum import StrEnum


class LgAssistantSearchSortOrderType0(StrEnum):
    ASC = "asc"
    DESC = "desc"

    def __str__(self) -> str:
        return str(self.value)
