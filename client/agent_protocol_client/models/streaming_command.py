from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.streaming_command_params import StreamingCommandParams


T = TypeVar("T", bound="StreamingCommand")


@_attrs_define
class StreamingCommand:
    """A client command. `method` is one of `run.start`, `input.respond`, `input.inject`,
    `state.get`, `state.listCheckpoints`, `state.fork`, `agent.getTree`, and on a
    WebSocket `subscription.subscribe`, `subscription.unsubscribe`,
    `subscription.reconnect`; another is answered with the protocol error
    `unknown_command` (a string here, so that the answer is a protocol error, as the
    protocol says, not a 422). `params` depends on the method (see `README.md`); bad
    params are the protocol error `invalid_argument`.

        Attributes:
            id (int): Chosen by the client; its response carries it.
            method (str):
            params (StreamingCommandParams | Unset):
    """

    id: int
    method: str
    params: StreamingCommandParams | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        method = self.method

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "method": method,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.streaming_command_params import StreamingCommandParams  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        method = d.pop("method")

        _params = d.pop("params", UNSET)
        params: StreamingCommandParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = StreamingCommandParams.from_dict(_params)

        streaming_command = cls(
            id=id,
            method=method,
            params=params,
        )

        return streaming_command
