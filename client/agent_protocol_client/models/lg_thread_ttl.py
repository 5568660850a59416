from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lg_thread_ttl_strategy_type_0 import LgThreadTtlStrategyType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="LgThreadTtl")


@_attrs_define
class LgThreadTtl:
    """Delete the thread `ttl` minutes from now (from the create or update that sets it);
    swept like the threads of stateless runs. Only the `delete` strategy exists.

        Attributes:
            ttl (float):
            strategy (LgThreadTtlStrategyType0 | None | Unset):
    """

    ttl: float
    strategy: LgThreadTtlStrategyType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ttl = self.ttl

        strategy: None | str | Unset
        if isinstance(self.strategy, Unset):
            strategy = UNSET
        elif isinstance(self.strategy, LgThreadTtlStrategyType0):
            strategy = self.strategy.value
        else:
            strategy = self.strategy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ttl": ttl,
            }
        )
        if strategy is not UNSET:
            field_dict["strategy"] = strategy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ttl = d.pop("ttl")

        def _parse_strategy(data: object) -> LgThreadTtlStrategyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                strategy_type_0 = LgThreadTtlStrategyType0(data)

                return strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LgThreadTtlStrategyType0 | None | Unset, data)

        strategy = _parse_strategy(d.pop("strategy", UNSET))

        lg_thread_ttl = cls(
            ttl=ttl,
            strategy=strategy,
        )

        return lg_thread_ttl
