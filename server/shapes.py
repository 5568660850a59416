"""Shapes both handler families share (the native paths and /langgraph): the spec's common
models built from storage records, and the namespace labels of a store request."""

from __future__ import annotations

from typing import Any

from ap_generated import models

from .storage.items import ItemRecord


def item(record: ItemRecord) -> models.Item:
    return models.Item(
        namespace=record.namespace,
        key=record.key,
        value=record.value,
        created_at=record.created_at,
        updated_at=record.updated_at,
    )


def labels(namespace: models.Namespace | list[Any] | None) -> list[str]:
    """A namespace of a request as a list of strings (empty when absent)."""
    if namespace is None:
        return []
    items = namespace.root if isinstance(namespace, models.Namespace) else namespace
    return [label.root if isinstance(label, models.NamespaceLabel) else label for label in items]
