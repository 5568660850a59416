from enum import StrEnum


class LgAssistantCreateIfExistsType0(StrEnum):
    DO_NOTHING = "do_nothing"
    RAISE = "raise"

    def __str__(self) -> str:
        return str(self.value)
