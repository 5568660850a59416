from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_state_update_values_type_0 import LgStateUpdateValuesType0


T = TypeVar("T", bound="LgStateUpdate")


@_attrs_define
class LgStateUpdate:
    """
    Attributes:
        values (LgStateUpdateValuesType0 | None | Unset):
        as_node (None | str | Unset):
    """

    values: LgStateUpdateValuesType0 | None | Unset = UNSET
    as_node: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_state_update_values_type_0 import LgStateUpdateValuesType0  # noqa: PLC0415

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, LgStateUpdateValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        as_node: None | str | Unset
        if isinstance(self.as_node, Unset):
            as_node = UNSET
        else:
            as_node = self.as_node

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if values is not UNSET:
            field_dict["values"] = values
        if as_node is not UNSET:
            field_dict["as_node"] = as_node

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_state_update_values_type_0 import LgStateUpdateValuesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_values(data: object) -> LgStateUpdateValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgStateUpdateValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgStateUpdateValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        def _parse_as_node(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        as_node = _parse_as_node(d.pop("as_node", UNSET))

        lg_state_update = cls(
            values=values,
            as_node=as_node,
        )

        lg_state_update.additional_properties = d
        return lg_state_update

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
