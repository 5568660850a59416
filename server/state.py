"""How a thread's values change: the one place that merges updates into a state.

A state is a JSON object. An update replaces the keys it names; messages live under the
`messages` key and are merged by id (a message whose id is already there replaces it,
others are appended, and a message without an id gets one).
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError

from ap_generated import models

from .errors import Invalid

MESSAGES = "messages"


def apply_update(
    values: dict[str, Any], update: dict[str, Any] | None = None, messages: list[Any] | None = None
) -> dict[str, Any]:
    """The state after `update` (keys replaced) and `messages` (merged by id)."""
    new = dict(values)
    if update:
        if MESSAGES in update:
            update = {**update, MESSAGES: add_messages([], _checked(update[MESSAGES]))}
        new.update(update)
    if messages:
        new[MESSAGES] = add_messages(new.get(MESSAGES, []), _checked(messages))
    return new


def add_messages(current: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged = list(current)
    index = {m.get("id"): i for i, m in enumerate(merged) if m.get("id") is not None}
    for message in new:
        if message.get("id") is None:
            message = {**message, "id": str(uuid.uuid4())}
        at = index.get(message["id"])
        if at is None:
            index[message["id"]] = len(merged)
            merged.append(message)
        else:
            merged[at] = message
    return merged


def split_messages(values: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]] | None]:
    """The state without its messages, and the messages (None when it has none)."""
    if MESSAGES not in values:
        return values, None
    rest = {k: v for k, v in values.items() if k != MESSAGES}
    return rest, values[MESSAGES]


def _checked(messages: Any) -> list[dict[str, Any]]:
    if not isinstance(messages, list):
        raise Invalid("`messages` must be a list of messages")
    try:
        for message in messages:
            models.Message.model_validate(message)
    except ValidationError as exc:
        raise Invalid(
            "`messages` must be a list of messages with `role` and `content`",
            errors=exc.errors(include_url=False, include_context=False, include_input=False),
        ) from None
    return [dict(m) for m in messages]
