from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lg_assistant_create_if_exists_type_0 import LgAssistantCreateIfExistsType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_create_config_type_0 import LgAssistantCreateConfigType0
    from ..models.lg_assistant_create_context_type_0 import LgAssistantCreateContextType0
    from ..models.lg_assistant_create_metadata_type_0 import LgAssistantCreateMetadataType0


T = TypeVar("T", bound="LgAssistantCreate")


@_attrs_define
class LgAssistantCreate:
    """
    Attributes:
        graph_id (str): The graph (agent) it runs.
        assistant_id (None | Unset | UUID):
        config (LgAssistantCreateConfigType0 | None | Unset):
        context (LgAssistantCreateContextType0 | None | Unset):
        metadata (LgAssistantCreateMetadataType0 | None | Unset):
        name (None | str | Unset):
        description (None | str | Unset):
        if_exists (LgAssistantCreateIfExistsType0 | None | Unset):
    """

    graph_id: str
    assistant_id: None | Unset | UUID = UNSET
    config: LgAssistantCreateConfigType0 | None | Unset = UNSET
    context: LgAssistantCreateContextType0 | None | Unset = UNSET
    metadata: LgAssistantCreateMetadataType0 | None | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    if_exists: LgAssistantCreateIfExistsType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_assistant_create_config_type_0 import LgAssistantCreateConfigType0  # noqa: PLC0415
        from ..models.lg_assistant_create_context_type_0 import LgAssistantCreateContextType0  # noqa: PLC0415
        from ..models.lg_assistant_create_metadata_type_0 import LgAssistantCreateMetadataType0  # noqa: PLC0415

        graph_id = self.graph_id

        assistant_id: None | str | Unset
        if isinstance(self.assistant_id, Unset):
            assistant_id = UNSET
        elif isinstance(self.assistant_id, UUID):
            assistant_id = str(self.assistant_id)
        else:
            assistant_id = self.assistant_id

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, LgAssistantCreateConfigType0):
            config = self.config.to_dict()
        else:
            config = self.config

        context: dict[str, Any] | None | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, LgAssistantCreateContextType0):
            context = self.context.to_dict()
        else:
            context = self.context

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgAssistantCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        if_exists: None | str | Unset
        if isinstance(self.if_exists, Unset):
            if_exists = UNSET
        elif isinstance(self.if_exists, LgAssistantCreateIfExistsType0):
            if_exists = self.if_exists.value
        else:
            if_exists = self.if_exists

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "graph_id": graph_id,
            }
        )
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if config is not UNSET:
            field_dict["config"] = config
        if context is not UNSET:
            field_dict["context"] = context
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if if_exists is not UNSET:
            field_dict["if_exists"] = if_exists

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_assistant_create_config_type_0 import LgAssistantCreateConfigType0  # noqa: PLC0415
        from ..models.lg_assistant_create_context_type_0 import LgAssistantCreateContextType0  # noqa: PLC0415
        from ..models.lg_assistant_create_metadata_type_0 import LgAssistantCreateMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        graph_id = d.pop("graph_id")

        def _parse_assistant_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assistant_id_type_0 = UUID(data)

                return assistant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assistant_id = _parse_assistant_id(d.pop("assistant_id", UNSET))

        def _parse_config(data: object) -> LgAssistantCreateConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0 = LgAssistantCreateConfigType0.from_dict(data)

                return config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantCreateConfigType0 | None | Unset, data)

        config = _parse_config(d.pop("config", UNSET))

        def _parse_context(data: object) -> LgAssistantCreateContextType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = LgAssistantCreateContextType0.from_dict(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantCreateContextType0 | None | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_metadata(data: object) -> LgAssistantCreateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgAssistantCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantCreateMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_if_exists(data: object) -> LgAssistantCreateIfExistsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                if_exists_type_0 = LgAssistantCreateIfExistsType0(data)

                return if_exists_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantCreateIfExistsType0 | None | Unset, data)

        if_exists = _parse_if_exists(d.pop("if_exists", UNSET))

        lg_assistant_create = cls(
            graph_id=graph_id,
            assistant_id=assistant_id,
            config=config,
            context=context,
            metadata=metadata,
            name=name,
            description=description,
            if_exists=if_exists,
        )

        return lg_assistant_create
