"""The results of a run: the terminal table, and the JSON and JUnit XML reports."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PASS, FAIL, SKIP = "pass", "fail", "skip"
_COLOURS = {PASS: "32", FAIL: "1;31", SKIP: "33"}
_LABELS = {PASS: "pass", FAIL: "FAIL", SKIP: "skip"}
# Characters XML 1.0 does not allow (a body excerpt may hold anything).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Result:
    """How one check ended. `exchange`: the request that showed a failure, with its response."""

    name: str
    group: str
    status: str  # pass, fail or skip
    duration: float
    message: str = ""  # why it failed, or why it was skipped
    exchange: dict[str, Any] | None = None
    rule: str = ""  # the spec section or documented behaviour the check enforces


@dataclass
class Report:
    base_url: str
    agents: list[str]
    started_at: str  # ISO 8601, UTC
    duration: float
    results: list[Result] = field(default_factory=list)
    api: str = "agent-protocol"  # the profile: agent-protocol or langgraph
    title: str = "Agent Protocol"

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> bool:
        return self.count(FAIL) > 0

    def summary(self) -> dict[str, int]:
        return {
            "total": len(self.results),
            "passed": self.count(PASS),
            "failed": self.count(FAIL),
            "skipped": self.count(SKIP),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "api": self.api,
            "base_url": self.base_url,
            "agents": self.agents,
            "started_at": self.started_at,
            "duration": round(self.duration, 3),
            "summary": self.summary(),
            "checks": [{**asdict(r), "duration": round(r.duration, 3)} for r in self.results],
        }


def label(status: str, colour: bool) -> str:
    text = _LABELS[status]
    return f"\x1b[{_COLOURS[status]}m{text}\x1b[0m" if colour else text


def seconds(duration: float) -> str:
    return f"{duration:.2f} s"


def render(report: Report, colour: bool = False) -> str:
    """The table of checks, the failures with their requests, and the summary line."""
    width = max([len("CHECK"), *(len(r.name) for r in report.results)])
    lines = [f"  {'CHECK':<{width}}  RESULT  {'TIME':>8}  DETAIL"]
    for result in report.results:
        detail = result.message.splitlines()[0] if result.message else ""
        if len(detail) > 90:
            detail = detail[:89] + "…"
        pad = " " * (6 - len(_LABELS[result.status]))
        lines.append(
            f"  {result.name:<{width}}  {label(result.status, colour)}{pad}  "
            f"{seconds(result.duration):>8}  {detail}".rstrip()
        )
    failures = [r for r in report.results if r.status == FAIL]
    if failures:
        lines += ["", "Failures:"]
        for n, result in enumerate(failures, 1):
            lines += ["", f"  {n}. {result.name}", *_indent(result.message, 5)]
            if result.rule:
                lines += _indent(f"rule:     {result.rule}", 5)
            if exchange := result.exchange:
                lines += _indent(f"request:  {_request_line(exchange)}", 5)
                if exchange["request_body"]:
                    lines += _indent(exchange["request_body"], 15)
                status = exchange["status"] if exchange["status"] is not None else "(none)"
                lines += _indent(f"response: {status}", 5)
                if exchange["response_body"]:
                    lines += _indent(exchange["response_body"], 15)
    counts = report.summary()
    lines += [
        "",
        f"{counts['total']} checks: {counts['passed']} passed, {counts['failed']} failed, "
        f"{counts['skipped']} skipped in {seconds(report.duration)}",
    ]
    return "\n".join(lines)


def _request_line(exchange: dict[str, Any]) -> str:
    headers = "".join(f"  ({k}: {v})" for k, v in exchange.get("request_headers", {}).items())
    return f"{exchange['method']} {exchange['url']}{headers}"


def _indent(text: str, spaces: int) -> list[str]:
    return [" " * spaces + line for line in text.splitlines()]


def write_json(report: Report, path: Path) -> None:
    path.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")


def junit(report: Report) -> ET.ElementTree:
    counts = report.summary()
    attributes = {
        "name": f"ap-server conformance ({report.api})",
        "tests": str(counts["total"]),
        "failures": str(counts["failed"]),
        "errors": "0",
        "skipped": str(counts["skipped"]),
        "time": f"{report.duration:.3f}",
    }
    suites = ET.Element("testsuites", attributes)
    suite = ET.SubElement(suites, "testsuite", {**attributes, "timestamp": report.started_at})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="api", value=report.api)
    ET.SubElement(properties, "property", name="base_url", value=report.base_url)
    ET.SubElement(properties, "property", name="agents", value=",".join(report.agents))
    for result in report.results:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"conformance.{result.group}",
            name=result.name,
            time=f"{result.duration:.3f}",
        )
        if result.rule:
            case_properties = ET.SubElement(case, "properties")
            ET.SubElement(case_properties, "property", name="rule", value=_xml(result.rule))
        if result.status == SKIP:
            ET.SubElement(case, "skipped", message=_xml(result.message))
        elif result.status == FAIL:
            failure = ET.SubElement(case, "failure", message=_xml(result.message), type="failure")
            failure.text = _xml(_failure_text(result))
    ET.indent(suites)
    return ET.ElementTree(suites)


def _failure_text(result: Result) -> str:
    lines = [result.message]
    if result.rule:
        lines.append(f"rule:     {result.rule}")
    if exchange := result.exchange:
        lines += [
            "",
            f"request:  {_request_line(exchange)}",
            exchange["request_body"],
            f"response: {exchange['status']}",
            exchange["response_body"],
        ]
    return "\n".join(lines)


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def write_junit(report: Report, path: Path) -> None:
    junit(report).write(path, encoding="utf-8", xml_declaration=True)
