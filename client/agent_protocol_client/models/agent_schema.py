from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_schema_config_schema import AgentSchemaConfigSchema
    from ..models.agent_schema_input_schema import AgentSchemaInputSchema
    from ..models.agent_schema_output_schema import AgentSchemaOutputSchema
    from ..models.agent_schema_state_schema import AgentSchemaStateSchema


T = TypeVar("T", bound="AgentSchema")


@_attrs_define
class AgentSchema:
    """The JSON Schemas of an agent's input, output, state and config.

    Attributes:
        agent_id (str): The ID of the agent.
        input_schema (AgentSchemaInputSchema): The schema of the agent's input.
        output_schema (AgentSchemaOutputSchema): The schema of the agent's output.
        state_schema (AgentSchemaStateSchema | Unset): The schema of the agent's state.
        config_schema (AgentSchemaConfigSchema | Unset): The schema of the agent's config.
    """

    agent_id: str
    input_schema: AgentSchemaInputSchema
    output_schema: AgentSchemaOutputSchema
    state_schema: AgentSchemaStateSchema | Unset = UNSET
    config_schema: AgentSchemaConfigSchema | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        input_schema = self.input_schema.to_dict()

        output_schema = self.output_schema.to_dict()

        state_schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.state_schema, Unset):
            state_schema = self.state_schema.to_dict()

        config_schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config_schema, Unset):
            config_schema = self.config_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "input_schema": input_schema,
                "output_schema": output_schema,
            }
        )
        if state_schema is not UNSET:
            field_dict["state_schema"] = state_schema
        if config_schema is not UNSET:
            field_dict["config_schema"] = config_schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_schema_config_schema import AgentSchemaConfigSchema  # noqa: PLC0415
        from ..models.agent_schema_input_schema import AgentSchemaInputSchema  # noqa: PLC0415
        from ..models.agent_schema_output_schema import AgentSchemaOutputSchema  # noqa: PLC0415
        from ..models.agent_schema_state_schema import AgentSchemaStateSchema  # noqa: PLC0415

        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        input_schema = AgentSchemaInputSchema.from_dict(d.pop("input_schema"))

        output_schema = AgentSchemaOutputSchema.from_dict(d.pop("output_schema"))

        _state_schema = d.pop("state_schema", UNSET)
        state_schema: AgentSchemaStateSchema | Unset
        if isinstance(_state_schema, Unset):
            state_schema = UNSET
        else:
            state_schema = AgentSchemaStateSchema.from_dict(_state_schema)

        _config_schema = d.pop("config_schema", UNSET)
        config_schema: AgentSchemaConfigSchema | Unset
        if isinstance(_config_schema, Unset):
            config_schema = UNSET
        else:
            config_schema = AgentSchemaConfigSchema.from_dict(_config_schema)

        agent_schema = cls(
            agent_id=agent_id,
            input_schema=input_schema,
            output_schema=output_schema,
            state_schema=state_schema,
            config_schema=config_schema,
        )

        agent_schema.additional_properties = d
        return agent_schema

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
