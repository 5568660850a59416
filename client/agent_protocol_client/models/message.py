from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_any_block import MessageAnyBlock
    from ..models.message_metadata import MessageMetadata
    from ..models.message_text_block import MessageTextBlock


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """
    Attributes:
        role (str): The role of the message.
        content (list[MessageAnyBlock | MessageTextBlock] | str): The content of the message.
        id (str | Unset):
        metadata (MessageMetadata | Unset):
    """

    role: str
    content: list[MessageAnyBlock | MessageTextBlock] | str
    id: str | Unset = UNSET
    metadata: MessageMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.message_text_block import MessageTextBlock  # noqa: PLC0415

        role = self.role

        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item: dict[str, Any]
                if isinstance(content_type_1_item_data, MessageTextBlock):
                    content_type_1_item = content_type_1_item_data.to_dict()
                else:
                    content_type_1_item = content_type_1_item_data.to_dict()

                content.append(content_type_1_item)

        else:
            content = self.content

        id = self.id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message_any_block import MessageAnyBlock  # noqa: PLC0415
        from ..models.message_metadata import MessageMetadata  # noqa: PLC0415
        from ..models.message_text_block import MessageTextBlock  # noqa: PLC0415

        d = dict(src_dict)
        role = d.pop("role")

        def _parse_content(data: object) -> list[MessageAnyBlock | MessageTextBlock] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for content_type_1_item_data in _content_type_1:

                    def _parse_content_type_1_item(data: object) -> MessageAnyBlock | MessageTextBlock:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            content_type_1_item_type_0 = MessageTextBlock.from_dict(data)

                            return content_type_1_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        content_type_1_item_type_1 = MessageAnyBlock.from_dict(data)

                        return content_type_1_item_type_1

                    content_type_1_item = _parse_content_type_1_item(content_type_1_item_data)

                    content_type_1.append(content_type_1_item)

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MessageAnyBlock | MessageTextBlock] | str, data)

        content = _parse_content(d.pop("content"))

        id = d.pop("id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: MessageMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MessageMetadata.from_dict(_metadata)

        message = cls(
            role=role,
            content=content,
            id=id,
            metadata=metadata,
        )

        message.additional_properties = d
        return message

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
