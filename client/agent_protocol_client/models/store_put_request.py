from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.store_put_request_value import StorePutRequestValue


T = TypeVar("T", bound="StorePutRequest")


@_attrs_define
class StorePutRequest:
    """
    Attributes:
        namespace (list[str]): A namespace path, like a directory.
        key (str):
        value (StorePutRequestValue):
    """

    namespace: list[str]
    key: str
    value: StorePutRequestValue
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        namespace = self.namespace

        key = self.key

        value = self.value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "namespace": namespace,
                "key": key,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.store_put_request_value import StorePutRequestValue  # noqa: PLC0415

        d = dict(src_dict)
        namespace = cast(list[str], d.pop("namespace"))

        key = d.pop("key")

        value = StorePutRequestValue.from_dict(d.pop("value"))

        store_put_request = cls(
            namespace=namespace,
            key=key,
            value=value,
        )

        store_put_request.additional_properties = d
        return store_put_request

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
