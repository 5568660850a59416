from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_superstep_update_values_type_0 import LgSuperstepUpdateValuesType0


T = TypeVar("T", bound="LgSuperstepUpdate")


@_attrs_define
class LgSuperstepUpdate:
    """
    Attributes:
        values (LgSuperstepUpdateValuesType0 | None):
        as_node (None | str | Unset):
        command (Any | Unset): Refused unless null (422 `not_supported`).
    """

    values: LgSuperstepUpdateValuesType0 | None
    as_node: None | str | Unset = UNSET
    command: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_superstep_update_values_type_0 import LgSuperstepUpdateValuesType0  # noqa: PLC0415

        values: dict[str, Any] | None
        if isinstance(self.values, LgSuperstepUpdateValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        as_node: None | str | Unset
        if isinstance(self.as_node, Unset):
            as_node = UNSET
        else:
            as_node = self.as_node

        command = self.command

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "values": values,
            }
        )
        if as_node is not UNSET:
            field_dict["as_node"] = as_node
        if command is not UNSET:
            field_dict["command"] = command

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_superstep_update_values_type_0 import LgSuperstepUpdateValuesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_values(data: object) -> LgSuperstepUpdateValuesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgSuperstepUpdateValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgSuperstepUpdateValuesType0 | None, data)

        values = _parse_values(d.pop("values"))

        def _parse_as_node(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        as_node = _parse_as_node(d.pop("as_node", UNSET))

        command = d.pop("command", UNSET)

        lg_superstep_update = cls(
            values=values,
            as_node=as_node,
            command=command,
        )

        return lg_superstep_update
