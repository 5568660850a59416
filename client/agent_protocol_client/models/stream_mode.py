from enum import StrEnum


class StreamMode(StrEnum):
    CUSTOM = "custom"
    MESSAGES = "messages"
    UPDATES = "updates"
    VALUES = "values"

    def __str__(self) -> str:
        return str(self.value)
