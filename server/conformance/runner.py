"""Running the checks: discovery of the agents, one check at a time, progress, reports."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import fnmatch
import os
import shutil
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import httpx

from agent_protocol_client.api.agents import get_agent, search_agents
from agent_protocol_client.models import Agent, AgentSearchRequest

from .context import CheckContext, CheckFailed, Skipped, new_client
from .html_report import write_html
from .lg_context import GRAPHS, LgContext
from .lg_scenarios import LANGGRAPH_SCENARIOS
from .report import (
    FAIL,
    PASS,
    SKIP,
    Report,
    Result,
    label,
    render,
    seconds,
    write_json,
    write_junit,
)
from .scenarios import SCENARIOS, Scenario

DEFAULT_TIMEOUT = 30.0
CONTRACT = ("echo", "hitl", "slow", "fail")  # the agents the scenarios rely on


class Unreachable(Exception):
    """The server at the base URL does not answer at all."""


@dataclass
class Discovery:
    agents: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)  # why discovery was partial


async def discover(
    base_url: str, wanted: set[str], timeout: float, api_key: str | None = None
) -> Discovery:
    """The agents of `wanted` the server has: POST /agents/search, then GET /agents/{id} for
    those it did not list. Raises Unreachable when the server does not answer."""
    found = Discovery()
    async with new_client(base_url, timeout, api_key) as client:
        try:
            response = await search_agents.asyncio_detailed(
                client=client, body=AgentSearchRequest(limit=100)
            )
            if response.status_code == 200 and isinstance(response.parsed, list):
                for agent in response.parsed:
                    if isinstance(agent, Agent):
                        found.agents.update({agent.agent_id, agent.name})
            else:
                found.notes.append(f"POST /agents/search answered {response.status_code}")
        except httpx.TransportError as exc:
            raise Unreachable(f"{base_url}: {type(exc).__name__}: {exc}") from exc
        except Exception as exc:  # a body that is not the spec's
            found.notes.append(f"POST /agents/search: {type(exc).__name__}: {exc}")
        for agent_id in sorted(wanted - found.agents):
            try:
                response = await get_agent.asyncio_detailed(agent_id, client=client)
            except httpx.TransportError as exc:
                raise Unreachable(f"{base_url}: {type(exc).__name__}: {exc}") from exc
            except Exception:
                continue
            if response.status_code == 200 and isinstance(response.parsed, Agent):
                found.agents.add(agent_id)
    return found


async def discover_graphs(
    base_url: str, wanted: set[str], timeout: float, api_key: str | None = None
) -> Discovery:
    """The graphs of `wanted` a LangGraph Platform server has an assistant for
    (POST /assistants/search). Raises Unreachable when the server does not answer."""
    found = Discovery()
    headers = {"x-api-key": api_key} if api_key else {}
    async with httpx.AsyncClient(base_url=base_url, timeout=timeout, headers=headers) as http:
        try:
            response = await http.post("/assistants/search", json={"limit": 1000, "offset": 0})
        except httpx.TransportError as exc:
            raise Unreachable(f"{base_url}: {type(exc).__name__}: {exc}") from exc
        try:
            assistants = response.json() if response.status_code == 200 else None
        except ValueError:
            assistants = None
        if isinstance(assistants, list):
            for assistant in assistants:
                if isinstance(assistant, dict) and isinstance(assistant.get("graph_id"), str):
                    found.agents.add(assistant["graph_id"])
        else:
            found.notes.append(f"POST /assistants/search answered {response.status_code}")
    return found


@dataclass(frozen=True)
class Profile:
    """What `--api` selects: the checks, the agents or graphs they need, how to find them."""

    name: str
    title: str
    scenarios: list[Scenario]
    contract: tuple[str, ...]
    context: type
    discover: Callable[..., Awaitable[Discovery]]
    needs: str  # how a report names what the checks need ("agents", "graphs")


PROFILES = {
    "agent-protocol": Profile(
        "agent-protocol", "Agent Protocol", SCENARIOS, CONTRACT, CheckContext, discover, "agents"
    ),
    "langgraph": Profile(
        "langgraph",
        "LangGraph Platform API",
        LANGGRAPH_SCENARIOS,
        GRAPHS,
        LgContext,
        discover_graphs,
        "graphs",
    ),
}


class Progress:
    """ "[7/23] resume: concurrent resumes ..." while a check runs: rewritten in place on a
    terminal, one plain line per check (with its result) otherwise."""

    def __init__(self, out: TextIO, tty: bool, colour: bool) -> None:
        self.out, self.tty, self.colour = out, tty, colour

    def start(self, index: int, total: int, name: str) -> None:
        line = f"[{index}/{total}] {name} ..."
        if self.tty:
            columns = shutil.get_terminal_size((100, 20)).columns
            self.out.write("\r\x1b[K" + line[: columns - 1])
        else:
            self.out.write(line)
        self.out.flush()

    def done(self, result: Result) -> None:
        if not self.tty:
            self.out.write(f" {label(result.status, self.colour)} ({seconds(result.duration)})\n")
            self.out.flush()

    def finish(self) -> None:
        if self.tty:
            self.out.write("\r\x1b[K")
            self.out.flush()


async def run_one(
    scenario: Scenario,
    base_url: str,
    timeout: float,
    api_key: str | None = None,
    context: type = CheckContext,
) -> Result:
    started = time.monotonic()
    status, message, exchange = PASS, "", None
    async with context(base_url, timeout, api_key) as ctx:
        try:
            async with asyncio.timeout(timeout) as deadline:
                await scenario.run(ctx)
        except Skipped as exc:
            status, message = SKIP, exc.reason
        except CheckFailed as exc:
            status, message, exchange = FAIL, exc.message, exc.exchange
        except TimeoutError:
            if not deadline.expired():
                raise
            pending = ctx.last_exchange()
            status, message, exchange = FAIL, f"timed out after {timeout:g} s", pending
            if pending is not None and pending.response is None:
                message += f", waiting for {pending.route}"
        except Exception as exc:  # an answer the check could not make sense of
            status, message = FAIL, f"{type(exc).__name__}: {exc}"
            exchange = ctx.last_exchange()
        duration = time.monotonic() - started
        await ctx.cleanup()
    return Result(
        scenario.name,
        scenario.group,
        status,
        duration,
        message,
        exchange.to_dict() if exchange is not None else None,
        scenario.rule,
    )


def select(patterns: Sequence[str], scenarios: Sequence[Scenario] = SCENARIOS) -> list[Scenario]:
    """The scenarios whose name matches one of the patterns: a glob (`resume: *`) or,
    without glob characters, a substring; case-insensitive. No patterns: all of them."""
    if not patterns:
        return list(scenarios)

    def matches(name: str, pattern: str) -> bool:
        name, pattern = name.lower(), pattern.lower()
        if any(c in pattern for c in "*?["):
            return fnmatch.fnmatchcase(name, pattern)
        return pattern in name

    return [s for s in scenarios if any(matches(s.name, p) for p in patterns)]


async def run(
    base_url: str,
    scenarios: list[Scenario],
    timeout: float,
    progress: Progress,
    out: TextIO,
    api_key: str | None = None,
    profile: Profile = PROFILES["agent-protocol"],
) -> Report:
    started_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    wanted = {*profile.contract, *(agent for s in scenarios for agent in s.agents)}
    discovery = await profile.discover(base_url, wanted, min(timeout, 10.0), api_key)
    available = sorted(wanted & discovery.agents)
    out.write(f"{profile.title} conformance of {base_url}\n")
    out.write(f"{profile.needs} of the contract: {', '.join(available) or 'none'}")
    if missing := sorted(wanted - discovery.agents):
        out.write(f" (missing: {', '.join(missing)})")
    out.write("\n")
    for note in discovery.notes:
        out.write(f"note: {note}\n")
    out.write("\n")
    out.flush()
    report = Report(base_url, available, started_at, 0.0, api=profile.name, title=profile.title)
    for index, scenario in enumerate(scenarios, 1):
        progress.start(index, len(scenarios), scenario.name)
        missing = [a for a in scenario.agents if a not in discovery.agents]
        if missing:
            noun = profile.needs[:-1]
            reason = (
                f"{noun} {missing[0]} not available"
                if len(missing) == 1
                else (f"{profile.needs} {', '.join(missing)} not available")
            )
            result = Result(scenario.name, scenario.group, SKIP, 0.0, reason, rule=scenario.rule)
        else:
            result = await run_one(scenario, base_url, timeout, api_key, profile.context)
        report.results.append(result)
        progress.done(result)
    progress.finish()
    report.duration = time.monotonic() - started
    return report


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ap-server conformance",
        description="Run behavioural checks against an Agent Protocol server (the agents "
        "echo, hitl, slow and fail) or, with --api langgraph, a LangGraph Platform API server "
        "(the graphs kit_echo, kit_hitl, kit_slow and kit_fail of "
        "ap_server.conformance.graphs); see the README. Checks whose agent, graph or route "
        "is missing are skipped.",
    )
    p.add_argument("--base-url", required=True, metavar="URL", help="the server to check")
    p.add_argument(
        "--api",
        choices=sorted(PROFILES),
        default="agent-protocol",
        help="which API to check: the Agent Protocol (default) or the LangGraph Platform API "
        "(base URL: LangGraph's server, or ap-server's <url>/langgraph)",
    )
    p.add_argument(
        "--api-key",
        default=os.environ.get("AP_API_KEY") or None,
        metavar="KEY",
        help="sent as `Authorization: Bearer KEY` to a server that requires keys"
        " (default $AP_API_KEY)",
    )
    p.add_argument("--report-json", type=Path, metavar="PATH", help="write a JSON report here")
    p.add_argument(
        "--report-junit", type=Path, metavar="PATH", help="write a JUnit XML report here"
    )
    p.add_argument(
        "--report-html", type=Path, metavar="PATH", help="write a self-contained HTML report here"
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit of each check and of each request (default {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PATTERN",
        help="run only the checks whose name matches: a glob ('resume: *') or a substring "
        "('cancel'); repeatable",
    )
    return p


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """`ap-server conformance ...`: 0 when no check failed, 1 when one did, 2 when the
    checks could not run (bad arguments, no check selected, server unreachable), 130 on
    Ctrl-C. `out`: where the progress and the table go (default stdout)."""
    out = out or sys.stdout
    try:
        args = parser().parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help, or bad arguments (argparse printed why)
        return exc.code if isinstance(exc.code, int) else 2
    if args.timeout <= 0:
        print("conformance: --timeout must be positive", file=sys.stderr)
        return 2
    profile = PROFILES[args.api]
    scenarios = select(args.only, profile.scenarios)
    if not scenarios:
        print(f"conformance: no check matches {' or '.join(args.only)}", file=sys.stderr)
        return 2
    tty = out.isatty()
    colour = tty and not os.environ.get("NO_COLOR")
    base_url = args.base_url.rstrip("/")
    try:
        report = asyncio.run(
            run(
                base_url,
                scenarios,
                args.timeout,
                Progress(out, tty, colour),
                out,
                args.api_key,
                profile,
            )
        )
    except Unreachable as exc:
        print(f"conformance: cannot reach the server: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nconformance: interrupted", file=sys.stderr)
        return 130
    out.write(("" if tty else "\n") + render(report, colour) + "\n")
    if args.report_json:
        write_json(report, args.report_json)
    if args.report_junit:
        write_junit(report, args.report_junit)
    if args.report_html:
        write_html(report, args.report_html)
    out.flush()
    return 1 if report.failed else 0
