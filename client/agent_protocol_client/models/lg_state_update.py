from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_checkpoint_ref import LgCheckpointRef
    from ..models.lg_state_update_values_type_0 import LgStateUpdateValuesType0


T = TypeVar("T", bound="LgStateUpdate")


@_attrs_define
class LgStateUpdate:
    """`values` merged into the state as a new checkpoint; from `checkpoint` (or
    `checkpoint_id`) instead of the latest one, a branch.

        Attributes:
            values (LgStateUpdateValuesType0 | None | Unset):
            as_node (None | str | Unset):
            checkpoint (LgCheckpointRef | None | Unset):
            checkpoint_id (None | Unset | UUID):
    """

    values: LgStateUpdateValuesType0 | None | Unset = UNSET
    as_node: None | str | Unset = UNSET
    checkpoint: LgCheckpointRef | None | Unset = UNSET
    checkpoint_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_checkpoint_ref import LgCheckpointRef  # noqa: PLC0415
        from ..models.lg_state_update_values_type_0 import LgStateUpdateValuesType0  # noqa: PLC0415

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, LgStateUpdateValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        as_node: None | str | Unset
        if isinstance(self.as_node, Unset):
            as_node = UNSET
        else:
            as_node = self.as_node

        checkpoint: dict[str, Any] | None | Unset
        if isinstance(self.checkpoint, Unset):
            checkpoint = UNSET
        elif isinstance(self.checkpoint, LgCheckpointRef):
            checkpoint = self.checkpoint.to_dict()
        else:
            checkpoint = self.checkpoint

        checkpoint_id: None | str | Unset
        if isinstance(self.checkpoint_id, Unset):
            checkpoint_id = UNSET
        elif isinstance(self.checkpoint_id, UUID):
            checkpoint_id = str(self.checkpoint_id)
        else:
            checkpoint_id = self.checkpoint_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if values is not UNSET:
            field_dict["values"] = values
        if as_node is not UNSET:
            field_dict["as_node"] = as_node
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if checkpoint_id is not UNSET:
            field_dict["checkpoint_id"] = checkpoint_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint_ref import LgCheckpointRef  # noqa: PLC0415
        from ..models.lg_state_update_values_type_0 import LgStateUpdateValuesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_values(data: object) -> LgStateUpdateValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = LgStateUpdateValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgStateUpdateValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        def _parse_as_node(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        as_node = _parse_as_node(d.pop("as_node", UNSET))

        def _parse_checkpoint(data: object) -> LgCheckpointRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                checkpoint_type_0 = LgCheckpointRef.from_dict(data)

                return checkpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCheckpointRef | None | Unset, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint", UNSET))

        def _parse_checkpoint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checkpoint_id_type_0 = UUID(data)

                return checkpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        checkpoint_id = _parse_checkpoint_id(d.pop("checkpoint_id", UNSET))

        lg_state_update = cls(
            values=values,
            as_node=as_node,
            checkpoint=checkpoint,
            checkpoint_id=checkpoint_id,
        )

        return lg_state_update
