from enum import StrEnum


class OnCompletion(StrEnum):
    DELETE = "delete"
    KEEP = "keep"

    def __str__(self) -> str:
        return str(self.value)
