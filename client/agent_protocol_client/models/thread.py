from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.thread_status import ThreadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.interrupt import Interrupt
    from ..models.message import Message
    from ..models.thread_metadata import ThreadMetadata
    from ..models.thread_values import ThreadValues


T = TypeVar("T", bound="Thread")


@_attrs_define
class Thread:
    """
    Attributes:
        thread_id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        metadata (ThreadMetadata):
        status (ThreadStatus): `idle`: no active run. `busy`: a run is pending or running on it. `interrupted`: its
            last run stopped on an agent interrupt and waits for a resume. `error`: its last run
            failed.
        values (ThreadValues | Unset): The current state (without `messages`, which has its own field).
        messages (list[Message] | Unset): The thread's messages; absent when its state has none.
        interrupts (list[Interrupt] | Unset): The pending interrupts of an interrupted thread (extension).
    """

    thread_id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    metadata: ThreadMetadata
    status: ThreadStatus
    values: ThreadValues | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    interrupts: list[Interrupt] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thread_id = str(self.thread_id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        metadata = self.metadata.to_dict()

        status = self.status.value

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        interrupts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.interrupts, Unset):
            interrupts = []
            for interrupts_item_data in self.interrupts:
                interrupts_item = interrupts_item_data.to_dict()
                interrupts.append(interrupts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "thread_id": thread_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "metadata": metadata,
                "status": status,
            }
        )
        if values is not UNSET:
            field_dict["values"] = values
        if messages is not UNSET:
            field_dict["messages"] = messages
        if interrupts is not UNSET:
            field_dict["interrupts"] = interrupts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interrupt import Interrupt  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.thread_metadata import ThreadMetadata  # noqa: PLC0415
        from ..models.thread_values import ThreadValues  # noqa: PLC0415

        d = dict(src_dict)
        thread_id = UUID(d.pop("thread_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        metadata = ThreadMetadata.from_dict(d.pop("metadata"))

        status = ThreadStatus(d.pop("status"))

        _values = d.pop("values", UNSET)
        values: ThreadValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = ThreadValues.from_dict(_values)

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        _interrupts = d.pop("interrupts", UNSET)
        interrupts: list[Interrupt] | Unset = UNSET
        if _interrupts is not UNSET:
            interrupts = []
            for interrupts_item_data in _interrupts:
                interrupts_item = Interrupt.from_dict(interrupts_item_data)

                interrupts.append(interrupts_item)

        thread = cls(
            thread_id=thread_id,
            created_at=created_at,
            updated_at=updated_at,
            metadata=metadata,
            status=status,
            values=values,
            messages=messages,
            interrupts=interrupts,
        )

        thread.additional_properties = d
        return thread

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
