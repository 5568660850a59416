from enum import StrEnum


class LgCronSearchSelectType0Item(StrEnum):
    ASSISTANT_ID = "assistant_id"
    CREATED_AT = "created_at"
    CRON_ID = "cron_id"
    ENABLED = "enabled"
    END_TIME = "end_time"
    METADATA = "metadata"
    NEXT_RUN_DATE = "next_run_date"
    NOW = "now"
    ON_RUN_COMPLETED = "on_run_completed"
    PAYLOAD = "payload"
    SCHEDULE = "schedule"
    THREAD_ID = "thread_id"
    TIMEZONE = "timezone"
    UPDATED_AT = "updated_at"
    USER_ID = "user_id"

    def __str__(self) -> str:
        return str(self.value)
