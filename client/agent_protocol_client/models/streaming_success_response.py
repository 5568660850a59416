from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.streaming_response_meta import StreamingResponseMeta
    from ..models.streaming_success_response_result import StreamingSuccessResponseResult


T = TypeVar("T", bound="StreamingSuccessResponse")


@_attrs_define
class StreamingSuccessResponse:
    """
    Attributes:
        type_ (Literal['success']):
        id (int):
        result (StreamingSuccessResponseResult): By method: `run.start`, `input.respond`, `input.inject`: `{run_id}`;
            `state.get`:
            `{values, checkpoint: {id}, interrupts?}`; `state.listCheckpoints`:
            `{checkpoints: [{id, parent_id, timestamp, step, metadata}]}`; `state.fork`:
            `{run_id, thread_id}`; `agent.getTree`: `{tree}`; `subscription.subscribe`:
            `{subscription_id, replayed_events}`; `subscription.reconnect`:
            `{restored, missed_events, current_namespaces}` (with `run_id`), or
            `{subscription_id, replayed_events}` (with `channels` and `since`).
        meta (StreamingResponseMeta):
    """

    type_: Literal["success"]
    id: int
    result: StreamingSuccessResponseResult
    meta: StreamingResponseMeta
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        result = self.result.to_dict()

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "result": result,
                "meta": meta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.streaming_response_meta import StreamingResponseMeta  # noqa: PLC0415
        from ..models.streaming_success_response_result import StreamingSuccessResponseResult  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["success"], d.pop("type"))
        if type_ != "success":
            raise ValueError(f"type must match const 'success', got '{type_}'")

        id = d.pop("id")

        result = StreamingSuccessResponseResult.from_dict(d.pop("result"))

        meta = StreamingResponseMeta.from_dict(d.pop("meta"))

        streaming_success_response = cls(
            type_=type_,
            id=id,
            result=result,
            meta=meta,
        )

        streaming_success_response.additional_properties = d
        return streaming_success_response

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
