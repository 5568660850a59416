from enum import StrEnum


class LgRunCreateDurabilityType0(StrEnum):
    ASYNC = "async"
    EXIT = "exit"
    SYNC = "sync"

    def __str__(self) -> str:
        return str(self.value)
