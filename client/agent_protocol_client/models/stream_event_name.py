from enum import StrEnum


class StreamEventName(StrEnum):
    CUSTOM = "custom"
    END = "end"
    ERROR = "error"
    INTERRUPT = "interrupt"
    MESSAGES = "messages"
    METADATA = "metadata"
    UPDATES = "updates"
    VALUES = "values"

    def __str__(self) -> str:
        return str(self.value)
