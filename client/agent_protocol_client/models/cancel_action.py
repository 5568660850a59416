from enum import StrEnum


class CancelAction(StrEnum):
    INTERRUPT = "interrupt"
    ROLLBACK = "rollback"

    def __str__(self) -> str:
        return str(self.value)
