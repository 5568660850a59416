from enum import StrEnum


class LgThreadFieldsStatus(StrEnum):
    BUSY = "busy"
    ERROR = "error"
    IDLE = "idle"
    INTERRUPTED = "interrupted"

    def __str__(self) -> str:
        return str(self.value)
