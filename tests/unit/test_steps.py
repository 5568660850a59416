"""A step written behind the agent is the state as it was when the agent took the step."""

from __future__ import annotations

import json
import uuid

from ap_server.storage.hot import Encoded, Step, _encode, encode


def test_a_step_is_encoded_when_it_is_taken():
    values = {"n": 1, "items": [1, 2]}
    step = Step.of(uuid.uuid4(), None, values, {"step": 0}, [], [("values", values)])
    values["n"] = 2  # the agent changes its state afterwards
    values["items"].append(3)
    assert json.loads(step.values) == {"n": 1, "items": [1, 2]}
    assert json.loads(step.events[0][1]) == {"n": 1, "items": [1, 2]}
    assert not step.asked and json.loads(step.interrupts) == []


def test_ints_stay_ints_and_encoded_text_is_not_encoded_twice():
    assert _encode(encode({"n": 5})) == '{"n": 5}'
    assert json.loads(_encode({"n": 5, "f": 5.5})) == {"n": 5, "f": 5.5}
    assert isinstance(json.loads(_encode({"n": 5}))["n"], int)
    assert isinstance(encode([]), Encoded)


def test_a_step_with_questions_says_so():
    asked = [{"id": "a", "value": "q"}]
    step = Step.of(uuid.uuid4(), None, {}, {}, asked, [])
    assert step.asked and json.loads(step.interrupts) == asked
