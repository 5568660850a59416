"""Conformance: schemathesis over every operation of spec/openapi.yaml, against the server.

The server runs in-process (ASGI, see `tests/conformance/__init__.py`) on a fresh, migrated
database of a real Postgres (DATABASE_URL, or an embedded one), with its run engine running
and the example agents registered. Two kinds of tests:

- `test_operation[<METHOD> <path>]`, one per operation: schemathesis' examples, coverage and
  fuzzing phases (valid and invalid requests), each response validated with `call_and_validate`.
- `test_stateful`: sequences of calls following the OpenAPI `links` of the spec (create a
  thread, then get / patch / copy / delete it, read its history, run on it; create a run, then
  get / wait / stream / cancel / delete it; resume an interrupted thread; ...), plus the links
  schemathesis infers.

Every built-in check is on: no server error, status codes documented, content types,
response schemas (a `text/event-stream` body event by event against `StreamEvent`), response
headers, acceptance of valid and rejection of invalid requests, missing required headers,
405 with `Allow` for unsupported methods, and in sequences: a created resource is found and a
deleted one is gone. One check of our own: an event stream ends, with an `end` event, within
the request timeout (schemathesis keeps a stream cut short at the deadline without failing).
Waits and streams must end: a request not answered within REQUEST_TIMEOUT seconds fails.

Profiles (`AP_CONFORMANCE_PROFILE`): `fast` (default) and `thorough` (at least 10,000
requests; the count is printed at the end of the session). Generation is deterministic:
derandomized per operation, fixed seeds for the sequences.

What is turned off, and why:

- Generation: no NUL character (`allow_x00=False`) and strings in the `utf-8` codec (no lone
  surrogates). Postgres `text` and `jsonb` cannot hold U+0000 nor unpaired surrogates; the
  server refuses both with a 422, which the spec's schemas cannot express (JSON Schema has no
  way to exclude a code point from every string), so schemathesis would report these valid
  requests as wrongly rejected.
- `max_response_time`: no limit (schemathesis' default). Waits and streams take as long as
  their run does; REQUEST_TIMEOUT bounds every request instead.
- Hypothesis' replay and shrinking in `test_stateful`: failures are collected, not raised,
  because a sequence replayed against a server whose state has moved on is not the same
  sequence. Each failure is reported with a curl command reproducing its last request.

- "Schema-valid request rejected" when the answer is a 422 `interrupts_unanswered`: a
  resume of a thread with several pending interrupts must map each interrupt id to its
  answer (issue 5 asks for a 422 here); no JSON Schema can tie the body's shape to the
  thread's state; likewise a 422 `command_not_supported` (`command.update`/`goto` on a
  /langgraph run of an agent that is not a LangGraph graph: what the body may hold depends
  on the agent it names); a 422 `not_supported` (a LangGraph field set to a value this
  server does not honour, named in the spec's description of the field; never silently
  dropped); a 422 `invalid_schedule` (a cron expression or time zone no JSON Schema can
  check). Any other 422 to a valid body fails.
- Two stateful checks, "created resource not found" and "deleted resource still available",
  judge a 404 (or a 200) by the call that created (or deleted) the resource, not knowing
  what happened since. A finding is not counted as a failure, but counted by its reason in
  the session's summary, when the server was right: the 404 names another resource than
  the one created (a checkpoint the thread lacks, an agent that does not exist, an id the
  server never gave because a link did not fill the body); the thread, or the run's
  thread, was deleted earlier in the scenario through the other path family (the native
  and the `/langgraph` paths serve the same threads, which schemathesis cannot know); the
  run was cancelled with `action=rollback`, which erases it; the deleted thread was created
  again by id (`POST /threads`, or a run with `if_not_exists=create`, in either family).
  Every other finding of these checks fails the test.

Not a check but a boundary of the test: webhook deliveries go to an in-process mock (no
request leaves the machine); creating a run still validates the webhook URL as in production.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from typing import ClassVar

import hypothesis
import pytest
import schemathesis
from hypothesis import strategies as st
from hypothesis.errors import FlakyStrategyDefinition
from schemathesis.core.failures import FailureGroup

from . import APP, SPEC, profile

PROFILE = profile()
REQUEST_TIMEOUT = 30  # seconds; the server's run_timeout (10 s) ends every run before it
MAX_STREAM_EVENTS = 10_000  # read streams to their end: no run here sends this many events
THREAD_STREAMS = ("/threads/{thread_id}/stream", "/threads/{thread_id}/stream/events")

schema = schemathesis.openapi.from_path(SPEC)
schema.app = APP
schema.config.generation.update(
    max_examples=PROFILE.max_examples,
    deterministic=True,
    allow_x00=False,
    codec="utf-8",
    database="none",
)
schema.config.update(request_timeout=REQUEST_TIMEOUT)
schema.config.max_stream_events = MAX_STREAM_EVENTS

pytestmark = pytest.mark.usefixtures("conformance_app")

# The example agents (server/agents/examples.py). A generated agent_id is a random string,
# which names no agent (404); one in two becomes one of these, so that runs really run:
# echo succeeds, hitl and hitl2 interrupt (and can be resumed), slow is cancellable, fail fails.
AGENTS = ("echo", "hitl", "hitl2", "slow", "fail")


def _known_agent(value: object) -> st.SearchStrategy:
    # A negative case's wrong value stays wrong: not a string, or one out of the bounds
    # (1 to 256 characters) where the spec sets them.
    if not isinstance(value, str) or not 1 <= len(value) <= 256:
        return st.just(value)
    return st.one_of(st.just(value), st.sampled_from(AGENTS))


# Where an agent is named: `agent_id` in the native paths, `assistant_id` in /langgraph.
AGENT_FIELDS = ("agent_id", "assistant_id")


def _with_known_agent(values):
    if not isinstance(values, dict):
        return st.just(values)
    for field in AGENT_FIELDS:
        if field in values:
            return _known_agent(values[field]).map(lambda agent, f=field: {**values, f: agent})
    return st.just(values)


def _read_the_log(case) -> None:
    """A thread's event stream follows live events until the client leaves; here it reads
    the stored ones and ends (`follow: false`), in every phase. A `follow` that is not a
    boolean (a negative case) is left as it is."""
    body = case.body
    if (
        case.method.upper() == "POST"
        and case.operation.path.endswith(THREAD_STREAMS)
        and isinstance(body, dict)
        and isinstance(body.get("follow", True), bool)
    ):
        case.body = {**body, "follow": False}


@schema.hook
def flatmap_body(context, body):
    return _with_known_agent(body)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return _with_known_agent(path_parameters)


@schemathesis.check
def event_stream_ends(ctx, response, case):
    """A 200 event stream ends by itself, and its last event is `end`."""
    content_type = response.headers.get("content-type", [""])[0]
    if response.status_code != 200 or not content_type.startswith("text/event-stream"):
        return None
    if response.stream_cut_short:
        raise AssertionError(
            f"The event stream did not end within {REQUEST_TIMEOUT} s "
            f"(or sent more than {MAX_STREAM_EVENTS} events)"
        )
    if case.operation.path.endswith(THREAD_STREAMS):
        return True  # a thread's log has no `end`: it ended, having sent what was stored
    names = [
        line[len("event:") :].strip()
        for line in response.content.decode().splitlines()
        if line.startswith("event:")
    ]
    if not names or names[-1] != "end":
        raise AssertionError(f"The event stream's last event is {names[-1:]!r}, not `end`")
    return True


@schema.parametrize()
def test_operation(case):
    _read_the_log(case)
    response = case.call()
    try:
        case.validate_response(response)
    except FailureGroup as group:
        failures = [f for f in group.exceptions if _excused(response, f) is None]
        if failures:
            raise FailureGroup(failures, str(group)) from None


def _excused(response, failure) -> str | None:
    """Why a finding of a built-in check is not a failure, if it is not (any operation).

    A resume of a thread with several pending interrupts whose `input` does not map each
    interrupt id to its answer is refused with a 422 (the issue's rule, code
    `interrupts_unanswered`); the body is valid against the schema, which cannot say that
    its shape depends on the thread's state."""
    if failure.title == "Schema-valid request rejected":
        error = _json(response)
        code = error.get("code") if isinstance(error, dict) else None
        if code == "interrupts_unanswered":
            return "several pending interrupts answered by a plain value: 422"
        if code == "command_not_supported":
            return "command.update/goto to an agent that is not a LangGraph graph: 422"
        if code == "not_supported":
            return "a LangGraph field set to a value this server does not honour: 422 naming it"
        if code == "invalid_schedule":
            return "a cron schedule or time zone croniter/zoneinfo cannot read: 422"
        if code == "upgrade_required":
            return "a plain GET of a thread's WebSocket path: 426 (it needs an Upgrade)"
    return None


class Workflow(schema.as_state_machine()):
    """Scenarios of linked calls. Failures are collected, not raised: a raised failure makes
    Hypothesis replay the scenario, which a server whose state has moved on cannot repeat."""

    failures: ClassVar[dict[tuple[str, str], str]] = {}  # (operation, title): details
    scenarios: ClassVar[int] = 0
    explained: ClassVar[Counter[str]] = Counter()  # findings not counted as failures, and why

    def __init__(self):
        super().__init__()
        self.trail: list[str] = []  # this scenario's calls so far, for the failure report
        self.deleted_threads: set[str] = set()  # deleted by either path family (204)
        self.run_threads: dict[str, str] = {}  # run_id: thread_id, from the answers seen
        self.erased_runs: set[str] = set()  # cancelled with action=rollback: deleted
        self.given_ids: set[str] = set()  # every thread_id and run_id the server answered
        self.recreated_threads: set[str] = set()  # deleted, then created again by id

    def call(self, case, **kwargs):
        _read_the_log(case)
        return super().call(case, **kwargs)

    def validate_response(self, response, case, additional_checks=None, **kwargs):
        self.trail.append(f"{case.operation.label} -> {response.status_code}")
        self._remember(response, case)
        try:
            super().validate_response(response, case, additional_checks, **kwargs)
        except FailureGroup as group:
            for failure in group.exceptions:
                reason = self._explained(response, case, failure)
                if reason:
                    self.explained[reason] += 1
                    continue
                key = (case.operation.label, failure.title)
                trail = "\n".join(f"  {step}" for step in self.trail)
                answer = response.content[:500].decode(errors="replace")
                self.failures.setdefault(
                    key,
                    f"{failure}\nscenario:\n{trail}\n{case.as_curl_command()}\nanswer: {answer}",
                )

    def teardown(self):
        type(self).scenarios += 1
        super().teardown()

    def _remember(self, response, case) -> None:
        label, status = case.operation.label, response.status_code
        sent = case.body if isinstance(case.body, dict) else {}
        if label in DELETING_THREADS and status == 204:
            self.deleted_threads.add(str(case.path_parameters["thread_id"]))
        named = _thread_named(case)
        if label in CREATING_THREADS and status == 200 and named in self.deleted_threads:
            self.recreated_threads.add(named)  # POST /threads, or a run's if_not_exists=create
        rollback = (case.query or {}).get("action") == "rollback"
        if label in CANCELLING_RUNS and status in (200, 202, 204) and rollback:
            self.erased_runs.add(str(case.path_parameters["run_id"]))
        answer = _json(response) if status == 200 else None
        runs = answer if isinstance(answer, list) else [answer]
        runs = [r.get("run", r) for r in runs if isinstance(r, dict)]
        if label == "POST /runs/cancel" and sent.get("action") == "rollback":
            self.erased_runs.update(str(r.get("run_id")) for r in runs)
        if sent.get("multitask_strategy") == "rollback" and runs and sent.get("thread_id"):
            thread = str(sent["thread_id"])  # its earlier active runs are erased
            self.erased_runs.update(r for r, t in self.run_threads.items() if t == thread)
        for run in runs:
            for name in ("run_id", "thread_id"):
                if isinstance(run.get(name), str):
                    self.given_ids.add(run[name])
            if "run_id" in run and "thread_id" in run:
                self.run_threads[str(run["run_id"])] = str(run["thread_id"])

    def _explained(self, response, case, failure) -> str | None:
        excuse = _excused(response, failure)
        if excuse:
            return excuse
        if failure.title == "Created resource not found":
            return self._explained_404(response, case)
        if failure.title == "Deleted resource still available":
            thread = str((case.path_parameters or {}).get("thread_id"))
            if thread in self.recreated_threads:
                return "a deleted thread created again by id (POST /threads, or a run's if_not_exists=create)"
        return None

    def _explained_404(self, response, case) -> str | None:
        """Why a "created resource not found" is not one, if it is not: the 404 is about
        another resource than the one created (its body names it: a checkpoint, an agent,
        or an id the server never gave, when a link did not fill the request body), the
        created run went with its thread, deleted earlier in the scenario (a thread's runs
        are part of it), or the run was cancelled with `action=rollback`, which erases it.
        Anything else stays a failure."""
        error = _json(response)
        if isinstance(error, dict):
            if error.get("code") == "checkpoint_not_found":
                return "a checkpoint the thread lacks"
            named = error.get("metadata") or {}
            if "agent_id" in named:
                return "an agent that does not exist"
            ids = [str(named[k]) for k in ("thread_id", "run_id") if k in named]
            if ids and not any(i in self.given_ids for i in ids):
                return "an id the server never gave (a link did not fill the body)"
        run_id = str((case.path_parameters or {}).get("run_id"))
        thread = _thread_named(case) or self.run_threads.get(run_id)
        if thread is not None and str(thread) in self.deleted_threads:
            return "the thread (or the run's thread) was deleted, through either path family"
        if run_id in self.erased_runs:
            return "the run was cancelled with action=rollback (erased)"
        return None


# Operations that create a thread named by the request (body or path), delete one, and
# cancel one run (an `action=rollback` erases it), in both path families.
CREATING_THREADS = {
    "POST /threads",
    "POST /runs",
    "POST /runs/wait",
    "POST /runs/stream",
    "POST /langgraph/threads",
    "POST /langgraph/threads/{thread_id}/runs",
    "POST /langgraph/threads/{thread_id}/runs/wait",
    "POST /langgraph/threads/{thread_id}/runs/stream",
}
DELETING_THREADS = {"DELETE /threads/{thread_id}", "DELETE /langgraph/threads/{thread_id}"}
CANCELLING_RUNS = {
    "POST /runs/{run_id}/cancel",
    "POST /langgraph/threads/{thread_id}/runs/{run_id}/cancel",
}


def _thread_named(case) -> str | None:
    """The thread a request names: in its path, or its body's `thread_id`."""
    body = case.body if isinstance(case.body, dict) else {}
    named = (case.path_parameters or {}).get("thread_id") or body.get("thread_id")
    return None if named is None else str(named)


def _json(response):
    try:
        return response.json()
    except ValueError:
        return None


def test_stateful():
    """PROFILE.stateful_examples scenarios, from fixed seeds. What a seed generates depends
    on what the server answered, so Hypothesis may find its record of earlier scenarios
    contradicted (FlakyStrategyDefinition): then the next seed goes on."""
    settings = hypothesis.settings(
        max_examples=PROFILE.stateful_examples,
        stateful_step_count=PROFILE.stateful_steps,
        phases=[hypothesis.Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    seed = 0
    while Workflow.scenarios < PROFILE.stateful_examples and seed < PROFILE.stateful_examples:
        with contextlib.suppress(FlakyStrategyDefinition):
            hypothesis.seed(seed)(Workflow).run(settings=settings)
        seed += 1
    APP.notes.append(f"stateful: {Workflow.scenarios} scenarios from {seed} seeds")
    for reason, n in sorted(Workflow.explained.items()):
        APP.notes.append(f"  explained, not failed ({n}): {reason}")
    assert not Workflow.failures, "\n\n".join(
        f"{label}: {title}\n{detail}" for (label, title), detail in Workflow.failures.items()
    )
    assert Workflow.scenarios >= PROFILE.stateful_examples
