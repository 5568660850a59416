from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_checkpoint_checkpoint_map import LgCheckpointCheckpointMap


T = TypeVar("T", bound="LgCheckpoint")


@_attrs_define
class LgCheckpoint:
    """
    Attributes:
        thread_id (str):
        checkpoint_ns (str):
        checkpoint_id (str):
        checkpoint_map (LgCheckpointCheckpointMap | Unset): A subgraph's checkpoint only (`checkpoint_ns` not empty) -
            its parents' checkpoint ids by namespace, as LangGraph gives them.
    """

    thread_id: str
    checkpoint_ns: str
    checkpoint_id: str
    checkpoint_map: LgCheckpointCheckpointMap | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thread_id = self.thread_id

        checkpoint_ns = self.checkpoint_ns

        checkpoint_id = self.checkpoint_id

        checkpoint_map: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checkpoint_map, Unset):
            checkpoint_map = self.checkpoint_map.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "thread_id": thread_id,
                "checkpoint_ns": checkpoint_ns,
                "checkpoint_id": checkpoint_id,
            }
        )
        if checkpoint_map is not UNSET:
            field_dict["checkpoint_map"] = checkpoint_map

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint_checkpoint_map import LgCheckpointCheckpointMap  # noqa: PLC0415

        d = dict(src_dict)
        thread_id = d.pop("thread_id")

        checkpoint_ns = d.pop("checkpoint_ns")

        checkpoint_id = d.pop("checkpoint_id")

        _checkpoint_map = d.pop("checkpoint_map", UNSET)
        checkpoint_map: LgCheckpointCheckpointMap | Unset
        if isinstance(_checkpoint_map, Unset):
            checkpoint_map = UNSET
        else:
            checkpoint_map = LgCheckpointCheckpointMap.from_dict(_checkpoint_map)

        lg_checkpoint = cls(
            thread_id=thread_id,
            checkpoint_ns=checkpoint_ns,
            checkpoint_id=checkpoint_id,
            checkpoint_map=checkpoint_map,
        )

        lg_checkpoint.additional_properties = d
        return lg_checkpoint

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
