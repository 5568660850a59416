from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_search_request_metadata import AgentSearchRequestMetadata


T = TypeVar("T", bound="AgentSearchRequest")


@_attrs_define
class AgentSearchRequest:
    """
    Attributes:
        name (str | Unset): Name of the agent to search (exact).
        metadata (AgentSearchRequestMetadata | Unset): Metadata the agent's metadata must contain.
        limit (int | Unset): Maximum number to return. Default: 10.
        offset (int | Unset): Offset to start from. Default: 0.
    """

    name: str | Unset = UNSET
    metadata: AgentSearchRequestMetadata | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        from ..models.agent_search_request_metadata import AgentSearchRequestMetadata  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: AgentSearchRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AgentSearchRequestMetadata.from_dict(_metadata)

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        agent_search_request = cls(
            name=name,
            metadata=metadata,
            limit=limit,
            offset=offset,
        )

        agent_search_request.additional_properties = d
        return agent_search_request

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
