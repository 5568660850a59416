from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lg_thread_create_if_exists_type_0 import LgThreadCreateIfExistsType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_superstep import LgSuperstep
    from ..models.lg_thread_create_metadata_type_0 import LgThreadCreateMetadataType0
    from ..models.lg_thread_ttl import LgThreadTtl


T = TypeVar("T", bound="LgThreadCreate")


@_attrs_define
class LgThreadCreate:
    """
    Attributes:
        thread_id (None | Unset | UUID):
        metadata (LgThreadCreateMetadataType0 | None | Unset):
        if_exists (LgThreadCreateIfExistsType0 | None | Unset):
        supersteps (list[LgSuperstep] | None | Unset): State updates applied in order once the thread is made, each as
            `threads.update_state` applies it (`command` is refused: 422 `not_supported`).
        ttl (LgThreadTtl | None | Unset):
    """

    thread_id: None | Unset | UUID = UNSET
    metadata: LgThreadCreateMetadataType0 | None | Unset = UNSET
    if_exists: LgThreadCreateIfExistsType0 | None | Unset = UNSET
    supersteps: list[LgSuperstep] | None | Unset = UNSET
    ttl: LgThreadTtl | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_create_metadata_type_0 import LgThreadCreateMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_ttl import LgThreadTtl  # noqa: PLC0415

        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        elif isinstance(self.thread_id, UUID):
            thread_id = str(self.thread_id)
        else:
            thread_id = self.thread_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgThreadCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        if_exists: None | str | Unset
        if isinstance(self.if_exists, Unset):
            if_exists = UNSET
        elif isinstance(self.if_exists, LgThreadCreateIfExistsType0):
            if_exists = self.if_exists.value
        else:
            if_exists = self.if_exists

        supersteps: list[dict[str, Any]] | None | Unset
        if isinstance(self.supersteps, Unset):
            supersteps = UNSET
        elif isinstance(self.supersteps, list):
            supersteps = []
            for supersteps_type_0_item_data in self.supersteps:
                supersteps_type_0_item = supersteps_type_0_item_data.to_dict()
                supersteps.append(supersteps_type_0_item)

        else:
            supersteps = self.supersteps

        ttl: dict[str, Any] | None | Unset
        if isinstance(self.ttl, Unset):
            ttl = UNSET
        elif isinstance(self.ttl, LgThreadTtl):
            ttl = self.ttl.to_dict()
        else:
            ttl = self.ttl

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if if_exists is not UNSET:
            field_dict["if_exists"] = if_exists
        if supersteps is not UNSET:
            field_dict["supersteps"] = supersteps
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_superstep import LgSuperstep  # noqa: PLC0415
        from ..models.lg_thread_create_metadata_type_0 import LgThreadCreateMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_ttl import LgThreadTtl  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_thread_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                thread_id_type_0 = UUID(data)

                return thread_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))

        def _parse_metadata(data: object) -> LgThreadCreateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgThreadCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadCreateMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_if_exists(data: object) -> LgThreadCreateIfExistsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                if_exists_type_0 = LgThreadCreateIfExistsType0(data)

                return if_exists_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadCreateIfExistsType0 | None | Unset, data)

        if_exists = _parse_if_exists(d.pop("if_exists", UNSET))

        def _parse_supersteps(data: object) -> list[LgSuperstep] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supersteps_type_0 = []
                _supersteps_type_0 = data
                for supersteps_type_0_item_data in _supersteps_type_0:
                    supersteps_type_0_item = LgSuperstep.from_dict(supersteps_type_0_item_data)

                    supersteps_type_0.append(supersteps_type_0_item)

                return supersteps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LgSuperstep] | None | Unset, data)

        supersteps = _parse_supersteps(d.pop("supersteps", UNSET))

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

        lg_thread_create = cls(
            thread_id=thread_id,
            metadata=metadata,
            if_exists=if_exists,
            supersteps=supersteps,
            ttl=ttl,
        )

        return lg_thread_create
