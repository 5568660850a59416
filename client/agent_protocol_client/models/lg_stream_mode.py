from enum import StrEnum


class LgStreamMode(StrEnum):
    CHECKPOINTS = "checkpoints"
    CUSTOM = "custom"
    DEBUG = "debug"
    EVENTS = "events"
    MESSAGES = "messages"
    MESSAGES_TUPLE = "messages-tuple"
    TASKS = "tasks"
    TOOLS = "tools"
    UPDATES = "updates"
    VALUES = "values"

    def __str__(self) -> str:
        return str(self.value)
