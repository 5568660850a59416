from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streaming_error_code import StreamingErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.streaming_error_response_meta import StreamingErrorResponseMeta


T = TypeVar("T", bound="StreamingErrorResponse")


@_attrs_define
class StreamingErrorResponse:
    """
    Attributes:
        type_ (Literal['error']):
        id (int | None): The command's id; null when the command could not be read.
        error (StreamingErrorCode): The protocol's codes, and the engine's own for the same refusals as the REST
            operations (`thread_busy`, `thread_interrupted`, `thread_not_interrupted`,
            `interrupts_unanswered`, `not_found`, `too_large`, `command_not_supported`,
            `validation_error`, `webhook_refused`, `checkpoint_not_found`); and LangGraph's
            server's `resume_gap`: a `since` or `last_event_id` before the oldest event kept.
        message (str):
        since (int | Unset): With `resume_gap`, the cursor asked for.
        min_available_seq (int | Unset): With `resume_gap`, the oldest event kept.
        meta (StreamingErrorResponseMeta | Unset):
    """

    type_: Literal["error"]
    id: int | None
    error: StreamingErrorCode
    message: str
    since: int | Unset = UNSET
    min_available_seq: int | Unset = UNSET
    meta: StreamingErrorResponseMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id: int | None
        id = self.id

        error = self.error.value

        message = self.message

        since = self.since

        min_available_seq = self.min_available_seq

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "error": error,
                "message": message,
            }
        )
        if since is not UNSET:
            field_dict["since"] = since
        if min_available_seq is not UNSET:
            field_dict["min_available_seq"] = min_available_seq
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.streaming_error_response_meta import StreamingErrorResponseMeta  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["error"], d.pop("type"))
        if type_ != "error":
            raise ValueError(f"type must match const 'error', got '{type_}'")

        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("id"))

        error = StreamingErrorCode(d.pop("error"))

        message = d.pop("message")

        since = d.pop("since", UNSET)

        min_available_seq = d.pop("min_available_seq", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: StreamingErrorResponseMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = StreamingErrorResponseMeta.from_dict(_meta)

        streaming_error_response = cls(
            type_=type_,
            id=id,
            error=error,
            message=message,
            since=since,
            min_available_seq=min_available_seq,
            meta=meta,
        )

        streaming_error_response.additional_properties = d
        return streaming_error_response

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
