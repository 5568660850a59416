from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LgCommand")


@_attrs_define
class LgCommand:
    """LangGraph's way to resume. `resume` is the answer (or a map from interrupt id to
    answer) and makes the run a resume of the interrupted thread, with the same rule as
    PATCH /runs/resume: 409 `thread_not_interrupted` when the thread is not interrupted.
    `update` and `goto` reach LangGraph graphs as `Command(update=..., goto=...)`;
    agents that are not graphs refuse them (422, code `command_not_supported`).

        Attributes:
            resume (Any | Unset):
            update (Any | Unset):
            goto (Any | Unset):
    """

    resume: Any | Unset = UNSET
    update: Any | Unset = UNSET
    goto: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resume = self.resume

        update = self.update

        goto = self.goto

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if resume is not UNSET:
            field_dict["resume"] = resume
        if update is not UNSET:
            field_dict["update"] = update
        if goto is not UNSET:
            field_dict["goto"] = goto

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resume = d.pop("resume", UNSET)

        update = d.pop("update", UNSET)

        goto = d.pop("goto", UNSET)

        lg_command = cls(
            resume=resume,
            update=update,
            goto=goto,
        )

        return lg_command
