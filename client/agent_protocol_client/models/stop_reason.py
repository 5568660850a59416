from enum import StrEnum


class StopReason(StrEnum):
    DISCONNECT = "disconnect"
    SHUTDOWN = "shutdown"
    SUPERSEDED = "superseded"
    TIMEOUT = "timeout"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
