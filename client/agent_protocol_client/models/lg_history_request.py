from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lg_checkpoint_namespace import LgCheckpointNamespace
    from ..models.lg_checkpoint_ref import LgCheckpointRef
    from ..models.lg_history_request_metadata_type_0 import LgHistoryRequestMetadataType0


T = TypeVar("T", bound="LgHistoryRequest")


@_attrs_define
class LgHistoryRequest:
    """
    Attributes:
        limit (int | Unset):  Default: 10.
        before (LgCheckpointRef | None | Unset | UUID): The checkpoint (or its id) the history goes back from.
        metadata (LgHistoryRequestMetadataType0 | None | Unset): Only the checkpoints whose metadata contains this.
        checkpoint (LgCheckpointNamespace | None | Unset): A subgraph's namespace (`checkpoint_ns` not empty, with or
            without a
            `checkpoint_id`): the history is that subgraph's, from the graph's own
            checkpoints (LangGraph's ids); the root graph's (empty `checkpoint_ns`): the
            thread's history, as without it.
        select (Any | Unset): Refused when given (422 `not_supported`): LangGraph's server ignores it, and no field is
            dropped silently here.
    """

    limit: int | Unset = 10
    before: LgCheckpointRef | None | Unset | UUID = UNSET
    metadata: LgHistoryRequestMetadataType0 | None | Unset = UNSET
    checkpoint: LgCheckpointNamespace | None | Unset = UNSET
    select: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lg_checkpoint_namespace import LgCheckpointNamespace  # noqa: PLC0415
        from ..models.lg_checkpoint_ref import LgCheckpointRef  # noqa: PLC0415
        from ..models.lg_history_request_metadata_type_0 import LgHistoryRequestMetadataType0  # noqa: PLC0415

        limit = self.limit

        before: dict[str, Any] | None | str | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        elif isinstance(self.before, LgCheckpointRef):
            before = self.before.to_dict()
        elif isinstance(self.before, UUID):
            before = str(self.before)
        else:
            before = self.before

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LgHistoryRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        checkpoint: dict[str, Any] | None | Unset
        if isinstance(self.checkpoint, Unset):
            checkpoint = UNSET
        elif isinstance(self.checkpoint, LgCheckpointNamespace):
            checkpoint = self.checkpoint.to_dict()
        else:
            checkpoint = self.checkpoint

        select = self.select

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if limit is not UNSET:
            field_dict["limit"] = limit
        if before is not UNSET:
            field_dict["before"] = before
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if select is not UNSET:
            field_dict["select"] = select

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lg_checkpoint_namespace import LgCheckpointNamespace  # noqa: PLC0415
        from ..models.lg_checkpoint_ref import LgCheckpointRef  # noqa: PLC0415
        from ..models.lg_history_request_metadata_type_0 import LgHistoryRequestMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        limit = d.pop("limit", UNSET)

        def _parse_before(data: object) -> LgCheckpointRef | None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = LgCheckpointRef.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                before_type_1 = UUID(data)

                return before_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCheckpointRef | None | Unset | UUID, data)

        before = _parse_before(d.pop("before", UNSET))

        def _parse_metadata(data: object) -> LgHistoryRequestMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LgHistoryRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgHistoryRequestMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_checkpoint(data: object) -> LgCheckpointNamespace | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                checkpoint_type_0 = LgCheckpointNamespace.from_dict(data)

                return checkpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgCheckpointNamespace | None | Unset, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint", UNSET))

        select = d.pop("select", UNSET)

        lg_history_request = cls(
            limit=limit,
            before=before,
            metadata=metadata,
            checkpoint=checkpoint,
            select=select,
        )

        return lg_history_request
