from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_checkpoint_ref_checkpoint_map_type_0 import LgCheckpointRefCheckpointMapType0


T = TypeVar("T", bound="LgCheckpointRef")


@_attrs_define
class LgCheckpointRef:
    """A checkpoint as the SDK sends it. A subgraph's (`checkpoint_ns` not empty, as a
    state's task gives it) is read from the graph's own checkpoints (state and history
    reads, `update_state`); a run cannot start from one (422 `not_supported`).

        Attributes:
            checkpoint_id (UUID):
            thread_id (None | str | Unset):
            checkpoint_ns (None | str | Unset):
            checkpoint_map (LgCheckpointRefCheckpointMapType0 | None | Unset):
    """

    checkpoint_id: UUID
    thread_id: None | str | Unset = UNSET
    checkpoint_ns: None | str | Unset = UNSET
    checkpoint_map: LgCheckpointRefCheckpointMapType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_checkpoint_ref_checkpoint_map_type_0 import LgCheckpointRefCheckpointMapType0  # noqa: PLC0415

        checkpoint_id = str(self.checkpoint_id)

        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = self.thread_id

        checkpoint_ns: None | str | Unset
        if isinstance(self.checkpoint_ns, Unset):
            checkpoint_ns = UNSET
        else:
            checkpoint_ns = self.checkpoint_ns

        checkpoint_map: dict[str, Any] | None | Unset
        if isinstance(self.checkpoint_map, Unset):
            checkpoint_map = UNSET
        elif isinstance(self.checkpoint_map, LgCheckpointRefCheckpointMapType0):
            checkpoint_map = self.checkpoint_map.to_dict()
        else:
            checkpoint_map = self.checkpoint_map

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checkpoint_id": checkpoint_id,
            }
        )
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if checkpoint_ns is not UNSET:
            field_dict["checkpoint_ns"] = checkpoint_ns
        if checkpoint_map is not UNSET:
            field_dict["checkpoint_map"] = checkpoint_map

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint_ref_checkpoint_map_type_0 import LgCheckpointRefCheckpointMapType0  # noqa: PLC0415

        d = dict(src_dict)
        checkpoint_id = UUID(d.pop("checkpoint_id"))

        def _parse_thread_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))

        def _parse_checkpoint_ns(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkpoint_ns = _parse_checkpoint_ns(d.pop("checkpoint_ns", UNSET))

        def _parse_checkpoint_map(data: object) -> LgCheckpointRefCheckpointMapType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                checkpoint_map_type_0 = LgCheckpointRefCheckpointMapType0.from_dict(data)

                return checkpoint_map_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCheckpointRefCheckpointMapType0 | None | Unset, data)

        checkpoint_map = _parse_checkpoint_map(d.pop("checkpoint_map", UNSET))

        lg_checkpoint_ref = cls(
            checkpoint_id=checkpoint_id,
            thread_id=thread_id,
            checkpoint_ns=checkpoint_ns,
            checkpoint_map=checkpoint_map,
        )

        return lg_checkpoint_ref
