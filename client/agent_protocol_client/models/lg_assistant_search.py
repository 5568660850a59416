from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lg_assistant_field import LgAssistantField
from ..models.lg_assistant_search_sort_by_type_0 import LgAssistantSearchSortByType0
from ..models.lg_assistant_search_sort_order_type_0 import LgAssistantSearchSortOrderType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_assistant_search_metadata_type_0 import LgAssistantSearchMetadataType0


T = TypeVar("T", bound="LgAssistantSearch")


@_attrs_define
class LgAssistantSearch:
    """
    Attributes:
        graph_id (None | str | Unset):
        name (None | str | Unset): A part of the name (case-insensitive).
        metadata (LgAssistantSearchMetadataType0 | None | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        sort_by (LgAssistantSearchSortByType0 | None | Unset):
        sort_order (LgAssistantSearchSortOrderType0 | None | Unset):
        select (list[LgAssistantField] | None | Unset):
    """

    graph_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    metadata: LgAssistantSearchMetadataType0 | None | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    sort_by: LgAssistantSearchSortByType0 | None | Unset = UNSET
    sort_order: LgAssistantSearchSortOrderType0 | None | Unset = UNSET
    select: list[LgAssistantField] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_assistant_search_metadata_type_0 import LgAssistantSearchMetadataType0  # noqa: PLC0415

        graph_id: None | str | Unset
        if isinstance(self.graph_id, Unset):
            graph_id = UNSET
        else:
            graph_id = self.graph_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgAssistantSearchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        limit = self.limit

        offset = self.offset

        sort_by: None | str | Unset
        if isinstance(self.sort_by, Unset):
            sort_by = UNSET
        elif isinstance(self.sort_by, LgAssistantSearchSortByType0):
            sort_by = self.sort_by.value
        else:
            sort_by = self.sort_by

        sort_order: None | str | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        elif isinstance(self.sort_order, LgAssistantSearchSortOrderType0):
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
        if graph_id is not UNSET:
            field_dict["graph_id"] = graph_id
        if name is not UNSET:
            field_dict["name"] = name
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
        from ..models.lg_assistant_search_metadata_type_0 import LgAssistantSearchMetadataType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_graph_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        graph_id = _parse_graph_id(d.pop("graph_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_metadata(data: object) -> LgAssistantSearchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgAssistantSearchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantSearchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        def _parse_sort_by(data: object) -> LgAssistantSearchSortByType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sort_by_type_0 = LgAssistantSearchSortByType0(data)

                return sort_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantSearchSortByType0 | None | Unset, data)

        sort_by = _parse_sort_by(d.pop("sort_by", UNSET))

        def _parse_sort_order(data: object) -> LgAssistantSearchSortOrderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sort_order_type_0 = LgAssistantSearchSortOrderType0(data)

                return sort_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgAssistantSearchSortOrderType0 | None | Unset, data)

        sort_order = _parse_sort_order(d.pop("sort_order", UNSET))

        def _parse_select(data: object) -> list[LgAssistantField] | None | Unset:
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
                    select_type_0_item = LgAssistantField(select_type_0_item_data)

                    select_type_0.append(select_type_0_item)

                return select_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LgAssistantField] | None | Unset, data)

        select = _parse_select(d.pop("select", UNSET))

        lg_assistant_search = cls(
            graph_id=graph_id,
            name=name,
            metadata=metadata,
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            select=select,
        )

        return lg_assistant_search
