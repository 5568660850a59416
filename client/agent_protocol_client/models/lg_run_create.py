from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lg_interrupt_nodes_type_0 import LgInterruptNodesType0
from ..models.lg_run_create_durability_type_0 import LgRunCreateDurabilityType0
from ..models.lg_run_create_if_not_exists_type_0 import LgRunCreateIfNotExistsType0
from ..models.lg_run_create_multitask_strategy_type_0 import LgRunCreateMultitaskStrategyType0
from ..models.lg_run_create_on_completion_type_0 import LgRunCreateOnCompletionType0
from ..models.lg_run_create_on_disconnect_type_0 import LgRunCreateOnDisconnectType0
from ..models.lg_stream_mode import LgStreamMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_checkpoint_ref import LgCheckpointRef
    from ..models.lg_command import LgCommand
    from ..models.lg_run_create_config_type_0 import LgRunCreateConfigType0
    from ..models.lg_run_create_context_type_0 import LgRunCreateContextType0
    from ..models.lg_run_create_metadata_type_0 import LgRunCreateMetadataType0


T = TypeVar("T", bound="LgRunCreate")


@_attrs_define
class LgRunCreate:
    """What the LangGraph SDK sends to create a run. Nothing is silently dropped: a field
    this server does not know is a 422 (`validation_error`), and a value it does not
    honour a 422 `not_supported` naming the field: `feedback_keys`,
    `langsmith_tracer` when set; `interrupt_before`, `interrupt_after`, `checkpoint`
    and `checkpoint_id` for an agent that is not a LangGraph graph; `checkpoint_during: false`;
    `durability: exit`; `strict_resume: false` (a resume here is always strict);
    stream modes a native agent cannot produce (`debug`, `tasks`, `checkpoints`,
    `tools`, `events`). `stream_resumable` is honoured whatever its value: every stream can be
    rejoined. `stream_subgraphs: true` streams a graph's subgraphs' events, named
    `<mode>|<node>:<task id>|...` as LangGraph's server names them (a native agent has
    no subgraphs).

        Attributes:
            assistant_id (str):
            input_ (Any | Unset):
            command (LgCommand | None | Unset):
            stream_mode (LgStreamMode | list[LgStreamMode] | Unset):
            metadata (LgRunCreateMetadataType0 | None | Unset):
            config (LgRunCreateConfigType0 | None | Unset):
            context (LgRunCreateContextType0 | None | Unset):
            webhook (None | str | Unset):
            multitask_strategy (LgRunCreateMultitaskStrategyType0 | None | Unset):
            if_not_exists (LgRunCreateIfNotExistsType0 | None | Unset):
            on_disconnect (LgRunCreateOnDisconnectType0 | None | Unset):
            on_completion (LgRunCreateOnCompletionType0 | None | Unset):
            stream_subgraphs (bool | None | Unset):
            stream_resumable (bool | None | Unset):
            checkpoint_during (bool | None | Unset):
            strict_resume (bool | None | Unset):
            durability (LgRunCreateDurabilityType0 | None | Unset):
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
            checkpoint (LgCheckpointRef | None | Unset):
            checkpoint_id (None | Unset | UUID):
            after_seconds (float | None | Unset): Start the run no sooner than this many seconds from now (at most a year):
                it is
                created `pending` at once, in the durable run queue, and can be read, joined and
                cancelled meanwhile; the thread's multitask rules apply when it is created.
            feedback_keys (Any | Unset):
            langsmith_tracer (Any | Unset):
    """

    assistant_id: str
    input_: Any | Unset = UNSET
    command: LgCommand | None | Unset = UNSET
    stream_mode: LgStreamMode | list[LgStreamMode] | Unset = UNSET
    metadata: LgRunCreateMetadataType0 | None | Unset = UNSET
    config: LgRunCreateConfigType0 | None | Unset = UNSET
    context: LgRunCreateContextType0 | None | Unset = UNSET
    webhook: None | str | Unset = UNSET
    multitask_strategy: LgRunCreateMultitaskStrategyType0 | None | Unset = UNSET
    if_not_exists: LgRunCreateIfNotExistsType0 | None | Unset = UNSET
    on_disconnect: LgRunCreateOnDisconnectType0 | None | Unset = UNSET
    on_completion: LgRunCreateOnCompletionType0 | None | Unset = UNSET
    stream_subgraphs: bool | None | Unset = UNSET
    stream_resumable: bool | None | Unset = UNSET
    checkpoint_during: bool | None | Unset = UNSET
    strict_resume: bool | None | Unset = UNSET
    durability: LgRunCreateDurabilityType0 | None | Unset = UNSET
    interrupt_before: LgInterruptNodesType0 | list[str] | None | Unset = UNSET
    interrupt_after: LgInterruptNodesType0 | list[str] | None | Unset = UNSET
    checkpoint: LgCheckpointRef | None | Unset = UNSET
    checkpoint_id: None | Unset | UUID = UNSET
    after_seconds: float | None | Unset = UNSET
    feedback_keys: Any | Unset = UNSET
    langsmith_tracer: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_checkpoint_ref import LgCheckpointRef  # noqa: PLC0415
        from ..models.lg_command import LgCommand  # noqa: PLC0415
        from ..models.lg_run_create_config_type_0 import LgRunCreateConfigType0  # noqa: PLC0415
        from ..models.lg_run_create_context_type_0 import LgRunCreateContextType0  # noqa: PLC0415
        from ..models.lg_run_create_metadata_type_0 import LgRunCreateMetadataType0  # noqa: PLC0415

        assistant_id = self.assistant_id

        input_ = self.input_

        command: dict[str, Any] | None | Unset
        if isinstance(self.command, Unset):
            command = UNSET
        elif isinstance(self.command, LgCommand):
            command = self.command.to_dict()
        else:
            command = self.command

        stream_mode: list[str] | str | Unset
        if isinstance(self.stream_mode, Unset):
            stream_mode = UNSET
        elif isinstance(self.stream_mode, LgStreamMode):
            stream_mode = self.stream_mode.value
        else:
            stream_mode = []
            for stream_mode_type_1_item_data in self.stream_mode:
                stream_mode_type_1_item = stream_mode_type_1_item_data.value
                stream_mode.append(stream_mode_type_1_item)

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgRunCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, LgRunCreateConfigType0):
            config = self.config.to_dict()
        else:
            config = self.config

        context: dict[str, Any] | None | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, LgRunCreateContextType0):
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
        elif isinstance(self.multitask_strategy, LgRunCreateMultitaskStrategyType0):
            multitask_strategy = self.multitask_strategy.value
        else:
            multitask_strategy = self.multitask_strategy

        if_not_exists: None | str | Unset
        if isinstance(self.if_not_exists, Unset):
            if_not_exists = UNSET
        elif isinstance(self.if_not_exists, LgRunCreateIfNotExistsType0):
            if_not_exists = self.if_not_exists.value
        else:
            if_not_exists = self.if_not_exists

        on_disconnect: None | str | Unset
        if isinstance(self.on_disconnect, Unset):
            on_disconnect = UNSET
        elif isinstance(self.on_disconnect, LgRunCreateOnDisconnectType0):
            on_disconnect = self.on_disconnect.value
        else:
            on_disconnect = self.on_disconnect

        on_completion: None | str | Unset
        if isinstance(self.on_completion, Unset):
            on_completion = UNSET
        elif isinstance(self.on_completion, LgRunCreateOnCompletionType0):
            on_completion = self.on_completion.value
        else:
            on_completion = self.on_completion

        stream_subgraphs: bool | None | Unset
        if isinstance(self.stream_subgraphs, Unset):
            stream_subgraphs = UNSET
        else:
            stream_subgraphs = self.stream_subgraphs

        stream_resumable: bool | None | Unset
        if isinstance(self.stream_resumable, Unset):
            stream_resumable = UNSET
        else:
            stream_resumable = self.stream_resumable

        checkpoint_during: bool | None | Unset
        if isinstance(self.checkpoint_during, Unset):
            checkpoint_during = UNSET
        else:
            checkpoint_during = self.checkpoint_during

        strict_resume: bool | None | Unset
        if isinstance(self.strict_resume, Unset):
            strict_resume = UNSET
        else:
            strict_resume = self.strict_resume

        durability: None | str | Unset
        if isinstance(self.durability, Unset):
            durability = UNSET
        elif isinstance(self.durability, LgRunCreateDurabilityType0):
            durability = self.durability.value
        else:
            durability = self.durability

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

        checkpoint: dict[str, Any] | None | Unset
        if isinstance(self.checkpoint, Unset):
            checkpoint = UNSET
        elif isinstance(self.checkpoint, LgCheckpointRef):
            checkpoint = self.checkpoint.to_dict()
        else:
            checkpoint = self.checkpoint

        checkpoint_id: None | str | Unset
        if isinstance(self.checkpoint_id, Unset):
            checkpoint_id = UNSET
        elif isinstance(self.checkpoint_id, UUID):
            checkpoint_id = str(self.checkpoint_id)
        else:
            checkpoint_id = self.checkpoint_id

        after_seconds: float | None | Unset
        if isinstance(self.after_seconds, Unset):
            after_seconds = UNSET
        else:
            after_seconds = self.after_seconds

        feedback_keys = self.feedback_keys

        langsmith_tracer = self.langsmith_tracer

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assistant_id": assistant_id,
            }
        )
        if input_ is not UNSET:
            field_dict["input"] = input_
        if command is not UNSET:
            field_dict["command"] = command
        if stream_mode is not UNSET:
            field_dict["stream_mode"] = stream_mode
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
        if if_not_exists is not UNSET:
            field_dict["if_not_exists"] = if_not_exists
        if on_disconnect is not UNSET:
            field_dict["on_disconnect"] = on_disconnect
        if on_completion is not UNSET:
            field_dict["on_completion"] = on_completion
        if stream_subgraphs is not UNSET:
            field_dict["stream_subgraphs"] = stream_subgraphs
        if stream_resumable is not UNSET:
            field_dict["stream_resumable"] = stream_resumable
        if checkpoint_during is not UNSET:
            field_dict["checkpoint_during"] = checkpoint_during
        if strict_resume is not UNSET:
            field_dict["strict_resume"] = strict_resume
        if durability is not UNSET:
            field_dict["durability"] = durability
        if interrupt_before is not UNSET:
            field_dict["interrupt_before"] = interrupt_before
        if interrupt_after is not UNSET:
            field_dict["interrupt_after"] = interrupt_after
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if checkpoint_id is not UNSET:
            field_dict["checkpoint_id"] = checkpoint_id
        if after_seconds is not UNSET:
            field_dict["after_seconds"] = after_seconds
        if feedback_keys is not UNSET:
            field_dict["feedback_keys"] = feedback_keys
        if langsmith_tracer is not UNSET:
            field_dict["langsmith_tracer"] = langsmith_tracer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint_ref import LgCheckpointRef  # noqa: PLC0415
        from ..models.lg_command import LgCommand  # noqa: PLC0415
        from ..models.lg_run_create_config_type_0 import LgRunCreateConfigType0  # noqa: PLC0415
        from ..models.lg_run_create_context_type_0 import LgRunCreateContextType0  # noqa: PLC0415
        from ..models.lg_run_create_metadata_type_0 import LgRunCreateMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        assistant_id = d.pop("assistant_id")

        input_ = d.pop("input", UNSET)

        def _parse_command(data: object) -> LgCommand | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                command_type_0 = LgCommand.from_dict(data)

                return command_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCommand | None | Unset, data)

        command = _parse_command(d.pop("command", UNSET))

        def _parse_stream_mode(data: object) -> LgStreamMode | list[LgStreamMode] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stream_mode_type_0 = LgStreamMode(data)

                return stream_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            stream_mode_type_1 = []
            _stream_mode_type_1 = data
            for stream_mode_type_1_item_data in _stream_mode_type_1:
                stream_mode_type_1_item = LgStreamMode(stream_mode_type_1_item_data)

                stream_mode_type_1.append(stream_mode_type_1_item)

            return stream_mode_type_1

        stream_mode = _parse_stream_mode(d.pop("stream_mode", UNSET))

        def _parse_metadata(data: object) -> LgRunCreateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgRunCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_config(data: object) -> LgRunCreateConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0 = LgRunCreateConfigType0.from_dict(data)

                return config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateConfigType0 | None | Unset, data)

        config = _parse_config(d.pop("config", UNSET))

        def _parse_context(data: object) -> LgRunCreateContextType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = LgRunCreateContextType0.from_dict(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateContextType0 | None | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_webhook(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook = _parse_webhook(d.pop("webhook", UNSET))

        def _parse_multitask_strategy(data: object) -> LgRunCreateMultitaskStrategyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                multitask_strategy_type_0 = LgRunCreateMultitaskStrategyType0(data)

                return multitask_strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateMultitaskStrategyType0 | None | Unset, data)

        multitask_strategy = _parse_multitask_strategy(d.pop("multitask_strategy", UNSET))

        def _parse_if_not_exists(data: object) -> LgRunCreateIfNotExistsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                if_not_exists_type_0 = LgRunCreateIfNotExistsType0(data)

                return if_not_exists_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateIfNotExistsType0 | None | Unset, data)

        if_not_exists = _parse_if_not_exists(d.pop("if_not_exists", UNSET))

        def _parse_on_disconnect(data: object) -> LgRunCreateOnDisconnectType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_disconnect_type_0 = LgRunCreateOnDisconnectType0(data)

                return on_disconnect_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateOnDisconnectType0 | None | Unset, data)

        on_disconnect = _parse_on_disconnect(d.pop("on_disconnect", UNSET))

        def _parse_on_completion(data: object) -> LgRunCreateOnCompletionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_completion_type_0 = LgRunCreateOnCompletionType0(data)

                return on_completion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateOnCompletionType0 | None | Unset, data)

        on_completion = _parse_on_completion(d.pop("on_completion", UNSET))

        def _parse_stream_subgraphs(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream_subgraphs = _parse_stream_subgraphs(d.pop("stream_subgraphs", UNSET))

        def _parse_stream_resumable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream_resumable = _parse_stream_resumable(d.pop("stream_resumable", UNSET))

        def _parse_checkpoint_during(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        checkpoint_during = _parse_checkpoint_during(d.pop("checkpoint_during", UNSET))

        def _parse_strict_resume(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        strict_resume = _parse_strict_resume(d.pop("strict_resume", UNSET))

        def _parse_durability(data: object) -> LgRunCreateDurabilityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                durability_type_0 = LgRunCreateDurabilityType0(data)

                return durability_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgRunCreateDurabilityType0 | None | Unset, data)

        durability = _parse_durability(d.pop("durability", UNSET))

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

        def _parse_checkpoint(data: object) -> LgCheckpointRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                checkpoint_type_0 = LgCheckpointRef.from_dict(data)

                return checkpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCheckpointRef | None | Unset, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint", UNSET))

        def _parse_checkpoint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checkpoint_id_type_0 = UUID(data)

                return checkpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        checkpoint_id = _parse_checkpoint_id(d.pop("checkpoint_id", UNSET))

        def _parse_after_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        after_seconds = _parse_after_seconds(d.pop("after_seconds", UNSET))

        feedback_keys = d.pop("feedback_keys", UNSET)

        langsmith_tracer = d.pop("langsmith_tracer", UNSET)

        lg_run_create = cls(
            assistant_id=assistant_id,
            input_=input_,
            command=command,
            stream_mode=stream_mode,
            metadata=metadata,
            config=config,
            context=context,
            webhook=webhook,
            multitask_strategy=multitask_strategy,
            if_not_exists=if_not_exists,
            on_disconnect=on_disconnect,
            on_completion=on_completion,
            stream_subgraphs=stream_subgraphs,
            stream_resumable=stream_resumable,
            checkpoint_during=checkpoint_during,
            strict_resume=strict_resume,
            durability=durability,
            interrupt_before=interrupt_before,
            interrupt_after=interrupt_after,
            checkpoint=checkpoint,
            checkpoint_id=checkpoint_id,
            after_seconds=after_seconds,
            feedback_keys=feedback_keys,
            langsmith_tracer=langsmith_tracer,
        )

        return lg_run_create
