from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lg_run_status import LgRunStatus

if TYPE_CHECKING:
    from ..models.lg_run_kwargs import LgRunKwargs
    from ..models.lg_run_metadata import LgRunMetadata


T = TypeVar("T", bound="LgRun")


@_attrs_define
class LgRun:
    """
    Attributes:
        run_id (UUID):
        thread_id (UUID):
        assistant_id (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        status (LgRunStatus): LangGraph's run statuses: a run that stopped on `interrupt()` is `success` (its thread
            is `interrupted`); a cancelled run is `interrupted`.
        metadata (LgRunMetadata):
        multitask_strategy (str):
        kwargs (LgRunKwargs):
    """

    run_id: UUID
    thread_id: UUID
    assistant_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: LgRunStatus
    metadata: LgRunMetadata
    multitask_strategy: str
    kwargs: LgRunKwargs
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = str(self.run_id)

        thread_id = str(self.thread_id)

        assistant_id = self.assistant_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status = self.status.value

        metadata = self.metadata.to_dict()

        multitask_strategy = self.multitask_strategy

        kwargs = self.kwargs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "thread_id": thread_id,
                "assistant_id": assistant_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "status": status,
                "metadata": metadata,
                "multitask_strategy": multitask_strategy,
                "kwargs": kwargs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_run_kwargs import LgRunKwargs  # noqa: PLC0415
        from ..models.lg_run_metadata import LgRunMetadata  # noqa: PLC0415

        d = dict(src_dict)
        run_id = UUID(d.pop("run_id"))

        thread_id = UUID(d.pop("thread_id"))

        assistant_id = d.pop("assistant_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status = LgRunStatus(d.pop("status"))

        metadata = LgRunMetadata.from_dict(d.pop("metadata"))

        multitask_strategy = d.pop("multitask_strategy")

        kwargs = LgRunKwargs.from_dict(d.pop("kwargs"))

        lg_run = cls(
            run_id=run_id,
            thread_id=thread_id,
            assistant_id=assistant_id,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            metadata=metadata,
            multitask_strategy=multitask_strategy,
            kwargs=kwargs,
        )

        lg_run.additional_properties = d
        return lg_run

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
