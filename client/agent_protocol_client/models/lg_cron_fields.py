from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_cron_fields_metadata import LgCronFieldsMetadata
    from ..models.lg_cron_fields_payload import LgCronFieldsPayload


T = TypeVar("T", bound="LgCronFields")


@_attrs_define
class LgCronFields:
    """A cron, or the fields of it a search selected.

    Attributes:
        cron_id (UUID | Unset):
        assistant_id (UUID | Unset):
        thread_id (None | Unset | UUID):
        on_run_completed (None | str | Unset):
        end_time (datetime.datetime | None | Unset):
        schedule (str | Unset):
        timezone (None | str | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        payload (LgCronFieldsPayload | Unset):
        user_id (None | str | Unset):
        next_run_date (datetime.datetime | None | Unset):
        metadata (LgCronFieldsMetadata | Unset):
        enabled (bool | Unset):
        now (datetime.datetime | Unset):
    """

    cron_id: UUID | Unset = UNSET
    assistant_id: UUID | Unset = UNSET
    thread_id: None | Unset | UUID = UNSET
    on_run_completed: None | str | Unset = UNSET
    end_time: datetime.datetime | None | Unset = UNSET
    schedule: str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    payload: LgCronFieldsPayload | Unset = UNSET
    user_id: None | str | Unset = UNSET
    next_run_date: datetime.datetime | None | Unset = UNSET
    metadata: LgCronFieldsMetadata | Unset = UNSET
    enabled: bool | Unset = UNSET
    now: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cron_id: str | Unset = UNSET
        if not isinstance(self.cron_id, Unset):
            cron_id = str(self.cron_id)

        assistant_id: str | Unset = UNSET
        if not isinstance(self.assistant_id, Unset):
            assistant_id = str(self.assistant_id)

        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        elif isinstance(self.thread_id, UUID):
            thread_id = str(self.thread_id)
        else:
            thread_id = self.thread_id

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

        schedule = self.schedule

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

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

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        enabled = self.enabled

        now: str | Unset = UNSET
        if not isinstance(self.now, Unset):
            now = self.now.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cron_id is not UNSET:
            field_dict["cron_id"] = cron_id
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if on_run_completed is not UNSET:
            field_dict["on_run_completed"] = on_run_completed
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if payload is not UNSET:
            field_dict["payload"] = payload
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if next_run_date is not UNSET:
            field_dict["next_run_date"] = next_run_date
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if now is not UNSET:
            field_dict["now"] = now

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_cron_fields_metadata import LgCronFieldsMetadata  # noqa: PLC0415
        from ..models.lg_cron_fields_payload import LgCronFieldsPayload  # noqa: PLC0415

        d = dict(src_dict)
        _cron_id = d.pop("cron_id", UNSET)
        cron_id: UUID | Unset
        if isinstance(_cron_id, Unset):
            cron_id = UNSET
        else:
            cron_id = UUID(_cron_id)

        _assistant_id = d.pop("assistant_id", UNSET)
        assistant_id: UUID | Unset
        if isinstance(_assistant_id, Unset):
            assistant_id = UNSET
        else:
            assistant_id = UUID(_assistant_id)

        def _parse_thread_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                thread_id_type_0 = UUID(data)

                return thread_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))

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

        schedule = d.pop("schedule", UNSET)

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _payload = d.pop("payload", UNSET)
        payload: LgCronFieldsPayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = LgCronFieldsPayload.from_dict(_payload)

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

        _metadata = d.pop("metadata", UNSET)
        metadata: LgCronFieldsMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = LgCronFieldsMetadata.from_dict(_metadata)

        enabled = d.pop("enabled", UNSET)

        _now = d.pop("now", UNSET)
        now: datetime.datetime | Unset
        if isinstance(_now, Unset):
            now = UNSET
        else:
            now = datetime.datetime.fromisoformat(_now)

        lg_cron_fields = cls(
            cron_id=cron_id,
            assistant_id=assistant_id,
            thread_id=thread_id,
            on_run_completed=on_run_completed,
            end_time=end_time,
            schedule=schedule,
            timezone=timezone,
            created_at=created_at,
            updated_at=updated_at,
            payload=payload,
            user_id=user_id,
            next_run_date=next_run_date,
            metadata=metadata,
            enabled=enabled,
            now=now,
        )

        lg_cron_fields.additional_properties = d
        return lg_cron_fields

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
