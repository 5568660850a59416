"""No request field reaches no code: every property of every request body in the spec is
read somewhere in the server (an attribute of the parsed body, or named in a table such as
server/langgraph/fields.py's, which refuses the values it does not honour). A field added to
the spec and read nowhere would be silently dropped; this test fails instead."""

from __future__ import annotations

import ast
import json
from importlib import resources
from pathlib import Path

SERVER = Path(__file__).resolve().parent.parent / "server"
SPEC = json.loads(resources.files("ap_generated").joinpath("openapi.json").read_text())
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def _resolve(node: dict) -> tuple[str | None, dict]:
    name = None
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = SPEC["components"]["schemas"][name]
    return name, node


def _fields(node: dict, where: str, seen: set[str], out: set[tuple[str, str]]) -> None:
    """(schema, property) of a body schema and of the component schemas inside it."""
    name, schema = _resolve(node)
    if name is not None:
        if name in seen:
            return
        seen.add(name)
        where = name
    for part in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
        _fields(part, where, seen, out)
    if "items" in schema:
        _fields(schema["items"], where, seen, out)
    for prop, sub in schema.get("properties", {}).items():
        out.add((where, prop))
        _fields(sub, where, seen, out)


def request_fields() -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for item in SPEC["paths"].values():
        for method in HTTP_METHODS:
            op = item.get(method)
            if op and "requestBody" in op:
                schema = op["requestBody"]["content"]["application/json"]["schema"]
                _fields(schema, op["operationId"], set(), out)
    return out


def names_the_server_reads() -> set[str]:
    found: set[str] = set()
    for path in SERVER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute):
                found.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_request_field_reaches_code() -> None:
    fields = request_fields()
    assert len(fields) > 100  # the walk found the spec's bodies
    read = names_the_server_reads()
    unread = sorted(f"{schema}.{prop}" for schema, prop in fields if prop not in read)
    assert unread == [], f"request fields no code reads (silently dropped): {unread}"


def test_the_walk_sees_a_field_no_code_reads() -> None:
    """The check itself can fail: a made-up field is reported."""
    assert "surely_not_read_anywhere" not in names_the_server_reads()
    assert ("LgRunCreate", "checkpoint_during") in request_fields()


def test_langgraph_bodies_refuse_fields_they_do_not_declare() -> None:
    """A LangGraph body with a field it does not declare is a 422, never a silent drop
    (the Agent Protocol's bodies stay as open as upstream's)."""
    open_bodies = []
    for item in SPEC["paths"].values():
        for method in HTTP_METHODS:
            op = item.get(method)
            if not op or "requestBody" not in op or not op["operationId"].startswith("lg_"):
                continue
            name, schema = _resolve(op["requestBody"]["content"]["application/json"]["schema"])
            if schema.get("type") == "array":
                name, schema = _resolve(schema["items"])
            if name in ("StorePutRequest", "StoreDeleteRequest", "StoreSearchRequest"):
                continue  # shared with the Agent Protocol's store operations
            if name == "StoreListNamespacesRequest":
                continue
            if schema.get("additionalProperties") is not False:
                open_bodies.append(f"{op['operationId']}: {name}")
    assert open_bodies == []
