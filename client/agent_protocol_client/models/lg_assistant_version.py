from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_version_config import LgAssistantVersionConfig
    from ..models.lg_assistant_version_context import LgAssistantVersionContext
    from ..models.lg_assistant_version_metadata import LgAssistantVersionMetadata


T = TypeVar("T", bound="LgAssistantVersion")


@_attrs_define
class LgAssistantVersion:
    """
    Attributes:
        assistant_id (UUID):
        graph_id (str):
        name (str):
        config (LgAssistantVersionConfig):
        context (LgAssistantVersionContext):
        metadata (LgAssistantVersionMetadata):
        version (int):
        created_at (datetime.datetime):
        description (None | str | Unset):
    """

    assistant_id: UUID
    graph_id: str
    name: str
    config: LgAssistantVersionConfig
    context: LgAssistantVersionContext
    metadata: LgAssistantVersionMetadata
    version: int
    created_at: datetime.datetime
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assistant_id = str(self.assistant_id)

        graph_id = self.graph_id

        name = self.name

        config = self.config.to_dict()

        context = self.context.to_dict()

        metadata = self.metadata.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assistant_id": assistant_id,
                "graph_id": graph_id,
                "name": name,
                "config": config,
                "context": context,
                "metadata": metadata,
                "version": version,
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_assistant_version_config import LgAssistantVersionConfig  # noqa: PLC0415
        from ..models.lg_assistant_version_context import LgAssistantVersionContext  # noqa: PLC0415
        from ..models.lg_assistant_version_metadata import LgAssistantVersionMetadata  # noqa: PLC0415

        d = dict(src_dict)
        assistant_id = UUID(d.pop("assistant_id"))

        graph_id = d.pop("graph_id")

        name = d.pop("name")

        config = LgAssistantVersionConfig.from_dict(d.pop("config"))

        context = LgAssistantVersionContext.from_dict(d.pop("context"))

        metadata = LgAssistantVersionMetadata.from_dict(d.pop("metadata"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        lg_assistant_version = cls(
            assistant_id=assistant_id,
            graph_id=graph_id,
            name=name,
            config=config,
            context=context,
            metadata=metadata,
            version=version,
            created_at=created_at,
            description=description,
        )

        lg_assistant_version.additional_properties = d
        return lg_assistant_version

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
