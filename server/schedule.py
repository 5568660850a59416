"""Cron schedules: when a cron fires next (croniter), in its time zone, before its end."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import (  # type: ignore[import-untyped]
    CroniterBadCronError,
    CroniterBadDateError,
    croniter,
)

from .errors import Invalid


def check(schedule: str, timezone: str | None) -> None:
    """A 422 naming the field unless `schedule` is a cron expression and `timezone` an IANA
    zone."""
    if not croniter.is_valid(schedule):
        raise Invalid(
            f"schedule {schedule!r} is not a cron expression",
            code="invalid_schedule",
            errors=[{"loc": ["schedule"], "msg": "not a cron expression"}],
        )
    _zone(timezone)


def next_run(
    schedule: str, timezone: str | None, after: datetime, end_time: datetime | None
) -> datetime | None:
    """The first time after `after` the schedule names (None: none before `end_time`)."""
    local = after.astimezone(_zone(timezone))
    try:
        found: datetime = croniter(schedule, local).get_next(datetime)
    except (CroniterBadCronError, CroniterBadDateError):
        return None
    found = found.astimezone(UTC)
    if end_time is not None and found > end_time:
        return None
    return found


def _zone(timezone: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(
            f"timezone {timezone!r} is not an IANA time zone",
            code="invalid_schedule",
            errors=[{"loc": ["timezone"], "msg": "unknown time zone"}],
        ) from None
