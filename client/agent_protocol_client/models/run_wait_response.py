from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.interrupt import Interrupt
    from ..models.message import Message
    from ..models.run import Run
    from ..models.run_wait_response_values import RunWaitResponseValues


T = TypeVar("T", bound="RunWaitResponse")


@_attrs_define
class RunWaitResponse:
    """
    Attributes:
        run (Run | Unset):
        values (RunWaitResponseValues | Unset): The thread's values when the run ended.
        messages (list[Message] | Unset):
        interrupts (list[Interrupt] | Unset): The pending interrupts, when the run ended on one (extension).
    """

    run: Run | Unset = UNSET
    values: RunWaitResponseValues | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    interrupts: list[Interrupt] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run: dict[str, Any] | Unset = UNSET
        if not isinstance(self.run, Unset):
            run = self.run.to_dict()

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        interrupts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.interrupts, Unset):
            interrupts = []
            for interrupts_item_data in self.interrupts:
                interrupts_item = interrupts_item_data.to_dict()
                interrupts.append(interrupts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if run is not UNSET:
            field_dict["run"] = run
        if values is not UNSET:
            field_dict["values"] = values
        if messages is not UNSET:
            field_dict["messages"] = messages
        if interrupts is not UNSET:
            field_dict["interrupts"] = interrupts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interrupt import Interrupt  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.run import Run  # noqa: PLC0415
        from ..models.run_wait_response_values import RunWaitResponseValues  # noqa: PLC0415

        d = dict(src_dict)
        _run = d.pop("run", UNSET)
        run: Run | Unset
        if isinstance(_run, Unset):
            run = UNSET
        else:
            run = Run.from_dict(_run)

        _values = d.pop("values", UNSET)
        values: RunWaitResponseValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = RunWaitResponseValues.from_dict(_values)

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        _interrupts = d.pop("interrupts", UNSET)
        interrupts: list[Interrupt] | Unset = UNSET
        if _interrupts is not UNSET:
            interrupts = []
            for interrupts_item_data in _interrupts:
                interrupts_item = Interrupt.from_dict(interrupts_item_data)

                interrupts.append(interrupts_item)

        run_wait_response = cls(
            run=run,
            values=values,
            messages=messages,
            interrupts=interrupts,
        )

        run_wait_response.additional_properties = d
        return run_wait_response

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
