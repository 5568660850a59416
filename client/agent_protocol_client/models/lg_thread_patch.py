from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_thread_patch_metadata_type_0 import LgThreadPatchMetadataType0
    from ..models.lg_thread_ttl import LgThreadTtl


T = TypeVar("T", bound="LgThreadPatch")


@_attrs_define
class LgThreadPatch:
    """
    Attributes:
        metadata (LgThreadPatchMetadataType0 | None | Unset):
        ttl (LgThreadTtl | None | Unset):
    """

    metadata: LgThreadPatchMetadataType0 | None | Unset = UNSET
    ttl: LgThreadTtl | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_patch_metadata_type_0 import LgThreadPatchMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_ttl import LgThreadTtl  # noqa: PLC0415

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgThreadPatchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        ttl: dict[str, Any] | None | Unset
        if isinstance(self.ttl, Unset):
            ttl = UNSET
        elif isinstance(self.ttl, LgThreadTtl):
            ttl = self.ttl.to_dict()
        else:
            ttl = self.ttl

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_thread_patch_metadata_type_0 import LgThreadPatchMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_ttl import LgThreadTtl  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_metadata(data: object) -> LgThreadPatchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgThreadPatchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadPatchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_ttl(data: object) -> LgThreadTtl | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ttl_type_0 = LgThreadTtl.from_dict(data)

                return ttl_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadTtl | None | Unset, data)

        ttl = _parse_ttl(d.pop("ttl", UNSET))

        lg_thread_patch = cls(
            metadata=metadata,
            ttl=ttl,
        )

        return lg_thread_patch
