from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_capabilities import AgentCapabilities
    from ..models.agent_metadata import AgentMetadata


T = TypeVar("T", bound="Agent")


@_attrs_define
class Agent:
    """
    Attributes:
        agent_id (str): The ID of the agent.
        name (str): The name of the agent.
        capabilities (AgentCapabilities): Which protocol features the agent supports. Besides the standard capabilities
            (prefixed with `ap.`), custom ones are named in reverse domain notation.
        description (str | Unset): The description of the agent.
        metadata (AgentMetadata | Unset): The agent metadata.
    """

    agent_id: str
    name: str
    capabilities: AgentCapabilities
    description: str | Unset = UNSET
    metadata: AgentMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        name = self.name

        capabilities = self.capabilities.to_dict()

        description = self.description

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "name": name,
                "capabilities": capabilities,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_capabilities import AgentCapabilities  # noqa: PLC0415
        from ..models.agent_metadata import AgentMetadata  # noqa: PLC0415

        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        name = d.pop("name")

        capabilities = AgentCapabilities.from_dict(d.pop("capabilities"))

        description = d.pop("description", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: AgentMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AgentMetadata.from_dict(_metadata)

        agent = cls(
            agent_id=agent_id,
            name=name,
            capabilities=capabilities,
            description=description,
            metadata=metadata,
        )

        agent.additional_properties = d
        return agent

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
