"""JSON text for `jsonb` columns that reads back as the same Python value.

jsonb keeps a number as a Postgres `numeric` and prints it back in positional notation, so
a float that Python writes with an exponent and no fraction (every float of 1e16 or more:
`1e+16`, `1.5e+20`, `1e+300`) would come back as `10000000000000000`, an int. Written
positionally with a `.0` fraction (`10000000000000000.0`), numeric keeps the scale and it
reads back as the float it was. Ints of any size and other floats need nothing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any


def dumps(value: Any, default: Callable[[Any], Any] | None = None) -> str:
    text = json.dumps(value, default=default)
    if "e+" not in text:  # the C encoder, and no float written with a positive exponent
        return text
    return "".join(_Encoder(default=default).iterencode(value))


def _float(value: float) -> str:
    text = float.__repr__(value)
    if "e+" in text:
        return f"{Decimal(text):f}.0"
    return text if math.isfinite(value) else json.dumps(value)  # NaN as the C encoder writes it


class _Encoder(json.JSONEncoder):
    """The stdlib's pure-Python encoder with positional floats (the C encoder has no hook
    for how floats are written)."""

    def iterencode(self, o: Any, _one_shot: bool = False) -> Iterator[str]:
        make: Callable[..., Callable[[Any, int], Iterator[str]]]
        make = json.encoder._make_iterencode  # type: ignore[attr-defined]
        return make(
            {} if self.check_circular else None,
            self.default,
            json.encoder.encode_basestring_ascii,
            self.indent,
            _float,
            self.key_separator,
            self.item_separator,
            self.sort_keys,
            self.skipkeys,
            _one_shot,
        )(o, 0)
