from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lg_thread_search_status_type_0 import LgThreadSearchStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_thread_search_metadata_type_0 import LgThreadSearchMetadataType0
    from ..models.lg_thread_search_values_type_0 import LgThreadSearchValuesType0


T = TypeVar("T", bound="LgThreadSearch")


@_attrs_define
class LgThreadSearch:
    """
    Attributes:
        metadata (LgThreadSearchMetadataType0 | None | Unset):
        values (LgThreadSearchValuesType0 | None | Unset):
        status (LgThreadSearchStatusType0 | None | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
    """

    metadata: LgThreadSearchMetadataType0 | None | Unset = UNSET
    values: LgThreadSearchValuesType0 | None | Unset = UNSET
    status: LgThreadSearchStatusType0 | None | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_search_metadata_type_0 import LgThreadSearchMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_search_values_type_0 import LgThreadSearchValuesType0  # noqa: PLC0415

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgThreadSearchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, LgThreadSearchValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, LgThreadSearchStatusType0):
            status = self.status.value
        else:
            status = self.status

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if values is not UNSET:
            field_dict["values"] = values
        if status is not UNSET:
            field_dict["status"] = status
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_thread_search_metadata_type_0 import LgThreadSearchMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_search_values_type_0 import LgThreadSearchValuesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_metadata(data: object) -> LgThreadSearchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgThreadSearchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_values(data: object) -> LgThreadSearchValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgThreadSearchValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        def _parse_status(data: object) -> LgThreadSearchStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = LgThreadSearchStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        lg_thread_search = cls(
            metadata=metadata,
            values=values,
            status=status,
            limit=limit,
            offset=offset,
        )

        lg_thread_search.additional_properties = d
        return lg_thread_search

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
