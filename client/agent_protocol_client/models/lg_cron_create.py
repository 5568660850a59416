from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lg_cron_create_multitask_strategy_type_0 import LgCronCreateMultitaskStrategyType0
from ..models.lg_cron_create_on_run_completed_type_0 import LgCronCreateOnRunCompletedType0
from ..models.lg_interrupt_nodes_type_0 import LgInterruptNodesType0
from ..models.lg_stream_mode import LgStreamMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_cron_create_config_type_0 import LgCronCreateConfigType0
    from ..models.lg_cron_create_context_type_0 import LgCronCreateContextType0
    from ..models.lg_cron_create_metadata_type_0 import LgCronCreateMetadataType0


T = TypeVar("T", bound="LgCronCreate")


@_attrs_define
class LgCronCreate:
    """A schedule and the run each firing makes. `schedule` is a five-field cron expression
    (optionally six, with seconds last), read by `croniter` in `timezone` (IANA, default
    UTC). `interrupt_before` and `interrupt_after` reach each firing's run (a graph
    stops there; an agent that is not a graph refuses them at creation, 422
    `not_supported`); `durability`, `checkpoint_during` and `stream_subgraphs` are
    refused when set (422 `not_supported`).

        Attributes:
            assistant_id (str):
            schedule (str):
            timezone (None | str | Unset):
            end_time (datetime.datetime | None | Unset):
            enabled (bool | None | Unset):
            input_ (Any | Unset):
            metadata (LgCronCreateMetadataType0 | None | Unset):
            config (LgCronCreateConfigType0 | None | Unset):
            context (LgCronCreateContextType0 | None | Unset):
            webhook (None | str | Unset):
            multitask_strategy (LgCronCreateMultitaskStrategyType0 | None | Unset):
            on_run_completed (LgCronCreateOnRunCompletedType0 | None | Unset):
            stream_mode (LgStreamMode | list[LgStreamMode] | None | Unset):
            stream_resumable (bool | None | Unset): Every stream is resumable here.
            interrupt_before (LgInterruptNodesType0 | list[str] | None | Unset): The nodes a LangGraph graph stops before
                (`interrupt_before`) or after
                (`interrupt_after`): their names, or `*` for every node. The run ends with the
                thread `interrupted` and its state's `next` naming the nodes still to run; a later
                run with no input (or a `command.resume`) goes on from there. An agent that is not a
                graph refuses it (422 `not_supported` naming the field).
            interrupt_after (LgInterruptNodesType0 | list[str] | None | Unset): The nodes a LangGraph graph stops before
                (`interrupt_before`) or after
                (`interrupt_after`): their names, or `*` for every node. The run ends with the
                thread `interrupted` and its state's `next` naming the nodes still to run; a later
                run with no input (or a `command.resume`) goes on from there. An agent that is not a
                graph refuses it (422 `not_supported` naming the field).
            durability (Any | Unset):
            checkpoint_during (Any | Unset):
            stream_subgraphs (Any | Unset):
    """

    assistant_id: str
    schedule: str
    timezone: None | str | Unset = UNSET
    end_time: datetime.datetime | None | Unset = UNSET
    enabled: bool | None | Unset = UNSET
    input_: Any | Unset = UNSET
    metadata: LgCronCreateMetadataType0 | None | Unset = UNSET
    config: LgCronCreateConfigType0 | None | Unset = UNSET
    context: LgCronCreateContextType0 | None | Unset = UNSET
    webhook: None | str | Unset = UNSET
    multitask_strategy: LgCronCreateMultitaskStrategyType0 | None | Unset = UNSET
    on_run_completed: LgCronCreateOnRunCompletedType0 | None | Unset = UNSET
    stream_mode: LgStreamMode | list[LgStreamMode] | None | Unset = UNSET
    stream_resumable: bool | None | Unset = UNSET
    interrupt_before: LgInterruptNodesType0 | list[str] | None | Unset = UNSET
    interrupt_after: LgInterruptNodesType0 | list[str] | None | Unset = UNSET
    durability: Any | Unset = UNSET
    checkpoint_during: Any | Unset = UNSET
    stream_subgraphs: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_cron_create_config_type_0 import LgCronCreateConfigType0  # noqa: PLC0415
        from ..models.lg_cron_create_context_type_0 import LgCronCreateContextType0  # noqa: PLC0415
        from ..models.lg_cron_create_metadata_type_0 import LgCronCreateMetadataType0  # noqa: PLC0415

        assistant_id = self.assistant_id

        schedule = self.schedule

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        elif isinstance(self.end_time, datetime.datetime):
            end_time = self.end_time.isoformat()
        else:
            end_time = self.end_time

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        input_ = self.input_

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgCronCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, LgCronCreateConfigType0):
            config = self.config.to_dict()
        else:
            config = self.config

        context: dict[str, Any] | None | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, LgCronCreateContextType0):
            context = self.context.to_dict()
        else:
            context = self.context

        webhook: None | str | Unset
        if isinstance(self.webhook, Unset):
            webhook = UNSET
        else:
            webhook = self.webhook

        multitask_strategy: None | str | Unset
        if isinstance(self.multitask_strategy, Unset):
            multitask_strategy = UNSET
        elif isinstance(self.multitask_strategy, LgCronCreateMultitaskStrategyType0):
            multitask_strategy = self.multitask_strategy.value
        else:
            multitask_strategy = self.multitask_strategy

        on_run_completed: None | str | Unset
        if isinstance(self.on_run_completed, Unset):
            on_run_completed = UNSET
        elif isinstance(self.on_run_completed, LgCronCreateOnRunCompletedType0):
            on_run_completed = self.on_run_completed.value
        else:
            on_run_completed = self.on_run_completed

        stream_mode: list[str] | None | str | Unset
        if isinstance(self.stream_mode, Unset):
            stream_mode = UNSET
        elif isinstance(self.stream_mode, LgStreamMode):
            stream_mode = self.stream_mode.value
        elif isinstance(self.stream_mode, list):
            stream_mode = []
            for stream_mode_type_1_item_data in self.stream_mode:
                stream_mode_type_1_item = stream_mode_type_1_item_data.value
                stream_mode.append(stream_mode_type_1_item)

        else:
            stream_mode = self.stream_mode

        stream_resumable: bool | None | Unset
        if isinstance(self.stream_resumable, Unset):
            stream_resumable = UNSET
        else:
            stream_resumable = self.stream_resumable

        interrupt_before: list[str] | None | str | Unset
        if isinstance(self.interrupt_before, Unset):
            interrupt_before = UNSET
        elif isinstance(self.interrupt_before, LgInterruptNodesType0):
            interrupt_before = self.interrupt_before.value
        elif isinstance(self.interrupt_before, list):
            interrupt_before = self.interrupt_before

        else:
            interrupt_before = self.interrupt_before

        interrupt_after: list[str] | None | str | Unset
        if isinstance(self.interrupt_after, Unset):
            interrupt_after = UNSET
        elif isinstance(self.interrupt_after, LgInterruptNodesType0):
            interrupt_after = self.interrupt_after.value
        elif isinstance(self.interrupt_after, list):
            interrupt_after = self.interrupt_after

        else:
            interrupt_after = self.interrupt_after

        durability = self.durability

        checkpoint_during = self.checkpoint_during

        stream_subgraphs = self.stream_subgraphs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assistant_id": assistant_id,
                "schedule": schedule,
            }
        )
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if input_ is not UNSET:
            field_dict["input"] = input_
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if config is not UNSET:
            field_dict["config"] = config
        if context is not UNSET:
            field_dict["context"] = context
        if webhook is not UNSET:
            field_dict["webhook"] = webhook
        if multitask_strategy is not UNSET:
            field_dict["multitask_strategy"] = multitask_strategy
        if on_run_completed is not UNSET:
            field_dict["on_run_completed"] = on_run_completed
        if stream_mode is not UNSET:
            field_dict["stream_mode"] = stream_mode
        if stream_resumable is not UNSET:
            field_dict["stream_resumable"] = stream_resumable
        if interrupt_before is not UNSET:
            field_dict["interrupt_before"] = interrupt_before
        if interrupt_after is not UNSET:
            field_dict["interrupt_after"] = interrupt_after
        if durability is not UNSET:
            field_dict["durability"] = durability
        if checkpoint_during is not UNSET:
            field_dict["checkpoint_during"] = checkpoint_during
        if stream_subgraphs is not UNSET:
            field_dict["stream_subgraphs"] = stream_subgraphs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_cron_create_config_type_0 import LgCronCreateConfigType0  # noqa: PLC0415
        from ..models.lg_cron_create_context_type_0 import LgCronCreateContextType0  # noqa: PLC0415
        from ..models.lg_cron_create_metadata_type_0 import LgCronCreateMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        assistant_id = d.pop("assistant_id")

        schedule = d.pop("schedule")

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_end_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = datetime.datetime.fromisoformat(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        input_ = d.pop("input", UNSET)

        def _parse_metadata(data: object) -> LgCronCreateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgCronCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronCreateMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_config(data: object) -> LgCronCreateConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0 = LgCronCreateConfigType0.from_dict(data)

                return config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronCreateConfigType0 | None | Unset, data)

        config = _parse_config(d.pop("config", UNSET))

        def _parse_context(data: object) -> LgCronCreateContextType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = LgCronCreateContextType0.from_dict(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronCreateContextType0 | None | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_webhook(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook = _parse_webhook(d.pop("webhook", UNSET))

        def _parse_multitask_strategy(data: object) -> LgCronCreateMultitaskStrategyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                multitask_strategy_type_0 = LgCronCreateMultitaskStrategyType0(data)

                return multitask_strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronCreateMultitaskStrategyType0 | None | Unset, data)

        multitask_strategy = _parse_multitask_strategy(d.pop("multitask_strategy", UNSET))

        def _parse_on_run_completed(data: object) -> LgCronCreateOnRunCompletedType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_run_completed_type_0 = LgCronCreateOnRunCompletedType0(data)

                return on_run_completed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronCreateOnRunCompletedType0 | None | Unset, data)

        on_run_completed = _parse_on_run_completed(d.pop("on_run_completed", UNSET))

        def _parse_stream_mode(data: object) -> LgStreamMode | list[LgStreamMode] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stream_mode_type_0 = LgStreamMode(data)

                return stream_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stream_mode_type_1 = []
                _stream_mode_type_1 = data
                for stream_mode_type_1_item_data in _stream_mode_type_1:
                    stream_mode_type_1_item = LgStreamMode(stream_mode_type_1_item_data)

                    stream_mode_type_1.append(stream_mode_type_1_item)

                return stream_mode_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgStreamMode | list[LgStreamMode] | None | Unset, data)

        stream_mode = _parse_stream_mode(d.pop("stream_mode", UNSET))

        def _parse_stream_resumable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream_resumable = _parse_stream_resumable(d.pop("stream_resumable", UNSET))

        def _parse_interrupt_before(data: object) -> LgInterruptNodesType0 | list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_lg_interrupt_nodes_type_0 = LgInterruptNodesType0(data)

                return componentsschemas_lg_interrupt_nodes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_lg_interrupt_nodes_type_1 = cast(list[str], data)

                return componentsschemas_lg_interrupt_nodes_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgInterruptNodesType0 | list[str] | None | Unset, data)

        interrupt_before = _parse_interrupt_before(d.pop("interrupt_before", UNSET))

        def _parse_interrupt_after(data: object) -> LgInterruptNodesType0 | list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_lg_interrupt_nodes_type_0 = LgInterruptNodesType0(data)

                return componentsschemas_lg_interrupt_nodes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_lg_interrupt_nodes_type_1 = cast(list[str], data)

                return componentsschemas_lg_interrupt_nodes_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgInterruptNodesType0 | list[str] | None | Unset, data)

        interrupt_after = _parse_interrupt_after(d.pop("interrupt_after", UNSET))

        durability = d.pop("durability", UNSET)

        checkpoint_during = d.pop("checkpoint_during", UNSET)

        stream_subgraphs = d.pop("stream_subgraphs", UNSET)

        lg_cron_create = cls(
            assistant_id=assistant_id,
            schedule=schedule,
            timezone=timezone,
            end_time=end_time,
            enabled=enabled,
            input_=input_,
            metadata=metadata,
            config=config,
            context=context,
            webhook=webhook,
            multitask_strategy=multitask_strategy,
            on_run_completed=on_run_completed,
            stream_mode=stream_mode,
            stream_resumable=stream_resumable,
            interrupt_before=interrupt_before,
            interrupt_after=interrupt_after,
            durability=durability,
            checkpoint_during=checkpoint_during,
            stream_subgraphs=stream_subgraphs,
        )

        return lg_cron_create
