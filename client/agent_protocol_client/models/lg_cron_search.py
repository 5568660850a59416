from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lg_cron_search_select_type_0_item import LgCronSearchSelectType0Item
from ..models.lg_cron_search_sort_by_type_0 import LgCronSearchSortByType0
from ..models.lg_cron_search_sort_order_type_0 import LgCronSearchSortOrderType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_cron_search_metadata_type_0 import LgCronSearchMetadataType0


T = TypeVar("T", bound="LgCronSearch")


@_attrs_define
class LgCronSearch:
    """
    Attributes:
        assistant_id (None | str | Unset):
        thread_id (None | Unset | UUID):
        enabled (bool | None | Unset):
        metadata (LgCronSearchMetadataType0 | None | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        sort_by (LgCronSearchSortByType0 | None | Unset):
        sort_order (LgCronSearchSortOrderType0 | None | Unset):
        select (list[LgCronSearchSelectType0Item] | None | Unset):
    """

    assistant_id: None | str | Unset = UNSET
    thread_id: None | Unset | UUID = UNSET
    enabled: bool | None | Unset = UNSET
    metadata: LgCronSearchMetadataType0 | None | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    sort_by: LgCronSearchSortByType0 | None | Unset = UNSET
    sort_order: LgCronSearchSortOrderType0 | None | Unset = UNSET
    select: list[LgCronSearchSelectType0Item] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_cron_search_metadata_type_0 import LgCronSearchMetadataType0  # noqa: PLC0415

        assistant_id: None | str | Unset
        if isinstance(self.assistant_id, Unset):
            assistant_id = UNSET
        else:
            assistant_id = self.assistant_id

        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        elif isinstance(self.thread_id, UUID):
            thread_id = str(self.thread_id)
        else:
            thread_id = self.thread_id

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgCronSearchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        limit = self.limit

        offset = self.offset

        sort_by: None | str | Unset
        if isinstance(self.sort_by, Unset):
            sort_by = UNSET
        elif isinstance(self.sort_by, LgCronSearchSortByType0):
            sort_by = self.sort_by.value
        else:
            sort_by = self.sort_by

        sort_order: None | str | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        elif isinstance(self.sort_order, LgCronSearchSortOrderType0):
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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_cron_search_metadata_type_0 import LgCronSearchMetadataType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_assistant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assistant_id = _parse_assistant_id(d.pop("assistant_id", UNSET))

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

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_metadata(data: object) -> LgCronSearchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgCronSearchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronSearchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        def _parse_sort_by(data: object) -> LgCronSearchSortByType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sort_by_type_0 = LgCronSearchSortByType0(data)

                return sort_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronSearchSortByType0 | None | Unset, data)

        sort_by = _parse_sort_by(d.pop("sort_by", UNSET))

        def _parse_sort_order(data: object) -> LgCronSearchSortOrderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sort_order_type_0 = LgCronSearchSortOrderType0(data)

                return sort_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCronSearchSortOrderType0 | None | Unset, data)

        sort_order = _parse_sort_order(d.pop("sort_order", UNSET))

        def _parse_select(data: object) -> list[LgCronSearchSelectType0Item] | None | Unset:
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
                    select_type_0_item = LgCronSearchSelectType0Item(select_type_0_item_data)

                    select_type_0.append(select_type_0_item)

                return select_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LgCronSearchSelectType0Item] | None | Unset, data)

        select = _parse_select(d.pop("select", UNSET))

        lg_cron_search = cls(
            assistant_id=assistant_id,
            thread_id=thread_id,
            enabled=enabled,
            metadata=metadata,
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            select=select,
        )

        return lg_cron_search
