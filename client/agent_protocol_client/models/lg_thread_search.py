from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lg_thread_field import LgThreadField
from ..models.lg_thread_search_sort_by_type_0 import LgThreadSearchSortByType0
from ..models.lg_thread_search_sort_order_type_0 import LgThreadSearchSortOrderType0
from ..models.lg_thread_search_status_type_0 import LgThreadSearchStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_thread_search_extract_type_0 import LgThreadSearchExtractType0
    from ..models.lg_thread_search_metadata_type_0 import LgThreadSearchMetadataType0
    from ..models.lg_thread_search_values_type_0 import LgThreadSearchValuesType0


T = TypeVar("T", bound="LgThreadSearch")


@_attrs_define
class LgThreadSearch:
    """
    Attributes:
        metadata (LgThreadSearchMetadataType0 | None | Unset):
        values (LgThreadSearchValuesType0 | None | Unset):
        ids (list[UUID] | None | Unset):
        status (LgThreadSearchStatusType0 | None | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        sort_by (LgThreadSearchSortByType0 | None | Unset):
        sort_order (LgThreadSearchSortOrderType0 | None | Unset):
        select (list[LgThreadField] | None | Unset):
        extract (LgThreadSearchExtractType0 | None | Unset): Named paths into each thread (`values.messages[-1]`,
            `metadata.user`), returned
            in its `extracted` object (null where a path leads nowhere). At most 10.
    """

    metadata: LgThreadSearchMetadataType0 | None | Unset = UNSET
    values: LgThreadSearchValuesType0 | None | Unset = UNSET
    ids: list[UUID] | None | Unset = UNSET
    status: LgThreadSearchStatusType0 | None | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    sort_by: LgThreadSearchSortByType0 | None | Unset = UNSET
    sort_order: LgThreadSearchSortOrderType0 | None | Unset = UNSET
    select: list[LgThreadField] | None | Unset = UNSET
    extract: LgThreadSearchExtractType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_thread_search_extract_type_0 import LgThreadSearchExtractType0  # noqa: PLC0415
        from ..models.lg_thread_search_metadata_type_0 import LgThreadSearchMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_search_values_type_0 import LgThreadSearchValuesType0  # noqa: PLC0415

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgThreadSearchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, LgThreadSearchValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        ids: list[str] | None | Unset
        if isinstance(self.ids, Unset):
            ids = UNSET
        elif isinstance(self.ids, list):
            ids = []
            for ids_type_0_item_data in self.ids:
                ids_type_0_item = str(ids_type_0_item_data)
                ids.append(ids_type_0_item)

        else:
            ids = self.ids

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, LgThreadSearchStatusType0):
            status = self.status.value
        else:
            status = self.status

        limit = self.limit

        offset = self.offset

        sort_by: None | str | Unset
        if isinstance(self.sort_by, Unset):
            sort_by = UNSET
        elif isinstance(self.sort_by, LgThreadSearchSortByType0):
            sort_by = self.sort_by.value
        else:
            sort_by = self.sort_by

        sort_order: None | str | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        elif isinstance(self.sort_order, LgThreadSearchSortOrderType0):
            sort_order = self.sort_order.value
        else:
            sort_order = self.sort_order

        select: list[str] | None | Unset
        if isinstance(self.select, Unset):
            select = UNSET
        elif isinstance(self.select, list):
            select = []
            for select_type_0_item_data in self.select:
                select_type_0_item = select_type_0_item_data.value
                select.append(select_type_0_item)

        else:
            select = self.select

        extract: dict[str, Any] | None | Unset
        if isinstance(self.extract, Unset):
            extract = UNSET
        elif isinstance(self.extract, LgThreadSearchExtractType0):
            extract = self.extract.to_dict()
        else:
            extract = self.extract

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if values is not UNSET:
            field_dict["values"] = values
        if ids is not UNSET:
            field_dict["ids"] = ids
        if status is not UNSET:
            field_dict["status"] = status
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        if sort_by is not UNSET:
            field_dict["sort_by"] = sort_by
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order
        if select is not UNSET:
            field_dict["select"] = select
        if extract is not UNSET:
            field_dict["extract"] = extract

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_thread_search_extract_type_0 import LgThreadSearchExtractType0  # noqa: PLC0415
        from ..models.lg_thread_search_metadata_type_0 import LgThreadSearchMetadataType0  # noqa: PLC0415
        from ..models.lg_thread_search_values_type_0 import LgThreadSearchValuesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_metadata(data: object) -> LgThreadSearchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgThreadSearchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_values(data: object) -> LgThreadSearchValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgThreadSearchValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        def _parse_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ids_type_0 = []
                _ids_type_0 = data
                for ids_type_0_item_data in _ids_type_0:
                    ids_type_0_item = UUID(ids_type_0_item_data)

                    ids_type_0.append(ids_type_0_item)

                return ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        ids = _parse_ids(d.pop("ids", UNSET))

        def _parse_status(data: object) -> LgThreadSearchStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = LgThreadSearchStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        def _parse_sort_by(data: object) -> LgThreadSearchSortByType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sort_by_type_0 = LgThreadSearchSortByType0(data)

                return sort_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchSortByType0 | None | Unset, data)

        sort_by = _parse_sort_by(d.pop("sort_by", UNSET))

        def _parse_sort_order(data: object) -> LgThreadSearchSortOrderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sort_order_type_0 = LgThreadSearchSortOrderType0(data)

                return sort_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchSortOrderType0 | None | Unset, data)

        sort_order = _parse_sort_order(d.pop("sort_order", UNSET))

        def _parse_select(data: object) -> list[LgThreadField] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                select_type_0 = []
                _select_type_0 = data
                for select_type_0_item_data in _select_type_0:
                    select_type_0_item = LgThreadField(select_type_0_item_data)

                    select_type_0.append(select_type_0_item)

                return select_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LgThreadField] | None | Unset, data)

        select = _parse_select(d.pop("select", UNSET))

        def _parse_extract(data: object) -> LgThreadSearchExtractType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                extract_type_0 = LgThreadSearchExtractType0.from_dict(data)

                return extract_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadSearchExtractType0 | None | Unset, data)

        extract = _parse_extract(d.pop("extract", UNSET))

        lg_thread_search = cls(
            metadata=metadata,
            values=values,
            ids=ids,
            status=status,
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            select=select,
            extract=extract,
        )

        return lg_thread_search
