from enum import StrEnum


class LgThreadPruneStrategyType0(StrEnum):
    DELETE = "delete"
    KEEP_LATEST = "keep_latest"

    def __str__(self) -> str:
        return str(self.value)
