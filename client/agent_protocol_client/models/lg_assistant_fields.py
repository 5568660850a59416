from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_fields_config import LgAssistantFieldsConfig
    from ..models.lg_assistant_fields_context import LgAssistantFieldsContext
    from ..models.lg_assistant_fields_metadata import LgAssistantFieldsMetadata


T = TypeVar("T", bound="LgAssistantFields")


@_attrs_define
class LgAssistantFields:
    """An assistant, or the fields of it a search selected.

    Attributes:
        assistant_id (UUID | Unset):
        graph_id (str | Unset):
        name (str | Unset):
        description (None | str | Unset):
        config (LgAssistantFieldsConfig | Unset):
        context (LgAssistantFieldsContext | Unset):
        metadata (LgAssistantFieldsMetadata | Unset):
        version (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    assistant_id: UUID | Unset = UNSET
    graph_id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    config: LgAssistantFieldsConfig | Unset = UNSET
    context: LgAssistantFieldsContext | Unset = UNSET
    metadata: LgAssistantFieldsMetadata | Unset = UNSET
    version: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assistant_id: str | Unset = UNSET
        if not isinstance(self.assistant_id, Unset):
            assistant_id = str(self.assistant_id)

        graph_id = self.graph_id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        version = self.version

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if graph_id is not UNSET:
            field_dict["graph_id"] = graph_id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if config is not UNSET:
            field_dict["config"] = config
        if context is not UNSET:
            field_dict["context"] = context
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_assistant_fields_config import LgAssistantFieldsConfig  # noqa: PLC0415
        from ..models.lg_assistant_fields_context import LgAssistantFieldsContext  # noqa: PLC0415
        from ..models.lg_assistant_fields_metadata import LgAssistantFieldsMetadata  # noqa: PLC0415

        d = dict(src_dict)
        _assistant_id = d.pop("assistant_id", UNSET)
        assistant_id: UUID | Unset
        if isinstance(_assistant_id, Unset):
            assistant_id = UNSET
        else:
            assistant_id = UUID(_assistant_id)

        graph_id = d.pop("graph_id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _config = d.pop("config", UNSET)
        config: LgAssistantFieldsConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = LgAssistantFieldsConfig.from_dict(_config)

        _context = d.pop("context", UNSET)
        context: LgAssistantFieldsContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = LgAssistantFieldsContext.from_dict(_context)

        _metadata = d.pop("metadata", UNSET)
        metadata: LgAssistantFieldsMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = LgAssistantFieldsMetadata.from_dict(_metadata)

        version = d.pop("version", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        lg_assistant_fields = cls(
            assistant_id=assistant_id,
            graph_id=graph_id,
            name=name,
            description=description,
            config=config,
            context=context,
            metadata=metadata,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        lg_assistant_fields.additional_properties = d
        return lg_assistant_fields

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
