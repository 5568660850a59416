from enum import StrEnum


class IfNotExists(StrEnum):
    CREATE = "create"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
