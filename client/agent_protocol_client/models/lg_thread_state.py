from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_checkpoint import LgCheckpoint
    from ..models.lg_interrupt import LgInterrupt
    from ..models.lg_thread_state_metadata import LgThreadStateMetadata
    from ..models.lg_thread_state_tasks_item import LgThreadStateTasksItem
    from ..models.lg_thread_state_values import LgThreadStateValues


T = TypeVar("T", bound="LgThreadState")


@_attrs_define
class LgThreadState:
    """
    Attributes:
        values (LgThreadStateValues):
        next_ (list[str]):
        tasks (list[LgThreadStateTasksItem]):
        checkpoint (LgCheckpoint):
        metadata (LgThreadStateMetadata):
        interrupts (list[LgInterrupt]):
        parent_checkpoint (LgCheckpoint | None | Unset):
        created_at (datetime.datetime | None | Unset):
    """

    values: LgThreadStateValues
    next_: list[str]
    tasks: list[LgThreadStateTasksItem]
    checkpoint: LgCheckpoint
    metadata: LgThreadStateMetadata
    interrupts: list[LgInterrupt]
    parent_checkpoint: LgCheckpoint | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_checkpoint import LgCheckpoint  # noqa: PLC0415

        values = self.values.to_dict()

        next_ = self.next_

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        checkpoint = self.checkpoint.to_dict()

        metadata = self.metadata.to_dict()

        interrupts = []
        for interrupts_item_data in self.interrupts:
            interrupts_item = interrupts_item_data.to_dict()
            interrupts.append(interrupts_item)

        parent_checkpoint: dict[str, Any] | None | Unset
        if isinstance(self.parent_checkpoint, Unset):
            parent_checkpoint = UNSET
        elif isinstance(self.parent_checkpoint, LgCheckpoint):
            parent_checkpoint = self.parent_checkpoint.to_dict()
        else:
            parent_checkpoint = self.parent_checkpoint

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "values": values,
                "next": next_,
                "tasks": tasks,
                "checkpoint": checkpoint,
                "metadata": metadata,
                "interrupts": interrupts,
            }
        )
        if parent_checkpoint is not UNSET:
            field_dict["parent_checkpoint"] = parent_checkpoint
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint import LgCheckpoint  # noqa: PLC0415
        from ..models.lg_interrupt import LgInterrupt  # noqa: PLC0415
        from ..models.lg_thread_state_metadata import LgThreadStateMetadata  # noqa: PLC0415
        from ..models.lg_thread_state_tasks_item import LgThreadStateTasksItem  # noqa: PLC0415
        from ..models.lg_thread_state_values import LgThreadStateValues  # noqa: PLC0415

        d = dict(src_dict)
        values = LgThreadStateValues.from_dict(d.pop("values"))

        next_ = cast(list[str], d.pop("next"))

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = LgThreadStateTasksItem.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        checkpoint = LgCheckpoint.from_dict(d.pop("checkpoint"))

        metadata = LgThreadStateMetadata.from_dict(d.pop("metadata"))

        interrupts = []
        _interrupts = d.pop("interrupts")
        for interrupts_item_data in _interrupts:
            interrupts_item = LgInterrupt.from_dict(interrupts_item_data)

            interrupts.append(interrupts_item)

        def _parse_parent_checkpoint(data: object) -> LgCheckpoint | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_checkpoint_type_0 = LgCheckpoint.from_dict(data)

                return parent_checkpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCheckpoint | None | Unset, data)

        parent_checkpoint = _parse_parent_checkpoint(d.pop("parent_checkpoint", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        lg_thread_state = cls(
            values=values,
            next_=next_,
            tasks=tasks,
            checkpoint=checkpoint,
            metadata=metadata,
            interrupts=interrupts,
            parent_checkpoint=parent_checkpoint,
            created_at=created_at,
        )

        lg_thread_state.additional_properties = d
        return lg_thread_state

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
