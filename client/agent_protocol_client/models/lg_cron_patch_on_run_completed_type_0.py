from enum import StrEnum


class LgCronPatchOnRunCompletedType0(StrEnum):
    DELETE = "delete"
    KEEP = "keep"

    def __str__(self) -> str:
        return str(self.value)
