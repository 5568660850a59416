from enum import StrEnum


class LgRunStatus(StrEnum):
    ERROR = "error"
    INTERRUPTED = "interrupted"
    PENDING = "pending"
    RUNNING = "running"
    SUCCESS = "success"
    TIMEOUT = "timeout"

    def __str__(self) -> str:
        return str(self.value)
