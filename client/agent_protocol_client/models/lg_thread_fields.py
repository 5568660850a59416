from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lg_thread_fields_status import LgThreadFieldsStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_thread_fields_extracted import LgThreadFieldsExtracted
    from ..models.lg_thread_fields_interrupts import LgThreadFieldsInterrupts
    from ..models.lg_thread_fields_metadata import LgThreadFieldsMetadata
    from ..models.lg_thread_fields_values_type_0 import LgThreadFieldsValuesType0


T = TypeVar("T", bound="LgThreadFields")


@_attrs_define
class LgThreadFields:
    """A thread, or the fields of it a search selected; `extracted` with `extract`.

    Attributes:
        thread_id (UUID | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        metadata (LgThreadFieldsMetadata | Unset):
        status (LgThreadFieldsStatus | Unset):
        values (LgThreadFieldsValuesType0 | None | Unset):
        interrupts (LgThreadFieldsInterrupts | Unset):
        extracted (LgThreadFieldsExtracted | Unset):
    """

    thread_id: UUID | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    metadata: LgThreadFieldsMetadata | Unset = UNSET
    status: LgThreadFieldsStatus | Unset = UNSET
    values: LgThreadFieldsValuesType0 | None | Unset = UNSET
    interrupts: LgThreadFieldsInterrupts | Unset = UNSET
    extracted: LgThreadFieldsExtracted | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_fields_values_type_0 import LgThreadFieldsValuesType0  # noqa: PLC0415

        thread_id: str | Unset = UNSET
        if not isinstance(self.thread_id, Unset):
            thread_id = str(self.thread_id)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, LgThreadFieldsValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        interrupts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.interrupts, Unset):
            interrupts = self.interrupts.to_dict()

        extracted: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extracted, Unset):
            extracted = self.extracted.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if status is not UNSET:
            field_dict["status"] = status
        if values is not UNSET:
            field_dict["values"] = values
        if interrupts is not UNSET:
            field_dict["interrupts"] = interrupts
        if extracted is not UNSET:
            field_dict["extracted"] = extracted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_thread_fields_extracted import LgThreadFieldsExtracted  # noqa: PLC0415
        from ..models.lg_thread_fields_interrupts import LgThreadFieldsInterrupts  # noqa: PLC0415
        from ..models.lg_thread_fields_metadata import LgThreadFieldsMetadata  # noqa: PLC0415
        from ..models.lg_thread_fields_values_type_0 import LgThreadFieldsValuesType0  # noqa: PLC0415

        d = dict(src_dict)
        _thread_id = d.pop("thread_id", UNSET)
        thread_id: UUID | Unset
        if isinstance(_thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = UUID(_thread_id)

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

        _metadata = d.pop("metadata", UNSET)
        metadata: LgThreadFieldsMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = LgThreadFieldsMetadata.from_dict(_metadata)

        _status = d.pop("status", UNSET)
        status: LgThreadFieldsStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LgThreadFieldsStatus(_status)

        def _parse_values(data: object) -> LgThreadFieldsValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgThreadFieldsValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadFieldsValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        _interrupts = d.pop("interrupts", UNSET)
        interrupts: LgThreadFieldsInterrupts | Unset
        if isinstance(_interrupts, Unset):
            interrupts = UNSET
        else:
            interrupts = LgThreadFieldsInterrupts.from_dict(_interrupts)

        _extracted = d.pop("extracted", UNSET)
        extracted: LgThreadFieldsExtracted | Unset
        if isinstance(_extracted, Unset):
            extracted = UNSET
        else:
            extracted = LgThreadFieldsExtracted.from_dict(_extracted)

        lg_thread_fields = cls(
            thread_id=thread_id,
            created_at=created_at,
            updated_at=updated_at,
            metadata=metadata,
            status=status,
            values=values,
            interrupts=interrupts,
            extracted=extracted,
        )

        lg_thread_fields.additional_properties = d
        return lg_thread_fields

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
