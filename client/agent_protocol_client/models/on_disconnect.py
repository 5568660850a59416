from enum import StrEnum


class OnDisconnect(StrEnum):
    CANCEL = "cancel"
    CONTINUE = "continue"

    def __str__(self) -> str:
        return str(self.value)
