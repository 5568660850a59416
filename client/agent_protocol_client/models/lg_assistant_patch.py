from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_patch_config_type_0 import LgAssistantPatchConfigType0
    from ..models.lg_assistant_patch_context_type_0 import LgAssistantPatchContextType0
    from ..models.lg_assistant_patch_metadata_type_0 import LgAssistantPatchMetadataType0


T = TypeVar("T", bound="LgAssistantPatch")


@_attrs_define
class LgAssistantPatch:
    """What the new version changes: `graph_id`, `config`, `context`, `name`, `description`
    replace the latest version's when given; `metadata` is merged into it.

        Attributes:
            graph_id (None | str | Unset):
            config (LgAssistantPatchConfigType0 | None | Unset):
            context (LgAssistantPatchContextType0 | None | Unset):
            metadata (LgAssistantPatchMetadataType0 | None | Unset):
            name (None | str | Unset):
            description (None | str | Unset):
    """

    graph_id: None | str | Unset = UNSET
    config: LgAssistantPatchConfigType0 | None | Unset = UNSET
    context: LgAssistantPatchContextType0 | None | Unset = UNSET
    metadata: LgAssistantPatchMetadataType0 | None | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_assistant_patch_config_type_0 import LgAssistantPatchConfigType0  # noqa: PLC0415
        from ..models.lg_assistant_patch_context_type_0 import LgAssistantPatchContextType0  # noqa: PLC0415
        from ..models.lg_assistant_patch_metadata_type_0 import LgAssistantPatchMetadataType0  # noqa: PLC0415

        graph_id: None | str | Unset
        if isinstance(self.graph_id, Unset):
            graph_id = UNSET
        else:
            graph_id = self.graph_id

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, LgAssistantPatchConfigType0):
            config = self.config.to_dict()
        else:
            config = self.config

        context: dict[str, Any] | None | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, LgAssistantPatchContextType0):
            context = self.context.to_dict()
        else:
            context = self.context

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgAssistantPatchMetadataType0):
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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if graph_id is not UNSET:
            field_dict["graph_id"] = graph_id
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_assistant_patch_config_type_0 import LgAssistantPatchConfigType0  # noqa: PLC0415
        from ..models.lg_assistant_patch_context_type_0 import LgAssistantPatchContextType0  # noqa: PLC0415
        from ..models.lg_assistant_patch_metadata_type_0 import LgAssistantPatchMetadataType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_graph_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        graph_id = _parse_graph_id(d.pop("graph_id", UNSET))

        def _parse_config(data: object) -> LgAssistantPatchConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0 = LgAssistantPatchConfigType0.from_dict(data)

                return config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantPatchConfigType0 | None | Unset, data)

        config = _parse_config(d.pop("config", UNSET))

        def _parse_context(data: object) -> LgAssistantPatchContextType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = LgAssistantPatchContextType0.from_dict(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantPatchContextType0 | None | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_metadata(data: object) -> LgAssistantPatchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgAssistantPatchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantPatchMetadataType0 | None | Unset, data)

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

        lg_assistant_patch = cls(
            graph_id=graph_id,
            config=config,
            context=context,
            metadata=metadata,
            name=name,
            description=description,
        )

        return lg_assistant_patch
