from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_graph_schema_config_schema_type_0 import LgGraphSchemaConfigSchemaType0
    from ..models.lg_graph_schema_context_schema_type_0 import LgGraphSchemaContextSchemaType0
    from ..models.lg_graph_schema_input_schema_type_0 import LgGraphSchemaInputSchemaType0
    from ..models.lg_graph_schema_output_schema_type_0 import LgGraphSchemaOutputSchemaType0
    from ..models.lg_graph_schema_state_schema_type_0 import LgGraphSchemaStateSchemaType0


T = TypeVar("T", bound="LgGraphSchema")


@_attrs_define
class LgGraphSchema:
    """
    Attributes:
        graph_id (str):
        input_schema (LgGraphSchemaInputSchemaType0 | None | Unset):
        output_schema (LgGraphSchemaOutputSchemaType0 | None | Unset):
        state_schema (LgGraphSchemaStateSchemaType0 | None | Unset):
        config_schema (LgGraphSchemaConfigSchemaType0 | None | Unset):
        context_schema (LgGraphSchemaContextSchemaType0 | None | Unset):
    """

    graph_id: str
    input_schema: LgGraphSchemaInputSchemaType0 | None | Unset = UNSET
    output_schema: LgGraphSchemaOutputSchemaType0 | None | Unset = UNSET
    state_schema: LgGraphSchemaStateSchemaType0 | None | Unset = UNSET
    config_schema: LgGraphSchemaConfigSchemaType0 | None | Unset = UNSET
    context_schema: LgGraphSchemaContextSchemaType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_graph_schema_config_schema_type_0 import LgGraphSchemaConfigSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_context_schema_type_0 import LgGraphSchemaContextSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_input_schema_type_0 import LgGraphSchemaInputSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_output_schema_type_0 import LgGraphSchemaOutputSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_state_schema_type_0 import LgGraphSchemaStateSchemaType0  # noqa: PLC0415

        graph_id = self.graph_id

        input_schema: dict[str, Any] | None | Unset
        if isinstance(self.input_schema, Unset):
            input_schema = UNSET
        elif isinstance(self.input_schema, LgGraphSchemaInputSchemaType0):
            input_schema = self.input_schema.to_dict()
        else:
            input_schema = self.input_schema

        output_schema: dict[str, Any] | None | Unset
        if isinstance(self.output_schema, Unset):
            output_schema = UNSET
        elif isinstance(self.output_schema, LgGraphSchemaOutputSchemaType0):
            output_schema = self.output_schema.to_dict()
        else:
            output_schema = self.output_schema

        state_schema: dict[str, Any] | None | Unset
        if isinstance(self.state_schema, Unset):
            state_schema = UNSET
        elif isinstance(self.state_schema, LgGraphSchemaStateSchemaType0):
            state_schema = self.state_schema.to_dict()
        else:
            state_schema = self.state_schema

        config_schema: dict[str, Any] | None | Unset
        if isinstance(self.config_schema, Unset):
            config_schema = UNSET
        elif isinstance(self.config_schema, LgGraphSchemaConfigSchemaType0):
            config_schema = self.config_schema.to_dict()
        else:
            config_schema = self.config_schema

        context_schema: dict[str, Any] | None | Unset
        if isinstance(self.context_schema, Unset):
            context_schema = UNSET
        elif isinstance(self.context_schema, LgGraphSchemaContextSchemaType0):
            context_schema = self.context_schema.to_dict()
        else:
            context_schema = self.context_schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "graph_id": graph_id,
            }
        )
        if input_schema is not UNSET:
            field_dict["input_schema"] = input_schema
        if output_schema is not UNSET:
            field_dict["output_schema"] = output_schema
        if state_schema is not UNSET:
            field_dict["state_schema"] = state_schema
        if config_schema is not UNSET:
            field_dict["config_schema"] = config_schema
        if context_schema is not UNSET:
            field_dict["context_schema"] = context_schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_graph_schema_config_schema_type_0 import LgGraphSchemaConfigSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_context_schema_type_0 import LgGraphSchemaContextSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_input_schema_type_0 import LgGraphSchemaInputSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_output_schema_type_0 import LgGraphSchemaOutputSchemaType0  # noqa: PLC0415
        from ..models.lg_graph_schema_state_schema_type_0 import LgGraphSchemaStateSchemaType0  # noqa: PLC0415

        d = dict(src_dict)
        graph_id = d.pop("graph_id")

        def _parse_input_schema(data: object) -> LgGraphSchemaInputSchemaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_schema_type_0 = LgGraphSchemaInputSchemaType0.from_dict(data)

                return input_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgGraphSchemaInputSchemaType0 | None | Unset, data)

        input_schema = _parse_input_schema(d.pop("input_schema", UNSET))

        def _parse_output_schema(data: object) -> LgGraphSchemaOutputSchemaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_schema_type_0 = LgGraphSchemaOutputSchemaType0.from_dict(data)

                return output_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgGraphSchemaOutputSchemaType0 | None | Unset, data)

        output_schema = _parse_output_schema(d.pop("output_schema", UNSET))

        def _parse_state_schema(data: object) -> LgGraphSchemaStateSchemaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                state_schema_type_0 = LgGraphSchemaStateSchemaType0.from_dict(data)

                return state_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgGraphSchemaStateSchemaType0 | None | Unset, data)

        state_schema = _parse_state_schema(d.pop("state_schema", UNSET))

        def _parse_config_schema(data: object) -> LgGraphSchemaConfigSchemaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_schema_type_0 = LgGraphSchemaConfigSchemaType0.from_dict(data)

                return config_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgGraphSchemaConfigSchemaType0 | None | Unset, data)

        config_schema = _parse_config_schema(d.pop("config_schema", UNSET))

        def _parse_context_schema(data: object) -> LgGraphSchemaContextSchemaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_schema_type_0 = LgGraphSchemaContextSchemaType0.from_dict(data)

                return context_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgGraphSchemaContextSchemaType0 | None | Unset, data)

        context_schema = _parse_context_schema(d.pop("context_schema", UNSET))

        lg_graph_schema = cls(
            graph_id=graph_id,
            input_schema=input_schema,
            output_schema=output_schema,
            state_schema=state_schema,
            config_schema=config_schema,
            context_schema=context_schema,
        )

        lg_graph_schema.additional_properties = d
        return lg_graph_schema

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
