from enum import StrEnum


class LgCronCreateMultitaskStrategyType0(StrEnum):
    ENQUEUE = "enqueue"
    INTERRUPT = "interrupt"
    REJECT = "reject"
    ROLLBACK = "rollback"

    def __str__(self) -> str:
        return str(self.value)
