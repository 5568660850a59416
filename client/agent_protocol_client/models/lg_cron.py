from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_cron_metadata import LgCronMetadata
    from ..models.lg_cron_payload import LgCronPayload


T = TypeVar("T", bound="LgCron")


@_attrs_define
class LgCron:
    """
    Attributes:
        cron_id (UUID):
        assistant_id (UUID):
        thread_id (None | UUID):
        schedule (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        payload (LgCronPayload):
        metadata (LgCronMetadata):
        enabled (bool):
        on_run_completed (None | str | Unset):
        end_time (datetime.datetime | None | Unset):
        timezone (None | str | Unset):
        user_id (None | str | Unset):
        next_run_date (datetime.datetime | None | Unset):
        now (datetime.datetime | Unset):
    """

    cron_id: UUID
    assistant_id: UUID
    thread_id: None | UUID
    schedule: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    payload: LgCronPayload
    metadata: LgCronMetadata
    enabled: bool
    on_run_completed: None | str | Unset = UNSET
    end_time: datetime.datetime | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    next_run_date: datetime.datetime | None | Unset = UNSET
    now: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cron_id = str(self.cron_id)

        assistant_id = str(self.assistant_id)

        thread_id: None | str
        if isinstance(self.thread_id, UUID):
            thread_id = str(self.thread_id)
        else:
            thread_id = self.thread_id

        schedule = self.schedule

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        payload = self.payload.to_dict()

        metadata = self.metadata.to_dict()

        enabled = self.enabled

        on_run_completed: None | str | Unset
        if isinstance(self.on_run_completed, Unset):
            on_run_completed = UNSET
        else:
            on_run_completed = self.on_run_completed

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        elif isinstance(self.end_time, datetime.datetime):
            end_time = self.end_time.isoformat()
        else:
            end_time = self.end_time

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        next_run_date: None | str | Unset
        if isinstance(self.next_run_date, Unset):
            next_run_date = UNSET
        elif isinstance(self.next_run_date, datetime.datetime):
            next_run_date = self.next_run_date.isoformat()
        else:
            next_run_date = self.next_run_date

        now: str | Unset = UNSET
        if not isinstance(self.now, Unset):
            now = self.now.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cron_id": cron_id,
                "assistant_id": assistant_id,
                "thread_id": thread_id,
                "schedule": schedule,
                "created_at": created_at,
                "updated_at": updated_at,
                "payload": payload,
                "metadata": metadata,
                "enabled": enabled,
            }
        )
        if on_run_completed is not UNSET:
            field_dict["on_run_completed"] = on_run_completed
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if next_run_date is not UNSET:
            field_dict["next_run_date"] = next_run_date
        if now is not UNSET:
            field_dict["now"] = now

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_cron_metadata import LgCronMetadata  # noqa: PLC0415
        from ..models.lg_cron_payload import LgCronPayload  # noqa: PLC0415

        d = dict(src_dict)
        cron_id = UUID(d.pop("cron_id"))

        assistant_id = UUID(d.pop("assistant_id"))

        def _parse_thread_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                thread_id_type_0 = UUID(data)

                return thread_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        thread_id = _parse_thread_id(d.pop("thread_id"))

        schedule = d.pop("schedule")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        payload = LgCronPayload.from_dict(d.pop("payload"))

        metadata = LgCronMetadata.from_dict(d.pop("metadata"))

        enabled = d.pop("enabled")

        def _parse_on_run_completed(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        on_run_completed = _parse_on_run_completed(d.pop("on_run_completed", UNSET))

        def _parse_end_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = datetime.datetime.fromisoformat(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_next_run_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_date_type_0 = datetime.datetime.fromisoformat(data)

                return next_run_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_run_date = _parse_next_run_date(d.pop("next_run_date", UNSET))

        _now = d.pop("now", UNSET)
        now: datetime.datetime | Unset
        if isinstance(_now, Unset):
            now = UNSET
        else:
            now = datetime.datetime.fromisoformat(_now)

        lg_cron = cls(
            cron_id=cron_id,
            assistant_id=assistant_id,
            thread_id=thread_id,
            schedule=schedule,
            created_at=created_at,
            updated_at=updated_at,
            payload=payload,
            metadata=metadata,
            enabled=enabled,
            on_run_completed=on_run_completed,
            end_time=end_time,
            timezone=timezone,
            user_id=user_id,
            next_run_date=next_run_date,
            now=now,
        )

        lg_cron.additional_properties = d
        return lg_cron

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
