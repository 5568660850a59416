from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lg_run_cancel_many_status_type_0 import LgRunCancelManyStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="LgRunCancelMany")


@_attrs_define
class LgRunCancelMany:
    """
    Attributes:
        thread_id (None | Unset | UUID):
        run_ids (list[UUID] | None | Unset):
        status (LgRunCancelManyStatusType0 | None | Unset):
    """

    thread_id: None | Unset | UUID = UNSET
    run_ids: list[UUID] | None | Unset = UNSET
    status: LgRunCancelManyStatusType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        elif isinstance(self.thread_id, UUID):
            thread_id = str(self.thread_id)
        else:
            thread_id = self.thread_id

        run_ids: list[str] | None | Unset
        if isinstance(self.run_ids, Unset):
            run_ids = UNSET
        elif isinstance(self.run_ids, list):
            run_ids = []
            for run_ids_type_0_item_data in self.run_ids:
                run_ids_type_0_item = str(run_ids_type_0_item_data)
                run_ids.append(run_ids_type_0_item)

        else:
            run_ids = self.run_ids

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, LgRunCancelManyStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if run_ids is not UNSET:
            field_dict["run_ids"] = run_ids
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_thread_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                thread_id_type_0 = UUID(data)

                return thread_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))

        def _parse_run_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                run_ids_type_0 = []
                _run_ids_type_0 = data
                for run_ids_type_0_item_data in _run_ids_type_0:
                    run_ids_type_0_item = UUID(run_ids_type_0_item_data)

                    run_ids_type_0.append(run_ids_type_0_item)

                return run_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        run_ids = _parse_run_ids(d.pop("run_ids", UNSET))

        def _parse_status(data: object) -> LgRunCancelManyStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = LgRunCancelManyStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCancelManyStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        lg_run_cancel_many = cls(
            thread_id=thread_id,
            run_ids=run_ids,
            status=status,
        )

        return lg_run_cancel_many
