from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lg_thread_create_if_exists_type_0 import LgThreadCreateIfExistsType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_thread_create_metadata_type_0 import LgThreadCreateMetadataType0


T = TypeVar("T", bound="LgThreadCreate")


@_attrs_define
class LgThreadCreate:
    """
    Attributes:
        thread_id (None | Unset | UUID):
        metadata (LgThreadCreateMetadataType0 | None | Unset):
        if_exists (LgThreadCreateIfExistsType0 | None | Unset):
    """

    thread_id: None | Unset | UUID = UNSET
    metadata: LgThreadCreateMetadataType0 | None | Unset = UNSET
    if_exists: LgThreadCreateIfExistsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_create_metadata_type_0 import LgThreadCreateMetadataType0  # noqa: PLC0415

        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        elif isinstance(self.thread_id, UUID):
            thread_id = str(self.thread_id)
        else:
            thread_id = self.thread_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgThreadCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        if_exists: None | str | Unset
        if isinstance(self.if_exists, Unset):
            if_exists = UNSET
        elif isinstance(self.if_exists, LgThreadCreateIfExistsType0):
            if_exists = self.if_exists.value
        else:
            if_exists = self.if_exists

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
        from ..models.lg_thread_create_metadata_type_0 import LgThreadCreateMetadataType0  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_metadata(data: object) -> LgThreadCreateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgThreadCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadCreateMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_if_exists(data: object) -> LgThreadCreateIfExistsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                if_exists_type_0 = LgThreadCreateIfExistsType0(data)

                return if_exists_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadCreateIfExistsType0 | None | Unset, data)

        if_exists = _parse_if_exists(d.pop("if_exists", UNSET))

        lg_thread_create = cls(
            thread_id=thread_id,
            metadata=metadata,
            if_exists=if_exists,
        )

        lg_thread_create.additional_properties = d
        return lg_thread_create

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
