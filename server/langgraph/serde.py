"""The serializer of the graphs' checkpoints: LangGraph's own (msgpack), with JSON where
msgpack cannot hold a value exactly.

msgpack's integers stop at 64 bits: LangGraph's serializer raises on a bigger one (or,
with `pickle_fallback`, pickles it, which would let whoever can write the checkpoint tables
run code in the server). JSON holds ints of any size and floats exactly, and LangGraph's
serializer already reads its "json" type back, so a checkpoint written either way reads
back with every value as it was.
"""

from __future__ import annotations

import json
from typing import Any

import ormsgpack
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer


class ExactSerializer(JsonPlusSerializer):
    def dumps_typed(self, obj: Any) -> tuple[str, bytes]:
        try:
            return super().dumps_typed(obj)
        except ormsgpack.MsgpackEncodeError:
            return "json", json.dumps(obj).encode()  # TypeError for what JSON cannot hold
