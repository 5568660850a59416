from enum import StrEnum


class LgRunCreateIfNotExistsType0(StrEnum):
    CREATE = "create"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
