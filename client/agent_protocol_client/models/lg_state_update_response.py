from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.lg_checkpoint import LgCheckpoint


T = TypeVar("T", bound="LgStateUpdateResponse")


@_attrs_define
class LgStateUpdateResponse:
    """
    Attributes:
        checkpoint (LgCheckpoint):
    """

    checkpoint: LgCheckpoint
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkpoint = self.checkpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkpoint": checkpoint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint import LgCheckpoint  # noqa: PLC0415

        d = dict(src_dict)
        checkpoint = LgCheckpoint.from_dict(d.pop("checkpoint"))

        lg_state_update_response = cls(
            checkpoint=checkpoint,
        )

        lg_state_update_response.additional_properties = d
        return lg_state_update_response

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
