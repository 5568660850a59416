from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.lg_superstep_update import LgSuperstepUpdate


T = TypeVar("T", bound="LgSuperstep")


@_attrs_define
class LgSuperstep:
    """
    Attributes:
        updates (list[LgSuperstepUpdate]):
    """

    updates: list[LgSuperstepUpdate]

    def to_dict(self) -> dict[str, Any]:
        updates = []
        for updates_item_data in self.updates:
            updates_item = updates_item_data.to_dict()
            updates.append(updates_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "updates": updates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_superstep_update import LgSuperstepUpdate  # noqa: PLC0415

        d = dict(src_dict)
        updates = []
        _updates = d.pop("updates")
        for updates_item_data in _updates:
            updates_item = LgSuperstepUpdate.from_dict(updates_item_data)

            updates.append(updates_item)

        lg_superstep = cls(
            updates=updates,
        )

        return lg_superstep
