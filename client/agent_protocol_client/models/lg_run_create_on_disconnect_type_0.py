from enum import StrEnum


class LgRunCreateOnDisconnectType0(StrEnum):
    CANCEL = "cancel"
    CONTINUE = "continue"

    def __str__(self) -> str:
        return str(self.value)
