from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.interrupt import Interrupt
    from ..models.message import Message
    from ..models.thread_checkpoint import ThreadCheckpoint
    from ..models.thread_state_metadata import ThreadStateMetadata
    from ..models.thread_state_values import ThreadStateValues


T = TypeVar("T", bound="ThreadState")


@_attrs_define
class ThreadState:
    """
    Attributes:
        checkpoint (ThreadCheckpoint): The identifier of a thread checkpoint, an entry in its history.
        values (ThreadStateValues): The state at this checkpoint (without `messages`).
        messages (list[Message] | Unset):
        metadata (ThreadStateMetadata | Unset): The checkpoint metadata (`source`, `step`, `run_id`, ...).
        parent_checkpoint (None | ThreadCheckpoint | Unset): The checkpoint this one was made from (extension).
        created_at (datetime.datetime | Unset): When this checkpoint was written (extension).
        interrupts (list[Interrupt] | Unset): Interrupts pending at this checkpoint (extension).
    """

    checkpoint: ThreadCheckpoint
    values: ThreadStateValues
    messages: list[Message] | Unset = UNSET
    metadata: ThreadStateMetadata | Unset = UNSET
    parent_checkpoint: None | ThreadCheckpoint | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    interrupts: list[Interrupt] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.thread_checkpoint import ThreadCheckpoint  # noqa: PLC0415

        checkpoint = self.checkpoint.to_dict()

        values = self.values.to_dict()

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        parent_checkpoint: dict[str, Any] | None | Unset
        if isinstance(self.parent_checkpoint, Unset):
            parent_checkpoint = UNSET
        elif isinstance(self.parent_checkpoint, ThreadCheckpoint):
            parent_checkpoint = self.parent_checkpoint.to_dict()
        else:
            parent_checkpoint = self.parent_checkpoint

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

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
                "checkpoint": checkpoint,
                "values": values,
            }
        )
        if messages is not UNSET:
            field_dict["messages"] = messages
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if parent_checkpoint is not UNSET:
            field_dict["parent_checkpoint"] = parent_checkpoint
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if interrupts is not UNSET:
            field_dict["interrupts"] = interrupts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interrupt import Interrupt  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.thread_checkpoint import ThreadCheckpoint  # noqa: PLC0415
        from ..models.thread_state_metadata import ThreadStateMetadata  # noqa: PLC0415
        from ..models.thread_state_values import ThreadStateValues  # noqa: PLC0415

        d = dict(src_dict)
        checkpoint = ThreadCheckpoint.from_dict(d.pop("checkpoint"))

        values = ThreadStateValues.from_dict(d.pop("values"))

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: ThreadStateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ThreadStateMetadata.from_dict(_metadata)

        def _parse_parent_checkpoint(data: object) -> None | ThreadCheckpoint | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_checkpoint_type_0 = ThreadCheckpoint.from_dict(data)

                return parent_checkpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ThreadCheckpoint | Unset, data)

        parent_checkpoint = _parse_parent_checkpoint(d.pop("parent_checkpoint", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _interrupts = d.pop("interrupts", UNSET)
        interrupts: list[Interrupt] | Unset = UNSET
        if _interrupts is not UNSET:
            interrupts = []
            for interrupts_item_data in _interrupts:
                interrupts_item = Interrupt.from_dict(interrupts_item_data)

                interrupts.append(interrupts_item)

        thread_state = cls(
            checkpoint=checkpoint,
            values=values,
            messages=messages,
            metadata=metadata,
            parent_checkpoint=parent_checkpoint,
            created_at=created_at,
            interrupts=interrupts,
        )

        thread_state.additional_properties = d
        return thread_state

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
