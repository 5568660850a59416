"""The long-term store: JSON items by namespace (a path of labels) and key.

Each owner has a store of its own: an item is found by (owner, namespace, key), so two
owners' items at the same namespace and key are different items. Point operations (put,
get, delete) address the scope's owner's items; searches see what the scope sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ARRAY, Text, cast, func, literal, select
from sqlalchemy.dialects.postgresql import insert

from ..errors import NotFound
from .owners import ScopedStore
from .tables import store_items


@dataclass(slots=True)
class ItemRecord:
    namespace: list[str]
    key: str
    value: dict[str, Any]
    created_at: datetime
    updated_at: datetime


COLUMNS = [store_items.c[name] for name in ItemRecord.__slots__]


def _labels(namespace: list[str]) -> Any:
    return cast(literal(namespace, ARRAY(Text)), ARRAY(Text))


class ItemStore(ScopedStore):
    """The long-term store's items as seen by one `Scope`."""

    def _at(self, namespace: list[str], key: str) -> Any:
        """The condition naming one item of the scope's owner."""
        return (
            (store_items.c.owner == self.scope.owner)
            & (store_items.c.namespace == _labels(namespace))
            & (store_items.c.key == key)
        )

    async def put(self, namespace: list[str], key: str, value: dict[str, Any]) -> None:
        statement = insert(store_items).values(
            owner=self.scope.owner, namespace=namespace, key=key, value=value
        )
        statement = statement.on_conflict_do_update(
            index_elements=[store_items.c.owner, store_items.c.namespace, store_items.c.key],
            set_={"value": statement.excluded.value, "updated_at": func.now()},
        )
        async with self.engine.begin() as conn:
            await conn.execute(statement)

    async def get(self, namespace: list[str], key: str) -> ItemRecord:
        query = select(*COLUMNS).where(self._at(namespace, key))
        async with self.reads.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None:
            raise NotFound("item", "/".join([*namespace, key]))
        return ItemRecord(**row._mapping)

    async def delete(self, namespace: list[str], key: str) -> None:
        statement = (
            store_items.delete().where(self._at(namespace, key)).returning(store_items.c.key)
        )
        async with self.engine.begin() as conn:
            if (await conn.execute(statement)).first() is None:
                raise NotFound("item", "/".join([*namespace, key]))

    async def search(
        self,
        *,
        prefix: list[str] | None,
        filter: dict[str, Any] | None,
        limit: int,
        offset: int,
    ) -> list[ItemRecord]:
        query = select(*COLUMNS).where(self.scope.visible(store_items.c.owner))
        if prefix:
            # `@>` uses the GIN index to narrow; the slice makes it a true prefix match.
            query = query.where(
                store_items.c.namespace.contains(_labels(prefix)),
                store_items.c.namespace[1 : len(prefix)] == _labels(prefix),
            )
        if filter:
            query = query.where(store_items.c.value.contains(filter))
        query = query.order_by(
            store_items.c.updated_at.desc(), store_items.c.namespace, store_items.c.key
        )
        async with self.reads.connect() as conn:
            rows = await conn.execute(query.limit(limit).offset(offset))
            return [ItemRecord(**row._mapping) for row in rows]

    async def namespaces(
        self,
        *,
        prefix: list[str] | None,
        suffix: list[str] | None,
        max_depth: int | None,
        limit: int,
        offset: int,
    ) -> list[list[str]]:
        ns = store_items.c.namespace
        length = func.cardinality(ns)
        path = ns[1:max_depth] if max_depth else ns
        query = select(path.label("path")).distinct().where(self.scope.visible(store_items.c.owner))
        if prefix:
            query = query.where(
                ns.contains(_labels(prefix)), ns[1 : len(prefix)] == _labels(prefix)
            )
        if suffix:
            query = query.where(
                ns.contains(_labels(suffix)),
                ns[length - len(suffix) + 1 : length] == _labels(suffix),
                length >= len(suffix),
            )
        query = query.order_by("path").limit(limit).offset(offset)
        async with self.reads.connect() as conn:
            return [list(row.path) for row in await conn.execute(query)]
