from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_search_metadata_type_0 import LgAssistantSearchMetadataType0


T = TypeVar("T", bound="LgAssistantSearch")


@_attrs_define
class LgAssistantSearch:
    """
    Attributes:
        graph_id (None | str | Unset):
        name (None | str | Unset):
        metadata (LgAssistantSearchMetadataType0 | None | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
    """

    graph_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    metadata: LgAssistantSearchMetadataType0 | None | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_assistant_search_metadata_type_0 import LgAssistantSearchMetadataType0  # noqa: PLC0415

        graph_id: None | str | Unset
        if isinstance(self.graph_id, Unset):
            graph_id = UNSET
        else:
            graph_id = self.graph_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgAssistantSearchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if graph_id is not UNSET:
            field_dict["graph_id"] = graph_id
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_assistant_search_metadata_type_0 import LgAssistantSearchMetadataType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_graph_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        graph_id = _parse_graph_id(d.pop("graph_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_metadata(data: object) -> LgAssistantSearchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgAssistantSearchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantSearchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        lg_assistant_search = cls(
            graph_id=graph_id,
            name=name,
            metadata=metadata,
            limit=limit,
            offset=offset,
        )

        lg_assistant_search.additional_properties = d
        return lg_assistant_search

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
