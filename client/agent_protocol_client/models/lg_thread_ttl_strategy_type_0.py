from enum import StrEnum


class LgThreadTtlStrategyType0(StrEnum):
    DELETE = "delete"

    def __str__(self) -> str:
        return str(self.value)
