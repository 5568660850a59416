from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_checkpoint_ref import LgCheckpointRef


T = TypeVar("T", bound="LgStateAtCheckpoint")


@_attrs_define
class LgStateAtCheckpoint:
    """The state at `checkpoint` (a subgraph's when `checkpoint_ns` names one); with
    `subgraphs: true` the tasks running a subgraph carry its state. `select` is refused
    (422 `not_supported`): LangGraph's server ignores it, and no field is dropped silently here.

        Attributes:
            checkpoint (LgCheckpointRef): A checkpoint as the SDK sends it. A subgraph's (`checkpoint_ns` not empty, as a
                state's task gives it) is read from the graph's own checkpoints (state and history
                reads, `update_state`); a run cannot start from one (422 `not_supported`).
            subgraphs (bool | None | Unset):
            select (Any | Unset):
    """

    checkpoint: LgCheckpointRef
    subgraphs: bool | None | Unset = UNSET
    select: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        checkpoint = self.checkpoint.to_dict()

        subgraphs: bool | None | Unset
        if isinstance(self.subgraphs, Unset):
            subgraphs = UNSET
        else:
            subgraphs = self.subgraphs

        select = self.select

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checkpoint": checkpoint,
            }
        )
        if subgraphs is not UNSET:
            field_dict["subgraphs"] = subgraphs
        if select is not UNSET:
            field_dict["select"] = select

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint_ref import LgCheckpointRef  # noqa: PLC0415

        d = dict(src_dict)
        checkpoint = LgCheckpointRef.from_dict(d.pop("checkpoint"))

        def _parse_subgraphs(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        subgraphs = _parse_subgraphs(d.pop("subgraphs", UNSET))

        select = d.pop("select", UNSET)

        lg_state_at_checkpoint = cls(
            checkpoint=checkpoint,
            subgraphs=subgraphs,
            select=select,
        )

        return lg_state_at_checkpoint
