from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_version_search_metadata_type_0 import LgAssistantVersionSearchMetadataType0


T = TypeVar("T", bound="LgAssistantVersionSearch")


@_attrs_define
class LgAssistantVersionSearch:
    """
    Attributes:
        metadata (LgAssistantVersionSearchMetadataType0 | None | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
    """

    metadata: LgAssistantVersionSearchMetadataType0 | None | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_assistant_version_search_metadata_type_0 import LgAssistantVersionSearchMetadataType0  # noqa: PLC0415

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgAssistantVersionSearchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_assistant_version_search_metadata_type_0 import LgAssistantVersionSearchMetadataType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_metadata(data: object) -> LgAssistantVersionSearchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgAssistantVersionSearchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantVersionSearchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        lg_assistant_version_search = cls(
            metadata=metadata,
            limit=limit,
            offset=offset,
        )

        return lg_assistant_version_search
