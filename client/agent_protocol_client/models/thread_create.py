from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.if_exists import IfExists
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.thread_create_metadata import ThreadCreateMetadata


T = TypeVar("T", bound="ThreadCreate")


@_attrs_define
class ThreadCreate:
    """
    Attributes:
        thread_id (UUID | Unset): The ID of the thread; a random UUID when not given.
        metadata (ThreadCreateMetadata | Unset):
        if_exists (IfExists | Unset): `raise` (409 on a duplicate id) or `do_nothing` (return the existing thread).
    """

    thread_id: UUID | Unset = UNSET
    metadata: ThreadCreateMetadata | Unset = UNSET
    if_exists: IfExists | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thread_id: str | Unset = UNSET
        if not isinstance(self.thread_id, Unset):
            thread_id = str(self.thread_id)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        if_exists: str | Unset = UNSET
        if not isinstance(self.if_exists, Unset):
            if_exists = self.if_exists.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if if_exists is not UNSET:
            field_dict["if_exists"] = if_exists

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.thread_create_metadata import ThreadCreateMetadata  # noqa: PLC0415

        d = dict(src_dict)
        _thread_id = d.pop("thread_id", UNSET)
        thread_id: UUID | Unset
        if isinstance(_thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = UUID(_thread_id)

        _metadata = d.pop("metadata", UNSET)
        metadata: ThreadCreateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ThreadCreateMetadata.from_dict(_metadata)

        _if_exists = d.pop("if_exists", UNSET)
        if_exists: IfExists | Unset
        if isinstance(_if_exists, Unset):
            if_exists = UNSET
        else:
            if_exists = IfExists(_if_exists)

        thread_create = cls(
            thread_id=thread_id,
            metadata=metadata,
            if_exists=if_exists,
        )

        thread_create.additional_properties = d
        return thread_create

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
