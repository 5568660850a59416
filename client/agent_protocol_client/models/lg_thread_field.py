from enum import StrEnum


class LgThreadField(StrEnum):
    CREATED_AT = "created_at"
    INTERRUPTS = "interrupts"
    METADATA = "metadata"
    STATUS = "status"
    THREAD_ID = "thread_id"
    UPDATED_AT = "updated_at"
    VALUES = "values"

    def __str__(self) -> str:
        return str(self.value)
