from enum import StrEnum


class StreamingErrorCode(StrEnum):
    CHECKPOINT_NOT_FOUND = "checkpoint_not_found"
    COMMAND_NOT_SUPPORTED = "command_not_supported"
    INTERRUPTS_UNANSWERED = "interrupts_unanswered"
    INVALID_ARGUMENT = "invalid_argument"
    NOT_FOUND = "not_found"
    NOT_SUPPORTED = "not_supported"
    NO_SUCH_CHECKPOINT = "no_such_checkpoint"
    NO_SUCH_INTERRUPT = "no_such_interrupt"
    NO_SUCH_NAMESPACE = "no_such_namespace"
    NO_SUCH_RUN = "no_such_run"
    NO_SUCH_SUBSCRIPTION = "no_such_subscription"
    PERMISSION_DENIED = "permission_denied"
    RESUME_GAP = "resume_gap"
    THREAD_BUSY = "thread_busy"
    THREAD_INTERRUPTED = "thread_interrupted"
    THREAD_NOT_INTERRUPTED = "thread_not_interrupted"
    TOO_LARGE = "too_large"
    UNKNOWN_COMMAND = "unknown_command"
    UNKNOWN_ERROR = "unknown_error"
    VALIDATION_ERROR = "validation_error"
    WEBHOOK_REFUSED = "webhook_refused"

    def __str__(self) -> str:
        return str(self.value)
