// One run: its status, timings, stop reason and error; its stream, live or replayed; and
// the cancel form, after which the page follows the run to its end state.

import { ApiError, call } from "../api.js";
import { badge, choices, duration, field, h, problem, replace, when } from "../dom.js";
import { streamLog } from "../streamlog.js";
import { join } from "../streams.js";

const ACTIVE = new Set(["pending", "running"]);

export async function detail(view) {
  const [runId] = view.params;
  const facts = h("div", { class: "run-facts" });
  const cancel = cancelForm(runId, () => refresh());
  const stream = join(runId);
  const log = streamLog(stream, { onEnd: () => refresh() });
  view.onLeave(log.stop);
  let shown = null; // the status on the page
  // A pending run that streams has started: show it running (without a request per event).
  const started = (_, event) => {
    if (event && shown === "pending") {
      shown = null;
      refresh();
    }
  };
  view.onLeave(stream.subscribe(started));

  // The run as the server has it now; a run that ended hides the cancel form.
  async function refresh() {
    if (!view.isCurrent()) return;
    try {
      const run = await call("GET", `/runs/${runId}`, { signal: view.signal });
      shown = run.status;
      replace(facts, runFacts(run));
      cancel.hidden = !ACTIVE.has(run.status);
    } catch (error) {
      if (error.name === "AbortError") return;
      const gone = error instanceof ApiError && error.status === 404;
      replace(
        facts,
        gone
          ? h(
              "p",
              { id: "run-gone" },
              "This run no longer exists: it was rolled back or deleted (or belongs to another owner).",
            )
          : problem(error),
      );
      cancel.hidden = true;
    }
  }

  replace(
    view.main,
    h("h1", { tabindex: "-1" }, "Run ", h("code", {}, runId)),
    facts,
    cancel,
    log.element,
  );
  await refresh();
}

function runFacts(run) {
  const row = (term, ...value) => [h("dt", {}, term), h("dd", {}, ...value)];
  return h(
    "dl",
    { class: "facts two-columns" },
    row(
      "Status",
      h("span", { id: "run-status" }, badge(run.status)),
      run.stopping ? " (stopping…)" : "",
    ),
    row(
      "Agent",
      run.agent_id
        ? h("a", { href: `#/agents/${encodeURIComponent(run.agent_id)}` }, run.agent_id)
        : "—",
    ),
    row(
      "Thread",
      run.thread_id
        ? h("a", { href: `#/threads/${run.thread_id}` }, h("code", {}, run.thread_id))
        : "—",
    ),
    row("Created", when(run.created_at)),
    row("Started", when(run.started_at)),
    row("Ended", when(run.ended_at)),
    row("Took", duration(run.started_at, run.ended_at)),
    row("Stop reason", h("span", { id: "run-stop-reason" }, run.stop_reason ?? "—")),
    row("Error", run.error ? `${run.error.type}: ${run.error.message}` : "—"),
    row("Multitask strategy", run.multitask_strategy ?? "—"),
    row("Metadata", h("code", { class: "inline-json" }, JSON.stringify(run.metadata ?? {}))),
    row("Config", h("code", { class: "inline-json" }, JSON.stringify(run.config ?? {}))),
  );
}

function cancelForm(runId, refresh) {
  const status = h("div", { role: "status" });
  const button = h("button", { type: "submit", class: "danger" }, "Cancel run");
  const form = h(
    "form",
    { class: "cancel", "aria-labelledby": "cancel-heading", hidden: true },
    h("h2", { id: "cancel-heading" }, "Cancel"),
    choices(
      "What to keep",
      "radio",
      "action",
      [
        ["interrupt", "interrupt: stop it and keep what it wrote"],
        ["rollback", "rollback: stop it, then erase it and what it wrote"],
      ],
      "interrupt",
    ),
    h(
      "label",
      {},
      h("input", { type: "checkbox", name: "graceful", checked: true }),
      " Graceful: tell the agent and let it finish its current step",
    ),
    field(
      "Grace period (seconds)",
      h("input", { type: "number", name: "timeout", min: 0, max: 3600, step: "any" }),
      "Empty: the server's default. Not graceful: the agent's task is cancelled at once.",
    ),
    button,
    status,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    button.disabled = true;
    try {
      await call("POST", `/runs/${runId}/cancel`, {
        query: {
          action: data.get("action"),
          graceful: data.get("graceful") ? "true" : "false",
          timeout: data.get("timeout"),
        },
      });
      replace(status, "Stop requested: following the run to its end…");
      await refresh();
    } catch (error) {
      replace(status, problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
