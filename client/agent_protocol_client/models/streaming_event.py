from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.streaming_event_params import StreamingEventParams


T = TypeVar("T", bound="StreamingEvent")


@_attrs_define
class StreamingEvent:
    """
    Attributes:
        type_ (Literal['event']):
        event_id (str): The `seq` as a string (the SSE `id`, and `last_event_id` on reconnect).
        seq (int): One monotonic number per thread, durable.
        method (str): `values`, `updates`, `messages`, `lifecycle`, `input.requested`, `checkpoints`,
            `custom` (and, from agents that have them, `tools`, `tasks`).
        params (StreamingEventParams):
    """

    type_: Literal["event"]
    event_id: str
    seq: int
    method: str
    params: StreamingEventParams
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        event_id = self.event_id

        seq = self.seq

        method = self.method

        params = self.params.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "event_id": event_id,
                "seq": seq,
                "method": method,
                "params": params,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.streaming_event_params import StreamingEventParams  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["event"], d.pop("type"))
        if type_ != "event":
            raise ValueError(f"type must match const 'event', got '{type_}'")

        event_id = d.pop("event_id")

        seq = d.pop("seq")

        method = d.pop("method")

        params = StreamingEventParams.from_dict(d.pop("params"))

        streaming_event = cls(
            type_=type_,
            event_id=event_id,
            seq=seq,
            method=method,
            params=params,
        )

        streaming_event.additional_properties = d
        return streaming_event

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
