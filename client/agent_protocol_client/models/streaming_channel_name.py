from enum import StrEnum


class StreamingChannelName(StrEnum):
    CHECKPOINTS = "checkpoints"
    CUSTOM = "custom"
    INPUT = "input"
    LIFECYCLE = "lifecycle"
    MESSAGES = "messages"
    TASKS = "tasks"
    TOOLS = "tools"
    UPDATES = "updates"
    VALUES = "values"

    def __str__(self) -> str:
        return str(self.value)
