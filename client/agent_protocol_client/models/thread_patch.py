from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message import Message
    from ..models.thread_checkpoint import ThreadCheckpoint
    from ..models.thread_patch_metadata import ThreadPatchMetadata
    from ..models.thread_patch_values import ThreadPatchValues


T = TypeVar("T", bound="ThreadPatch")


@_attrs_define
class ThreadPatch:
    """
    Attributes:
        checkpoint (ThreadCheckpoint | Unset): The identifier of a thread checkpoint, an entry in its history.
        metadata (ThreadPatchMetadata | Unset): Merged into the thread's metadata.
        values (ThreadPatchValues | Unset): Merged into the thread's state.
        messages (list[Message] | Unset): Appended to the thread's messages (same `id` replaces).
    """

    checkpoint: ThreadCheckpoint | Unset = UNSET
    metadata: ThreadPatchMetadata | Unset = UNSET
    values: ThreadPatchValues | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkpoint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checkpoint, Unset):
            checkpoint = self.checkpoint.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if values is not UNSET:
            field_dict["values"] = values
        if messages is not UNSET:
            field_dict["messages"] = messages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message import Message  # noqa: PLC0415
        from ..models.thread_checkpoint import ThreadCheckpoint  # noqa: PLC0415
        from ..models.thread_patch_metadata import ThreadPatchMetadata  # noqa: PLC0415
        from ..models.thread_patch_values import ThreadPatchValues  # noqa: PLC0415

        d = dict(src_dict)
        _checkpoint = d.pop("checkpoint", UNSET)
        checkpoint: ThreadCheckpoint | Unset
        if isinstance(_checkpoint, Unset):
            checkpoint = UNSET
        else:
            checkpoint = ThreadCheckpoint.from_dict(_checkpoint)

        _metadata = d.pop("metadata", UNSET)
        metadata: ThreadPatchMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ThreadPatchMetadata.from_dict(_metadata)

        _values = d.pop("values", UNSET)
        values: ThreadPatchValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = ThreadPatchValues.from_dict(_values)

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        thread_patch = cls(
            checkpoint=checkpoint,
            metadata=metadata,
            values=values,
            messages=messages,
        )

        thread_patch.additional_properties = d
        return thread_patch

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
