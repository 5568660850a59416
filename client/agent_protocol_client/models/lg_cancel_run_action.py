from enum import StrEnum


class LgCancelRunAction(StrEnum):
    INTERRUPT = "interrupt"
    ROLLBACK = "rollback"

    def __str__(self) -> str:
        return str(self.value)
