from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.streaming_channel_name import StreamingChannelName
from ..types import UNSET, Unset

T = TypeVar("T", bound="EventStreamRequest")


@_attrs_define
class EventStreamRequest:
    """
    Attributes:
        channels (list[str | StreamingChannelName]):
        namespaces (list[list[str]] | Unset): Namespace prefixes; omitted, every namespace.
        depth (int | Unset): How many levels below a prefix an event may be.
        since (int | Unset): Replay the stored events after this `seq`, then follow live ones.
        follow (bool | Unset): `false`: send the stored events after `since`, then end the stream (read the log
            so far), instead of following live ones.
             Default: True.
    """

    channels: list[str | StreamingChannelName]
    namespaces: list[list[str]] | Unset = UNSET
    depth: int | Unset = UNSET
    since: int | Unset = UNSET
    follow: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item: str
            if isinstance(channels_item_data, StreamingChannelName):
                channels_item = channels_item_data.value
            else:
                channels_item = channels_item_data
            channels.append(channels_item)

        namespaces: list[list[str]] | Unset = UNSET
        if not isinstance(self.namespaces, Unset):
            namespaces = []
            for namespaces_item_data in self.namespaces:
                namespaces_item = namespaces_item_data

                namespaces.append(namespaces_item)

        depth = self.depth

        since = self.since

        follow = self.follow

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channels": channels,
            }
        )
        if namespaces is not UNSET:
            field_dict["namespaces"] = namespaces
        if depth is not UNSET:
            field_dict["depth"] = depth
        if since is not UNSET:
            field_dict["since"] = since
        if follow is not UNSET:
            field_dict["follow"] = follow

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:

            def _parse_channels_item(data: object) -> str | StreamingChannelName:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_streaming_channel_type_0 = StreamingChannelName(data)

                    return componentsschemas_streaming_channel_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(str | StreamingChannelName, data)

            channels_item = _parse_channels_item(channels_item_data)

            channels.append(channels_item)

        _namespaces = d.pop("namespaces", UNSET)
        namespaces: list[list[str]] | Unset = UNSET
        if _namespaces is not UNSET:
            namespaces = []
            for namespaces_item_data in _namespaces:
                namespaces_item = cast(list[str], namespaces_item_data)

                namespaces.append(namespaces_item)

        depth = d.pop("depth", UNSET)

        since = d.pop("since", UNSET)

        follow = d.pop("follow", UNSET)

        event_stream_request = cls(
            channels=channels,
            namespaces=namespaces,
            depth=depth,
            since=since,
            follow=follow,
        )

        return event_stream_request
