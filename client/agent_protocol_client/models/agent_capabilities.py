from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentCapabilities")


@_attrs_define
class AgentCapabilities:
    """Which protocol features the agent supports. Besides the standard capabilities
    (prefixed with `ap.`), custom ones are named in reverse domain notation.

        Attributes:
            ap_io_messages (bool | Unset): Whether the agent uses the `messages` key in threads and runs.
            ap_io_streaming (bool | Unset): Whether the agent supports streaming output.
    """

    ap_io_messages: bool | Unset = UNSET
    ap_io_streaming: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ap_io_messages = self.ap_io_messages

        ap_io_streaming = self.ap_io_streaming

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ap_io_messages is not UNSET:
            field_dict["ap.io.messages"] = ap_io_messages
        if ap_io_streaming is not UNSET:
            field_dict["ap.io.streaming"] = ap_io_streaming

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ap_io_messages = d.pop("ap.io.messages", UNSET)

        ap_io_streaming = d.pop("ap.io.streaming", UNSET)

        agent_capabilities = cls(
            ap_io_messages=ap_io_messages,
            ap_io_streaming=ap_io_streaming,
        )

        agent_capabilities.additional_properties = d
        return agent_capabilities

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
