from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StreamingEventParams")


@_attrs_define
class StreamingEventParams:
    """
    Attributes:
        namespace (list[str]): A path in the agent tree; `[]` is the root.
        timestamp (int): Milliseconds since the Unix epoch.
        data (Any): By method; see `README.md` (Thread streaming).
    """

    namespace: list[str]
    timestamp: int
    data: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        namespace = self.namespace

        timestamp = self.timestamp

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "namespace": namespace,
                "timestamp": timestamp,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        namespace = cast(list[str], d.pop("namespace"))

        timestamp = d.pop("timestamp")

        data = d.pop("data")

        streaming_event_params = cls(
            namespace=namespace,
            timestamp=timestamp,
            data=data,
        )

        streaming_event_params.additional_properties = d
        return streaming_event_params

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
