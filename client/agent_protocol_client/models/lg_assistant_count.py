from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_count_metadata_type_0 import LgAssistantCountMetadataType0


T = TypeVar("T", bound="LgAssistantCount")


@_attrs_define
class LgAssistantCount:
    """
    Attributes:
        graph_id (None | str | Unset):
        name (None | str | Unset):
        metadata (LgAssistantCountMetadataType0 | None | Unset):
    """

    graph_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    metadata: LgAssistantCountMetadataType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_assistant_count_metadata_type_0 import LgAssistantCountMetadataType0  # noqa: PLC0415

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
        elif isinstance(self.metadata, LgAssistantCountMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if graph_id is not UNSET:
            field_dict["graph_id"] = graph_id
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_assistant_count_metadata_type_0 import LgAssistantCountMetadataType0  # noqa: PLC0415

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

        def _parse_metadata(data: object) -> LgAssistantCountMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgAssistantCountMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantCountMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        lg_assistant_count = cls(
            graph_id=graph_id,
            name=name,
            metadata=metadata,
        )

        return lg_assistant_count
