from enum import StrEnum


class LgRunCancelManyStatusType0(StrEnum):
    ALL = "all"
    PENDING = "pending"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
