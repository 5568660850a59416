from enum import StrEnum


class LgCronSearchSortByType0(StrEnum):
    ASSISTANT_ID = "assistant_id"
    CREATED_AT = "created_at"
    CRON_ID = "cron_id"
    END_TIME = "end_time"
    NEXT_RUN_DATE = "next_run_date"
    THREAD_ID = "thread_id"
    UPDATED_AT = "updated_at"

    def __str__(self) -> str:
        return str(self.value)
