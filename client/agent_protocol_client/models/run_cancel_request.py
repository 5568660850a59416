from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cancel_action import CancelAction
from ..models.cancel_status import CancelStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RunCancelRequest")


@_attrs_define
class RunCancelRequest:
    """Which runs to stop. The filters combine; `status` alone (or an empty body) stops
    every active run of the server in that status.

        Attributes:
            thread_id (UUID | Unset):
            run_ids (list[UUID] | Unset):
            status (CancelStatus | Unset): Which active runs a bulk cancel stops.
            action (CancelAction | Unset): `interrupt` keeps what the run wrote; `rollback` erases the run and its
                checkpoints.
    """

    thread_id: UUID | Unset = UNSET
    run_ids: list[UUID] | Unset = UNSET
    status: CancelStatus | Unset = UNSET
    action: CancelAction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thread_id: str | Unset = UNSET
        if not isinstance(self.thread_id, Unset):
            thread_id = str(self.thread_id)

        run_ids: list[str] | Unset = UNSET
        if not isinstance(self.run_ids, Unset):
            run_ids = []
            for run_ids_item_data in self.run_ids:
                run_ids_item = str(run_ids_item_data)
                run_ids.append(run_ids_item)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        action: str | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if run_ids is not UNSET:
            field_dict["run_ids"] = run_ids
        if status is not UNSET:
            field_dict["status"] = status
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _thread_id = d.pop("thread_id", UNSET)
        thread_id: UUID | Unset
        if isinstance(_thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = UUID(_thread_id)

        _run_ids = d.pop("run_ids", UNSET)
        run_ids: list[UUID] | Unset = UNSET
        if _run_ids is not UNSET:
            run_ids = []
            for run_ids_item_data in _run_ids:
                run_ids_item = UUID(run_ids_item_data)

                run_ids.append(run_ids_item)

        _status = d.pop("status", UNSET)
        status: CancelStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CancelStatus(_status)

        _action = d.pop("action", UNSET)
        action: CancelAction | Unset
        if isinstance(_action, Unset):
            action = UNSET
        else:
            action = CancelAction(_action)

        run_cancel_request = cls(
            thread_id=thread_id,
            run_ids=run_ids,
            status=status,
            action=action,
        )

        run_cancel_request.additional_properties = d
        return run_cancel_request

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
