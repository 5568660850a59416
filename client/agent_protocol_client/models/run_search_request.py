from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_search_request_metadata import RunSearchRequestMetadata


T = TypeVar("T", bound="RunSearchRequest")


@_attrs_define
class RunSearchRequest:
    """
    Attributes:
        metadata (RunSearchRequestMetadata | Unset): Run metadata to filter on (containment).
        status (RunStatus | Unset): `pending`: created, not started. `running`: an agent is executing it (extension).
            `success`, `error`, `timeout`, `interrupted` are terminal; `interrupted` is a run
            stopped by a cancel or one that ended on an agent interrupt.
        thread_id (UUID | Unset):
        agent_id (str | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
    """

    metadata: RunSearchRequestMetadata | Unset = UNSET
    status: RunStatus | Unset = UNSET
    thread_id: UUID | Unset = UNSET
    agent_id: str | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        thread_id: str | Unset = UNSET
        if not isinstance(self.thread_id, Unset):
            thread_id = str(self.thread_id)

        agent_id = self.agent_id

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if status is not UNSET:
            field_dict["status"] = status
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_search_request_metadata import RunSearchRequestMetadata  # noqa: PLC0415

        d = dict(src_dict)
        _metadata = d.pop("metadata", UNSET)
        metadata: RunSearchRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RunSearchRequestMetadata.from_dict(_metadata)

        _status = d.pop("status", UNSET)
        status: RunStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RunStatus(_status)

        _thread_id = d.pop("thread_id", UNSET)
        thread_id: UUID | Unset
        if isinstance(_thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = UUID(_thread_id)

        agent_id = d.pop("agent_id", UNSET)

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        run_search_request = cls(
            metadata=metadata,
            status=status,
            thread_id=thread_id,
            agent_id=agent_id,
            limit=limit,
            offset=offset,
        )

        run_search_request.additional_properties = d
        return run_search_request

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
