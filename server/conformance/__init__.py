"""The conformance kit: behavioural checks of any Agent Protocol server.

    ap-server conformance --base-url http://127.0.0.1:2024 [--api agent-protocol|langgraph] \\
        [--report-json report.json] [--report-junit junit.xml] [--report-html report.html] \\
        [--timeout SECONDS] [--only PATTERN ...]

Two profiles: the Agent Protocol checks below (`scenarios.py`, the default), and the
LangGraph Platform API checks (`--api langgraph`, `lg_scenarios.py`, on the graphs of
`graphs.py`). Every check names the rule it enforces (`Scenario.rule`), shown with each
failure and in every report.

(or `python -m ap_server.conformance ...`). It runs small scenarios against the server
at `--base-url` with the generated client (`agent_protocol_client`, and its `sse` module
for streams), one at a time, each on threads of its own and within `--timeout` seconds
(default 30, also the limit of each request), then best-effort cleans up (cancels its
runs, deletes its threads):

| Group | What is checked |
|---|---|
| threads | create (409 `thread_exists` on a duplicate id), get, patch metadata (merged) and values (a checkpoint each), history newest first with `limit` and `before`, copy, delete then 404 |
| runs | wait (stateless and on a thread), background run then get/join/search, stream (`metadata` first, `end` last), a failing agent ends `error` |
| stream | join a running run, rejoin with `Last-Event-ID` (nothing lost or repeated), replay of an ended run |
| resume | interrupt then resume (wait, background, stream), 404 on a missing thread, 409 `thread_not_interrupted` on an idle one, exactly one winner of 8 concurrent resumes |
| cancel | `wait=true` interrupt (204, run `interrupted`, work kept, thread `idle`), rollback (run gone, state restored), cancel then join, 204 and no change on an ended run, 404 on a missing one |
| multitask | 409 `thread_busy` on a busy thread (background, wait, stream, explicit `reject`) |

The contract: agents of known behaviour
---------------------------------------

The scenarios need these agents on the server under test (ids as in `agent_id`); the
example agents of ap-server (`ap_server.agents.examples`) are exactly this:

- `echo`: finishes with the values `{"echo": <input>}` (one update).
- `hitl`: interrupts with `{"question": <input.question>}`; resumed with a value `v`, it
  finishes with `{"answer": v}`.
- `slow`: input `{"steps": n, "delay": s}`; for each step 1..n it waits `s` seconds, then
  writes `{"step": i}` (one update, one checkpoint); it honours a cancel between and
  during steps.
- `fail`: raises; the run ends with status `error`.

Before running, the kit looks them up with `POST /agents/search` (and `GET
/agents/{agent_id}` for those not listed). A scenario whose agent is missing is skipped
("agent hitl not available"), and so is one whose operation answers 405 or 501, or 404
with a body that is not an `ErrorResponse`, for the route itself ("server does not
implement PATCH /runs/resume (501)"). A 404 with an `ErrorResponse` is taken as the
absence of the resource: a failure when the check has just created it.

Output: a progress line while it runs, a table (check, result, time, and why a check
failed or was skipped), and for each failure the request that showed it (method, URL,
body) with its response (status, body excerpt); `--report-json` and `--report-junit`
write the same as files. The exit status is 0 when no check failed (skips included), 1
when one did, 2 when the checks could not run (bad arguments, no check matches `--only`,
the server does not answer).
"""

from __future__ import annotations

from .lg_scenarios import LANGGRAPH_SCENARIOS
from .runner import main
from .scenarios import SCENARIOS

__all__ = ["LANGGRAPH_SCENARIOS", "SCENARIOS", "main"]
