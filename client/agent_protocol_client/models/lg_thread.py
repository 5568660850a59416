from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lg_thread_status import LgThreadStatus

if TYPE_CHECKING:
    from ..models.lg_thread_interrupts import LgThreadInterrupts
    from ..models.lg_thread_metadata import LgThreadMetadata
    from ..models.lg_thread_values_type_0 import LgThreadValuesType0


T = TypeVar("T", bound="LgThread")


@_attrs_define
class LgThread:
    """
    Attributes:
        thread_id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        metadata (LgThreadMetadata):
        status (LgThreadStatus):
        values (LgThreadValuesType0 | None): null until the thread has a state.
        interrupts (LgThreadInterrupts): Pending interrupts by task (here, by interrupt id).
    """

    thread_id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    metadata: LgThreadMetadata
    status: LgThreadStatus
    values: LgThreadValuesType0 | None
    interrupts: LgThreadInterrupts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_values_type_0 import LgThreadValuesType0  # noqa: PLC0415

        thread_id = str(self.thread_id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        metadata = self.metadata.to_dict()

        status = self.status.value

        values: dict[str, Any] | None
        if isinstance(self.values, LgThreadValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        interrupts = self.interrupts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "thread_id": thread_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "metadata": metadata,
                "status": status,
                "values": values,
                "interrupts": interrupts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_thread_interrupts import LgThreadInterrupts  # noqa: PLC0415
        from ..models.lg_thread_metadata import LgThreadMetadata  # noqa: PLC0415
        from ..models.lg_thread_values_type_0 import LgThreadValuesType0  # noqa: PLC0415

        d = dict(src_dict)
        thread_id = UUID(d.pop("thread_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        metadata = LgThreadMetadata.from_dict(d.pop("metadata"))

        status = LgThreadStatus(d.pop("status"))

        def _parse_values(data: object) -> LgThreadValuesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgThreadValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadValuesType0 | None, data)

        values = _parse_values(d.pop("values"))

        interrupts = LgThreadInterrupts.from_dict(d.pop("interrupts"))

        lg_thread = cls(
            thread_id=thread_id,
            created_at=created_at,
            updated_at=updated_at,
            metadata=metadata,
            status=status,
            values=values,
            interrupts=interrupts,
        )

        lg_thread.additional_properties = d
        return lg_thread

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
