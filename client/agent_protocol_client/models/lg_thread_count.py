from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lg_thread_count_status_type_0 import LgThreadCountStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_thread_count_metadata_type_0 import LgThreadCountMetadataType0
    from ..models.lg_thread_count_values_type_0 import LgThreadCountValuesType0


T = TypeVar("T", bound="LgThreadCount")


@_attrs_define
class LgThreadCount:
    """
    Attributes:
        metadata (LgThreadCountMetadataType0 | None | Unset):
        values (LgThreadCountValuesType0 | None | Unset):
        status (LgThreadCountStatusType0 | None | Unset):
    """

    metadata: LgThreadCountMetadataType0 | None | Unset = UNSET
    values: LgThreadCountValuesType0 | None | Unset = UNSET
    status: LgThreadCountStatusType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_count_metadata_type_0 import LgThreadCountMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_count_values_type_0 import LgThreadCountValuesType0  # noqa: PLC0415

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgThreadCountMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, LgThreadCountValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, LgThreadCountStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if values is not UNSET:
            field_dict["values"] = values
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_thread_count_metadata_type_0 import LgThreadCountMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_count_values_type_0 import LgThreadCountValuesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_metadata(data: object) -> LgThreadCountMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgThreadCountMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadCountMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_values(data: object) -> LgThreadCountValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgThreadCountValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadCountValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        def _parse_status(data: object) -> LgThreadCountStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = LgThreadCountStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadCountStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        lg_thread_count = cls(
            metadata=metadata,
            values=values,
            status=status,
        )

        return lg_thread_count
