from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.store_search_request_filter_type_0 import StoreSearchRequestFilterType0


T = TypeVar("T", bound="StoreSearchRequest")


@_attrs_define
class StoreSearchRequest:
    """
    Attributes:
        namespace_prefix (list[str] | None | Unset):
        filter_ (None | StoreSearchRequestFilterType0 | Unset): Key-value pairs the item's value must contain.
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
    """

    namespace_prefix: list[str] | None | Unset = UNSET
    filter_: None | StoreSearchRequestFilterType0 | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.store_search_request_filter_type_0 import StoreSearchRequestFilterType0  # noqa: PLC0415

        namespace_prefix: list[str] | None | Unset
        if isinstance(self.namespace_prefix, Unset):
            namespace_prefix = UNSET
        elif isinstance(self.namespace_prefix, list):
            namespace_prefix = self.namespace_prefix

        else:
            namespace_prefix = self.namespace_prefix

        filter_: dict[str, Any] | None | Unset
        if isinstance(self.filter_, Unset):
            filter_ = UNSET
        elif isinstance(self.filter_, StoreSearchRequestFilterType0):
            filter_ = self.filter_.to_dict()
        else:
            filter_ = self.filter_

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if namespace_prefix is not UNSET:
            field_dict["namespace_prefix"] = namespace_prefix
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.store_search_request_filter_type_0 import StoreSearchRequestFilterType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_namespace_prefix(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                namespace_prefix_type_0 = cast(list[str], data)

                return namespace_prefix_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        namespace_prefix = _parse_namespace_prefix(d.pop("namespace_prefix", UNSET))

        def _parse_filter_(data: object) -> None | StoreSearchRequestFilterType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filter_type_0 = StoreSearchRequestFilterType0.from_dict(data)

                return filter_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoreSearchRequestFilterType0 | Unset, data)

        filter_ = _parse_filter_(d.pop("filter", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        store_search_request = cls(
            namespace_prefix=namespace_prefix,
            filter_=filter_,
            limit=limit,
            offset=offset,
        )

        store_search_request.additional_properties = d
        return store_search_request

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
