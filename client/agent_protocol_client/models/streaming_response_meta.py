from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamingResponseMeta")


@_attrs_define
class StreamingResponseMeta:
    """
    Attributes:
        applied_through_seq (int | Unset): The thread's last event `seq` before the command was applied: later events
            may
            be its doing (what the SDKs take as the boundary between history and the
            command's run).
    """

    applied_through_seq: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applied_through_seq = self.applied_through_seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if applied_through_seq is not UNSET:
            field_dict["applied_through_seq"] = applied_through_seq

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied_through_seq = d.pop("applied_through_seq", UNSET)

        streaming_response_meta = cls(
            applied_through_seq=applied_through_seq,
        )

        streaming_response_meta.additional_properties = d
        return streaming_response_meta

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
