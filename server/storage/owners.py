"""Whose rows a store reads and writes: the one place owner isolation is decided.

Every thread, run and store item has an `owner` column. A store built with a `Scope` sees
only its owner's rows (another owner's row is as absent as a missing one: 404, not 403,
and never in a search) and gives what it creates to its owner. The admin key, open mode
(no keys configured) and the run engine use `EVERYONE`: they see every owner's rows, and
what they create belongs to the owner '' (no one in particular).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Self

from sqlalchemy import ColumnElement, true
from sqlalchemy.ext.asyncio import AsyncEngine

from . import autocommit

NO_OWNER = ""


@dataclass(frozen=True, slots=True)
class Scope:
    owner: str = NO_OWNER  # who owns what is created through this scope
    everything: bool = True  # sees every owner's rows

    @classmethod
    def of(cls, owner: str) -> Scope:
        """The scope of one owner (of '' : everything, as an admin)."""
        return cls(owner, everything=owner == NO_OWNER)

    def visible(self, owner_column: ColumnElement[Any]) -> ColumnElement[bool]:
        """The condition a row must meet to be seen through this scope."""
        return true() if self.everything else owner_column == self.owner


EVERYONE = Scope()


class ScopedStore:
    """A store as one `Scope` sees it: writes through `engine`, reads through `reads` (the
    same pool, autocommit); `scoped` gives the same store for another scope."""

    def __init__(
        self, engine: AsyncEngine, scope: Scope = EVERYONE, reads: AsyncEngine | None = None
    ) -> None:
        self.engine = engine
        self.reads = reads or autocommit(engine)
        self.scope = scope

    def scoped(self, scope: Scope) -> Self:
        return type(self)(self.engine, scope, self.reads)
