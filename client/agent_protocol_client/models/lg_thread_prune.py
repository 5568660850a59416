from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lg_thread_prune_strategy_type_0 import LgThreadPruneStrategyType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="LgThreadPrune")


@_attrs_define
class LgThreadPrune:
    """
    Attributes:
        thread_ids (list[UUID]):
        strategy (LgThreadPruneStrategyType0 | None | Unset):
    """

    thread_ids: list[UUID]
    strategy: LgThreadPruneStrategyType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        thread_ids = []
        for thread_ids_item_data in self.thread_ids:
            thread_ids_item = str(thread_ids_item_data)
            thread_ids.append(thread_ids_item)

        strategy: None | str | Unset
        if isinstance(self.strategy, Unset):
            strategy = UNSET
        elif isinstance(self.strategy, LgThreadPruneStrategyType0):
            strategy = self.strategy.value
        else:
            strategy = self.strategy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "thread_ids": thread_ids,
            }
        )
        if strategy is not UNSET:
            field_dict["strategy"] = strategy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        thread_ids = []
        _thread_ids = d.pop("thread_ids")
        for thread_ids_item_data in _thread_ids:
            thread_ids_item = UUID(thread_ids_item_data)

            thread_ids.append(thread_ids_item)

        def _parse_strategy(data: object) -> LgThreadPruneStrategyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                strategy_type_0 = LgThreadPruneStrategyType0(data)

                return strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadPruneStrategyType0 | None | Unset, data)

        strategy = _parse_strategy(d.pop("strategy", UNSET))

        lg_thread_prune = cls(
            thread_ids=thread_ids,
            strategy=strategy,
        )

        return lg_thread_prune
