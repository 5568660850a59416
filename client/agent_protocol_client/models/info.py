from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.info_capabilities import InfoCapabilities
    from ..models.info_flags import InfoFlags


T = TypeVar("T", bound="Info")


@_attrs_define
class Info:
    """
    Attributes:
        version (str): This server's version.
        flags (InfoFlags): What it offers, as LangGraph's server names it (`assistants`, `crons`, `langsmith`).
        capabilities (InfoCapabilities | Unset):
    """

    version: str
    flags: InfoFlags
    capabilities: InfoCapabilities | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        flags = self.flags.to_dict()

        capabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "flags": flags,
            }
        )
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.info_capabilities import InfoCapabilities  # noqa: PLC0415
        from ..models.info_flags import InfoFlags  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        flags = InfoFlags.from_dict(d.pop("flags"))

        _capabilities = d.pop("capabilities", UNSET)
        capabilities: InfoCapabilities | Unset
        if isinstance(_capabilities, Unset):
            capabilities = UNSET
        else:
            capabilities = InfoCapabilities.from_dict(_capabilities)

        info = cls(
            version=version,
            flags=flags,
            capabilities=capabilities,
        )

        info.additional_properties = d
        return info

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
