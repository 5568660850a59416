"""LangGraph assistants in Postgres: each a versioned configuration of a graph (an agent).

`assistants` holds every assistant as its latest version reads; `assistant_versions` all
of its versions. An update writes a new version and makes it the latest; `set_latest`
points the assistant back at an older one. A graph's default assistant is `shared`: every
owner sees it, only an unscoped caller (open mode, the admin key) changes it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Self

from sqlalchemy import ColumnElement, Select, func, insert, literal, or_, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from ..errors import Conflict, NotFound
from .owners import EVERYONE, Scope, ScopedStore
from .pooled import OwnPool
from .tables import assistant_versions, assistants, threads


@dataclass(slots=True)
class AssistantRecord:
    assistant_id: uuid.UUID
    graph_id: str
    name: str
    description: str | None
    config: dict[str, Any]
    context: dict[str, Any]
    metadata: dict[str, Any]
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(slots=True)
class AssistantFields:
    """What one version of an assistant says (all of it, or the fields an update changes)."""

    graph_id: str | None = None
    name: str | None = None
    description: str | None = None
    config: dict[str, Any] | None = None
    context: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None


COLUMNS = [assistants.c[f.name] for f in fields(AssistantRecord)]
VERSION_COLUMNS = [
    assistant_versions.c[f.name] for f in fields(AssistantRecord) if f.name != "updated_at"
]


def _record(row: Any) -> AssistantRecord:
    return AssistantRecord(**row._mapping)


# What a run's creation reads (`AssistantStore.get` on the run path's pool): the assistant
# if it is shared or the owner's ($2; None for every owner).
_GET = (
    f"SELECT {', '.join(f.name for f in fields(AssistantRecord))} FROM assistants"
    " WHERE assistant_id = $1 AND (shared OR $2::text IS NULL OR owner = $2)"
)


class AssistantStore(ScopedStore):
    """Assistants and their versions as seen by one `Scope` (shared ones by everyone).
    `fast`: the run path's asyncpg pool, which `get` reads through (each run a LangGraph
    client creates reads its assistant)."""

    def __init__(
        self,
        engine: AsyncEngine,
        scope: Scope = EVERYONE,
        reads: AsyncEngine | None = None,
        fast: OwnPool | None = None,
    ) -> None:
        super().__init__(engine, scope, reads)
        self.fast = fast

    def scoped(self, scope: Scope) -> Self:
        store = super().scoped(scope)
        store.fast = self.fast
        return store

    def _visible(self) -> ColumnElement[bool]:
        return or_(self.scope.visible(assistants.c.owner), assistants.c.shared)

    async def ensure_defaults(self, defaults: dict[uuid.UUID, AssistantFields]) -> None:
        """Create each graph's default assistant unless it exists (a server starting)."""
        async with self.engine.begin() as conn:
            for assistant_id, spec in defaults.items():
                if await self._insert(conn, assistant_id, spec, shared=True) is not None:
                    await self._write_version(conn, assistant_id, 1)

    async def create(
        self, assistant_id: uuid.UUID | None, spec: AssistantFields, if_exists: str
    ) -> AssistantRecord:
        assistant_id = assistant_id or uuid.uuid4()
        async with self.engine.begin() as conn:
            row = await self._insert(conn, assistant_id, spec, shared=False)
            if row is None:
                existing = await self._find(conn, assistant_id)
                if existing is None or if_exists != "do_nothing":
                    raise Conflict(
                        f"assistant {assistant_id} already exists", code="assistant_exists"
                    )
                return existing
            await self._write_version(conn, assistant_id, 1)
            return _record(row)

    async def get(self, assistant_id: uuid.UUID) -> AssistantRecord:
        if self.fast is not None:
            owner = None if self.scope.everything else self.scope.owner
            row = await self.fast.fetchrow(_GET, assistant_id, owner)
            found = None if row is None else AssistantRecord(**dict(row))
        else:
            async with self.reads.connect() as conn:
                found = await self._find(conn, assistant_id)
        if found is None:
            raise NotFound("assistant", assistant_id)
        return found

    async def update(self, assistant_id: uuid.UUID, changes: AssistantFields) -> AssistantRecord:
        """A new version: the latest one with `changes` (metadata merged into its own)."""
        async with self.engine.begin() as conn:
            await self._writable(conn, assistant_id)
            version = (
                await conn.execute(
                    select(func.max(assistant_versions.c.version)).where(
                        assistant_versions.c.assistant_id == assistant_id
                    )
                )
            ).scalar_one() + 1
            values: dict[str, Any] = {
                k: v for k, v in _values(changes, partial=True).items() if k != "metadata"
            }
            if changes.metadata is not None:
                values["metadata"] = assistants.c.metadata.op("||")(
                    literal(changes.metadata, JSONB)
                )
            row = (
                await conn.execute(
                    update(assistants)
                    .where(assistants.c.assistant_id == assistant_id)
                    .values(**values, version=version, updated_at=func.now())
                    .returning(*COLUMNS)
                )
            ).one()
            await self._write_version(conn, assistant_id, version)
            return _record(row)

    async def set_latest(self, assistant_id: uuid.UUID, version: int) -> AssistantRecord:
        async with self.engine.begin() as conn:
            await self._writable(conn, assistant_id)
            chosen = (
                await conn.execute(
                    select(*VERSION_COLUMNS).where(
                        assistant_versions.c.assistant_id == assistant_id,
                        assistant_versions.c.version == version,
                    )
                )
            ).first()
            if chosen is None:
                raise NotFound("assistant version", f"{assistant_id}@{version}")
            values = {k: v for k, v in chosen._mapping.items() if k not in ("assistant_id",)}
            values.pop("created_at")
            row = (
                await conn.execute(
                    update(assistants)
                    .where(assistants.c.assistant_id == assistant_id)
                    .values(**values, updated_at=func.now())
                    .returning(*COLUMNS)
                )
            ).one()
            return _record(row)

    async def delete(self, assistant_id: uuid.UUID, *, with_threads: bool) -> None:
        """The assistant and its versions; `with_threads`: also the threads whose metadata
        names it (those without an active run)."""
        async with self.engine.begin() as conn:
            await self._writable(conn, assistant_id)
            await conn.execute(assistants.delete().where(assistants.c.assistant_id == assistant_id))
            if with_threads:
                await conn.execute(
                    threads.delete().where(
                        threads.c.metadata.contains({"assistant_id": str(assistant_id)}),
                        threads.c.status != "busy",
                        self.scope.visible(threads.c.owner),
                    )
                )

    async def search(
        self,
        *,
        graph_id: str | None,
        name: str | None,
        metadata: dict[str, Any] | None,
        sort_by: str | None,
        sort_order: str | None,
        limit: int,
        offset: int,
    ) -> list[AssistantRecord]:
        column = assistants.c[sort_by or "created_at"]
        order = column.asc() if sort_order == "asc" else column.desc()
        query = (
            self._filtered(select(*COLUMNS), graph_id, name, metadata)
            .order_by(order, assistants.c.assistant_id)
            .limit(limit)
            .offset(offset)
        )
        async with self.reads.connect() as conn:
            return [_record(row) for row in await conn.execute(query)]

    async def count(
        self, *, graph_id: str | None, name: str | None, metadata: dict[str, Any] | None
    ) -> int:
        query = self._filtered(select(func.count()), graph_id, name, metadata)
        async with self.reads.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def versions(
        self, assistant_id: uuid.UUID, *, metadata: dict[str, Any] | None, limit: int, offset: int
    ) -> list[AssistantRecord]:
        """Its versions, newest first (`updated_at` is each version's `created_at`)."""
        query = select(*VERSION_COLUMNS).where(assistant_versions.c.assistant_id == assistant_id)
        if metadata:
            query = query.where(assistant_versions.c.metadata.contains(metadata))
        query = query.order_by(assistant_versions.c.version.desc()).limit(limit).offset(offset)
        async with self.reads.connect() as conn:
            if await self._find(conn, assistant_id) is None:
                raise NotFound("assistant", assistant_id)
            rows = await conn.execute(query)
            return [
                AssistantRecord(**row._mapping, updated_at=row._mapping["created_at"])
                for row in rows
            ]

    # -- helpers -------------------------------------------------------------------------

    def _filtered(
        self,
        query: Select[Any],
        graph_id: str | None,
        name: str | None,
        metadata: dict[str, Any] | None,
    ) -> Select[Any]:
        query = query.select_from(assistants).where(self._visible())
        if graph_id:
            query = query.where(assistants.c.graph_id == graph_id)
        if name:
            query = query.where(assistants.c.name.icontains(name, autoescape=True))
        if metadata:
            query = query.where(assistants.c.metadata.contains(metadata))
        return query

    async def _find(
        self, conn: AsyncConnection, assistant_id: uuid.UUID, lock: bool = False
    ) -> AssistantRecord | None:
        query = select(*COLUMNS, assistants.c.shared).where(
            assistants.c.assistant_id == assistant_id, self._visible()
        )
        if lock:
            query = query.with_for_update()
        row = (await conn.execute(query)).first()
        if row is None:
            return None
        return AssistantRecord(**{k: v for k, v in row._mapping.items() if k != "shared"})

    async def _writable(self, conn: AsyncConnection, assistant_id: uuid.UUID) -> None:
        row = (
            await conn.execute(
                select(assistants.c.shared)
                .where(assistants.c.assistant_id == assistant_id, self._visible())
                .with_for_update()
            )
        ).first()
        if row is None:
            raise NotFound("assistant", assistant_id)
        if row.shared and not self.scope.everything:
            raise Conflict(
                f"assistant {assistant_id} is a graph's default assistant, shared by every"
                " owner: only the admin key changes it; create an assistant of your own",
                code="assistant_shared",
            )

    async def _insert(
        self, conn: AsyncConnection, assistant_id: uuid.UUID, spec: AssistantFields, shared: bool
    ) -> Any:
        """Version 1 of a new assistant, as inserted; None if the id is taken."""
        created = await conn.execute(
            pg_insert(assistants)
            .values(
                assistant_id=assistant_id,
                **_values(spec),
                version=1,
                owner=self.scope.owner,
                shared=shared,
            )
            .on_conflict_do_nothing()
            .returning(*COLUMNS)
        )
        return created.first()

    async def _write_version(
        self, conn: AsyncConnection, assistant_id: uuid.UUID, version: int
    ) -> None:
        """Record the assistant's current fields as `version`."""
        source = select(
            *(c for c in COLUMNS if c.name not in ("version", "created_at", "updated_at")),
            literal(version).label("version"),
            func.now().label("created_at"),
        ).where(assistants.c.assistant_id == assistant_id)
        await conn.execute(
            insert(assistant_versions).from_select(
                [c.name for c in source.selected_columns], source
            )
        )


def _values(spec: AssistantFields, partial: bool = False) -> dict[str, Any]:
    values = {f.name: getattr(spec, f.name) for f in fields(AssistantFields)}
    if partial:
        return {k: v for k, v in values.items() if v is not None}
    for key in ("config", "context", "metadata"):
        values[key] = values[key] or {}
    values["name"] = values["name"] or values["graph_id"]
    return values
