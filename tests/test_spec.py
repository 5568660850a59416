"""Our spec against the upstream Agent Protocol spec (with the resume proposal).

The upstream document is reference data in ../shared/reference, read here, never copied.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
OURS = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
UPSTREAM_FILE = ROOT.parent / "shared" / "reference" / "agent-protocol-resume-pr.openapi.json"
METHODS = ("get", "put", "post", "delete", "patch")

upstream_only = pytest.mark.skipif(
    not UPSTREAM_FILE.exists(), reason="../shared/reference is not beside the checkout"
)


def load_upstream() -> dict:
    return json.loads(UPSTREAM_FILE.read_text())


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def resolve(spec: dict, node: dict) -> dict:
    while "$ref" in node:
        target = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def properties(spec: dict, schema: dict) -> dict[str, dict]:
    """All properties of an object schema, through $ref and allOf."""
    schema = resolve(spec, schema)
    found = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        found.update(properties(spec, part))
    return found


def json_types(spec: dict, schema: dict) -> set[str]:
    """The JSON types a schema admits (through $ref, anyOf, oneOf, allOf)."""
    schema = resolve(spec, schema)
    if "enum" in schema and "type" not in schema:
        return {type(v).__name__ for v in schema["enum"]}
    types = schema.get("type")
    out = set([types] if isinstance(types, str) else types or [])
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            out |= json_types(spec, part)
    return out


@upstream_only
def test_every_upstream_operation_is_here_at_the_same_method_path_and_id():
    upstream = load_upstream()
    ours = {(path, method): op for path, method, op in operations(OURS)}
    expected = list(operations(upstream))
    assert len(expected) == 27
    for path, method, op in expected:
        assert (path, method) in ours, f"{method.upper()} {path} is missing"
        assert ours[(path, method)]["operationId"] == op["operationId"]


@upstream_only
def test_same_status_codes_and_parameters():
    upstream = load_upstream()
    ours = {(path, method): op for path, method, op in operations(OURS)}
    for path, method, op in operations(upstream):
        mine = ours[(path, method)]
        missing = set(op["responses"]) - set(mine["responses"])
        assert not missing, f"{method.upper()} {path} lacks status codes {missing}"
        my_params = {resolve(OURS, p)["name"]: resolve(OURS, p) for p in mine.get("parameters", [])}
        for param in op.get("parameters", []):
            assert param["name"] in my_params, (
                f"{method.upper()} {path} lacks parameter {param['name']}"
            )
            assert my_params[param["name"]]["in"] == param["in"]
            theirs = json_types(upstream, param["schema"])
            assert theirs <= json_types(OURS, my_params[param["name"]]["schema"]) | {"str"}


@upstream_only
def test_same_field_names_and_types_in_bodies_and_schemas():
    upstream = load_upstream()
    for name, schema in upstream["components"]["schemas"].items():
        assert name in OURS["components"]["schemas"], f"schema {name} is missing"
        theirs = properties(upstream, schema)
        mine = properties(OURS, OURS["components"]["schemas"][name])
        for field, field_schema in theirs.items():
            if name == "Run" and field not in mine:
                # Defect 2: upstream's Run inherits request-only fields from RunStream.
                continue
            assert field in mine, f"{name}.{field} is missing"
            assert json_types(upstream, field_schema) <= json_types(OURS, mine[field]), (
                f"{name}.{field}"
            )


def test_every_operation_has_an_id_and_every_4xx_an_error_response():
    ids = [op["operationId"] for _, _, op in operations(OURS)]
    assert len(ids) == len(set(ids))
    error = OURS["components"]["schemas"]["ErrorResponse"]
    assert set(error["required"]) == {"code", "message"}
    for path, method, op in operations(OURS):
        for code, response in op["responses"].items():
            if code.startswith("4"):
                body = resolve(OURS, response)["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/ErrorResponse"}, (path, method, code)


def test_event_streams_have_a_schema_of_one_event():
    streams = 0
    for _path, _method, op in operations(OURS):
        content = resolve(OURS, op["responses"].get("200", {})).get("content", {})
        if "text/event-stream" in content:
            streams += 1
            event = resolve(OURS, content["text/event-stream"]["schema"])
            assert event["type"] == "object" and set(event["required"]) == {"event", "data"}
    # 3 Agent Protocol operations, 3 LangGraph ones, and the thread stream on both families
    assert streams == 8


def test_run_status_has_running_and_status_enums_have_distinct_titles():
    schemas = OURS["components"]["schemas"]
    assert "running" in schemas["RunStatus"]["enum"]
    assert schemas["RunStatus"]["title"] != schemas["ThreadStatus"]["title"]


def test_every_operation_is_routed():
    from ap_generated.operations import OPERATIONS
    from ap_server.handlers import Api

    routed = {op.operation_id for op in OPERATIONS}
    assert routed == {op["operationId"] for _, _, op in operations(OURS)}
    for op_id in routed:
        assert callable(getattr(Api, op_id)), op_id


UPSTREAM_MAIN_FILE = ROOT.parent / "shared" / "reference" / "agent-protocol-main.openapi.json"


@pytest.mark.skipif(not UPSTREAM_MAIN_FILE.exists(), reason="../shared/reference is missing")
def test_the_streaming_operations_of_upstream_main_are_here():
    upstream = json.loads(UPSTREAM_MAIN_FILE.read_text())
    theirs = {
        (path, method): op["operationId"]
        for path, method, op in operations(upstream)
        if "Streaming" in op.get("tags", [])
    }
    assert len(theirs) == 3
    ours = {(path, method): op["operationId"] for path, method, op in operations(OURS)}
    for where, operation_id in theirs.items():
        assert ours.get(where) == operation_id, where
    # the same body fields (ours may add optional ones), and the channel names
    for name in ("StreamingCommand", "EventStreamRequest"):
        their = upstream["components"]["schemas"][name]
        mine = OURS["components"]["schemas"][name]
        assert set(their["properties"]) <= set(mine["properties"]), name
        assert set(mine.get("required", [])) == set(their.get("required", [])), name
    their_channels = upstream["components"]["schemas"]["StreamingChannel"]["anyOf"][0]["enum"]
    assert OURS["components"]["schemas"]["StreamingChannelName"]["enum"] == their_channels
