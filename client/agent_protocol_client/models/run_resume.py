from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.on_completion import OnCompletion
from ..models.on_disconnect import OnDisconnect
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config import Config
    from ..models.input_type_0 import InputType0
    from ..models.message import Message
    from ..models.run_resume_metadata import RunResumeMetadata


T = TypeVar("T", bound="RunResume")


@_attrs_define
class RunResume:
    """Payload for resuming an interrupted thread. The thread must exist.

    Attributes:
        thread_id (UUID): The thread to resume; it must be interrupted.
        agent_id (str | Unset): The agent to run; defaults to the agent of the thread's last run.
        input_ (bool | float | InputType0 | int | list[Any] | None | str | Unset): The input to the agent; any JSON
            value (an integer stays an integer).
        messages (list[Message] | Unset):
        metadata (RunResumeMetadata | Unset): Metadata to assign to the run.
        config (Config | Unset): The configuration for the agent; keys other than these are passed on to it.
        webhook (str | Unset):
        on_completion (OnCompletion | Unset): Whether to delete or keep the run's thread when the run completes.
        on_disconnect (OnDisconnect | Unset): What to do with the run when the waiting or streaming client goes away:
            `cancel` stops
            it (stop reason `disconnect`), `continue` lets it finish.
    """

    thread_id: UUID
    agent_id: str | Unset = UNSET
    input_: bool | float | InputType0 | int | list[Any] | None | str | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    metadata: RunResumeMetadata | Unset = UNSET
    config: Config | Unset = UNSET
    webhook: str | Unset = UNSET
    on_completion: OnCompletion | Unset = UNSET
    on_disconnect: OnDisconnect | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.input_type_0 import InputType0  # noqa: PLC0415

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "thread_id": thread_id,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.config import Config  # noqa: PLC0415
        from ..models.input_type_0 import InputType0  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.run_resume_metadata import RunResumeMetadata  # noqa: PLC0415

        d = dict(src_dict)
        thread_id = UUID(d.pop("thread_id"))

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
        metadata: RunResumeMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RunResumeMetadata.from_dict(_metadata)

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

        run_resume = cls(
            thread_id=thread_id,
            agent_id=agent_id,
            input_=input_,
            messages=messages,
            metadata=metadata,
            config=config,
            webhook=webhook,
            on_completion=on_completion,
            on_disconnect=on_disconnect,
        )

        run_resume.additional_properties = d
        return run_resume

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
