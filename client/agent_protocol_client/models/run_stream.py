from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.if_not_exists import IfNotExists
from ..models.multitask_strategy import MultitaskStrategy
from ..models.on_completion import OnCompletion
from ..models.on_disconnect import OnDisconnect
from ..models.stream_mode import StreamMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config import Config
    from ..models.input_type_0 import InputType0
    from ..models.message import Message
    from ..models.run_create_metadata import RunCreateMetadata


T = TypeVar("T", bound="RunStream")


@_attrs_define
class RunStream:
    """Payload for creating a run, with the stream modes to produce.

    Attributes:
        thread_id (UUID | Unset): The thread to run on. Without it, the run is stateless (a temporary thread).
        agent_id (str | Unset): The agent to run. Without it, the server's default agent.
        input_ (bool | float | InputType0 | int | list[Any] | None | str | Unset): The input to the agent; any JSON
            value (an integer stays an integer).
        messages (list[Message] | Unset): Messages to pass as input to the agent.
        metadata (RunCreateMetadata | Unset): Metadata to assign to the run.
        config (Config | Unset): The configuration for the agent; keys other than these are passed on to it.
        webhook (str | Unset): URL to POST the run to when it ends.
        on_completion (OnCompletion | Unset): Whether to delete or keep the run's thread when the run completes.
        on_disconnect (OnDisconnect | Unset): What to do with the run when the waiting or streaming client goes away:
            `cancel` stops
            it (stop reason `disconnect`), `continue` lets it finish.
        if_not_exists (IfNotExists | Unset): What to do when `thread_id` names a missing thread; `reject` gives 404.
        multitask_strategy (MultitaskStrategy | Unset): What to do when a run is created on a thread that already has an
            active run:
            `reject` (409), `enqueue` (run after it), `interrupt` (stop it, keep its work, then
            start), `rollback` (stop it and erase its work, then start).
        stream_mode (list[StreamMode] | StreamMode | Unset): The stream mode(s) to use.
    """

    thread_id: UUID | Unset = UNSET
    agent_id: str | Unset = UNSET
    input_: bool | float | InputType0 | int | list[Any] | None | str | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    metadata: RunCreateMetadata | Unset = UNSET
    config: Config | Unset = UNSET
    webhook: str | Unset = UNSET
    on_completion: OnCompletion | Unset = UNSET
    on_disconnect: OnDisconnect | Unset = UNSET
    if_not_exists: IfNotExists | Unset = UNSET
    multitask_strategy: MultitaskStrategy | Unset = UNSET
    stream_mode: list[StreamMode] | StreamMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.input_type_0 import InputType0  # noqa: PLC0415

        thread_id: str | Unset = UNSET
        if not isinstance(self.thread_id, Unset):
            thread_id = str(self.thread_id)

        agent_id = self.agent_id

        input_: bool | dict[str, Any] | float | int | list[Any] | None | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        elif isinstance(self.input_, InputType0):
            input_ = self.input_.to_dict()
        elif isinstance(self.input_, list):
            input_ = self.input_

        else:
            input_ = self.input_

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        webhook = self.webhook

        on_completion: str | Unset = UNSET
        if not isinstance(self.on_completion, Unset):
            on_completion = self.on_completion.value

        on_disconnect: str | Unset = UNSET
        if not isinstance(self.on_disconnect, Unset):
            on_disconnect = self.on_disconnect.value

        if_not_exists: str | Unset = UNSET
        if not isinstance(self.if_not_exists, Unset):
            if_not_exists = self.if_not_exists.value

        multitask_strategy: str | Unset = UNSET
        if not isinstance(self.multitask_strategy, Unset):
            multitask_strategy = self.multitask_strategy.value

        stream_mode: list[str] | str | Unset
        if isinstance(self.stream_mode, Unset):
            stream_mode = UNSET
        elif isinstance(self.stream_mode, StreamMode):
            stream_mode = self.stream_mode.value
        else:
            stream_mode = []
            for componentsschemas_stream_modes_type_1_item_data in self.stream_mode:
                componentsschemas_stream_modes_type_1_item = componentsschemas_stream_modes_type_1_item_data.value
                stream_mode.append(componentsschemas_stream_modes_type_1_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if input_ is not UNSET:
            field_dict["input"] = input_
        if messages is not UNSET:
            field_dict["messages"] = messages
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if config is not UNSET:
            field_dict["config"] = config
        if webhook is not UNSET:
            field_dict["webhook"] = webhook
        if on_completion is not UNSET:
            field_dict["on_completion"] = on_completion
        if on_disconnect is not UNSET:
            field_dict["on_disconnect"] = on_disconnect
        if if_not_exists is not UNSET:
            field_dict["if_not_exists"] = if_not_exists
        if multitask_strategy is not UNSET:
            field_dict["multitask_strategy"] = multitask_strategy
        if stream_mode is not UNSET:
            field_dict["stream_mode"] = stream_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.config import Config  # noqa: PLC0415
        from ..models.input_type_0 import InputType0  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.run_create_metadata import RunCreateMetadata  # noqa: PLC0415

        d = dict(src_dict)
        _thread_id = d.pop("thread_id", UNSET)
        thread_id: UUID | Unset
        if isinstance(_thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = UUID(_thread_id)

        agent_id = d.pop("agent_id", UNSET)

        def _parse_input_(data: object) -> bool | float | InputType0 | int | list[Any] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_input_type_0 = InputType0.from_dict(data)

                return componentsschemas_input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_input_type_1 = cast(list[Any], data)

                return componentsschemas_input_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | InputType0 | int | list[Any] | None | str | Unset, data)

        input_ = _parse_input_(d.pop("input", UNSET))

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: RunCreateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RunCreateMetadata.from_dict(_metadata)

        _config = d.pop("config", UNSET)
        config: Config | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = Config.from_dict(_config)

        webhook = d.pop("webhook", UNSET)

        _on_completion = d.pop("on_completion", UNSET)
        on_completion: OnCompletion | Unset
        if isinstance(_on_completion, Unset):
            on_completion = UNSET
        else:
            on_completion = OnCompletion(_on_completion)

        _on_disconnect = d.pop("on_disconnect", UNSET)
        on_disconnect: OnDisconnect | Unset
        if isinstance(_on_disconnect, Unset):
            on_disconnect = UNSET
        else:
            on_disconnect = OnDisconnect(_on_disconnect)

        _if_not_exists = d.pop("if_not_exists", UNSET)
        if_not_exists: IfNotExists | Unset
        if isinstance(_if_not_exists, Unset):
            if_not_exists = UNSET
        else:
            if_not_exists = IfNotExists(_if_not_exists)

        _multitask_strategy = d.pop("multitask_strategy", UNSET)
        multitask_strategy: MultitaskStrategy | Unset
        if isinstance(_multitask_strategy, Unset):
            multitask_strategy = UNSET
        else:
            multitask_strategy = MultitaskStrategy(_multitask_strategy)

        def _parse_stream_mode(data: object) -> list[StreamMode] | StreamMode | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_stream_modes_type_0 = StreamMode(data)

                return componentsschemas_stream_modes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_stream_modes_type_1 = []
            _componentsschemas_stream_modes_type_1 = data
            for componentsschemas_stream_modes_type_1_item_data in _componentsschemas_stream_modes_type_1:
                componentsschemas_stream_modes_type_1_item = StreamMode(componentsschemas_stream_modes_type_1_item_data)

                componentsschemas_stream_modes_type_1.append(componentsschemas_stream_modes_type_1_item)

            return componentsschemas_stream_modes_type_1

        stream_mode = _parse_stream_mode(d.pop("stream_mode", UNSET))

        run_stream = cls(
            thread_id=thread_id,
            agent_id=agent_id,
            input_=input_,
            messages=messages,
            metadata=metadata,
            config=config,
            webhook=webhook,
            on_completion=on_completion,
            on_disconnect=on_disconnect,
            if_not_exists=if_not_exists,
            multitask_strategy=multitask_strategy,
            stream_mode=stream_mode,
        )

        run_stream.additional_properties = d
        return run_stream

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
