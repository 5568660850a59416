from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.multitask_strategy import MultitaskStrategy
from ..models.run_status import RunStatus
from ..models.stop_reason import StopReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config import Config
    from ..models.run_error import RunError
    from ..models.run_metadata import RunMetadata


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """
    Attributes:
        run_id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        status (RunStatus): `pending`: created, not started. `running`: an agent is executing it (extension).
            `success`, `error`, `timeout`, `interrupted` are terminal; `interrupted` is a run
            stopped by a cancel or one that ended on an agent interrupt.
        metadata (RunMetadata):
        thread_id (UUID | Unset):
        agent_id (str | Unset):
        config (Config | Unset): The configuration for the agent; keys other than these are passed on to it.
        webhook (str | Unset):
        multitask_strategy (MultitaskStrategy | Unset): What to do when a run is created on a thread that already has an
            active run:
            `reject` (409), `enqueue` (run after it), `interrupt` (stop it, keep its work, then
            start), `rollback` (stop it and erase its work, then start).
        started_at (datetime.datetime | None | Unset): When a worker started the run (extension).
        ended_at (datetime.datetime | None | Unset): When the run reached a terminal status (extension).
        error (None | RunError | Unset): Why the run failed, when its status is `error` (extension).
        stop_reason (None | StopReason | Unset): Why the run was stopped, when it was (extension).
        stopping (bool | Unset): A stop was requested and the run has not ended yet (extension).
    """

    run_id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: RunStatus
    metadata: RunMetadata
    thread_id: UUID | Unset = UNSET
    agent_id: str | Unset = UNSET
    config: Config | Unset = UNSET
    webhook: str | Unset = UNSET
    multitask_strategy: MultitaskStrategy | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    error: None | RunError | Unset = UNSET
    stop_reason: None | StopReason | Unset = UNSET
    stopping: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_error import RunError  # noqa: PLC0415

        run_id = str(self.run_id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status = self.status.value

        metadata = self.metadata.to_dict()

        thread_id: str | Unset = UNSET
        if not isinstance(self.thread_id, Unset):
            thread_id = str(self.thread_id)

        agent_id = self.agent_id

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        webhook = self.webhook

        multitask_strategy: str | Unset = UNSET
        if not isinstance(self.multitask_strategy, Unset):
            multitask_strategy = self.multitask_strategy.value

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, RunError):
            error = self.error.to_dict()
        else:
            error = self.error

        stop_reason: None | str | Unset
        if isinstance(self.stop_reason, Unset):
            stop_reason = UNSET
        elif isinstance(self.stop_reason, StopReason):
            stop_reason = self.stop_reason.value
        else:
            stop_reason = self.stop_reason

        stopping = self.stopping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "status": status,
                "metadata": metadata,
            }
        )
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if config is not UNSET:
            field_dict["config"] = config
        if webhook is not UNSET:
            field_dict["webhook"] = webhook
        if multitask_strategy is not UNSET:
            field_dict["multitask_strategy"] = multitask_strategy
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if error is not UNSET:
            field_dict["error"] = error
        if stop_reason is not UNSET:
            field_dict["stop_reason"] = stop_reason
        if stopping is not UNSET:
            field_dict["stopping"] = stopping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.config import Config  # noqa: PLC0415
        from ..models.run_error import RunError  # noqa: PLC0415
        from ..models.run_metadata import RunMetadata  # noqa: PLC0415

        d = dict(src_dict)
        run_id = UUID(d.pop("run_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status = RunStatus(d.pop("status"))

        metadata = RunMetadata.from_dict(d.pop("metadata"))

        _thread_id = d.pop("thread_id", UNSET)
        thread_id: UUID | Unset
        if isinstance(_thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = UUID(_thread_id)

        agent_id = d.pop("agent_id", UNSET)

        _config = d.pop("config", UNSET)
        config: Config | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = Config.from_dict(_config)

        webhook = d.pop("webhook", UNSET)

        _multitask_strategy = d.pop("multitask_strategy", UNSET)
        multitask_strategy: MultitaskStrategy | Unset
        if isinstance(_multitask_strategy, Unset):
            multitask_strategy = UNSET
        else:
            multitask_strategy = MultitaskStrategy(_multitask_strategy)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        def _parse_error(data: object) -> None | RunError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = RunError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_stop_reason(data: object) -> None | StopReason | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stop_reason_type_0 = StopReason(data)

                return stop_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StopReason | Unset, data)

        stop_reason = _parse_stop_reason(d.pop("stop_reason", UNSET))

        stopping = d.pop("stopping", UNSET)

        run = cls(
            run_id=run_id,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            metadata=metadata,
            thread_id=thread_id,
            agent_id=agent_id,
            config=config,
            webhook=webhook,
            multitask_strategy=multitask_strategy,
            started_at=started_at,
            ended_at=ended_at,
            error=error,
            stop_reason=stop_reason,
            stopping=stopping,
        )

        run.additional_properties = d
        return run

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
