from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.thread_status import ThreadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.thread_search_request_metadata import ThreadSearchRequestMetadata
    from ..models.thread_search_request_values import ThreadSearchRequestValues


T = TypeVar("T", bound="ThreadSearchRequest")


@_attrs_define
class ThreadSearchRequest:
    """
    Attributes:
        metadata (ThreadSearchRequestMetadata | Unset): Metadata the thread's metadata must contain.
        values (ThreadSearchRequestValues | Unset): Values the thread's state must contain.
        status (ThreadStatus | Unset): `idle`: no active run. `busy`: a run is pending or running on it. `interrupted`:
            its
            last run stopped on an agent interrupt and waits for a resume. `error`: its last run
            failed.
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
    """

    metadata: ThreadSearchRequestMetadata | Unset = UNSET
    values: ThreadSearchRequestValues | Unset = UNSET
    status: ThreadStatus | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if values is not UNSET:
            field_dict["values"] = values
        if status is not UNSET:
            field_dict["status"] = status
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.thread_search_request_metadata import ThreadSearchRequestMetadata  # noqa: PLC0415
        from ..models.thread_search_request_values import ThreadSearchRequestValues  # noqa: PLC0415

        d = dict(src_dict)
        _metadata = d.pop("metadata", UNSET)
        metadata: ThreadSearchRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ThreadSearchRequestMetadata.from_dict(_metadata)

        _values = d.pop("values", UNSET)
        values: ThreadSearchRequestValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = ThreadSearchRequestValues.from_dict(_values)

        _status = d.pop("status", UNSET)
        status: ThreadStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ThreadStatus(_status)

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        thread_search_request = cls(
            metadata=metadata,
            values=values,
            status=status,
            limit=limit,
            offset=offset,
        )

        thread_search_request.additional_properties = d
        return thread_search_request

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
