// One thread: its values, pending interrupts (answered here), runs, history; copy, delete,
// and edits of its state.

import { call, InputError, jsonBody, RawJson, rawJson } from "../api.js";
import { badge, field, h, jsonBlock, problem, replace, shortId, when } from "../dom.js";
import { streamLog } from "../streamlog.js";
import { startStream } from "../streams.js";
import { runsTable } from "./runs.js";

const HISTORY_PAGE = 10;

export async function detail(view) {
  const [threadId] = view.params;
  const [thread, runs] = await Promise.all([
    call("GET", `/threads/${threadId}`, { signal: view.signal }),
    call("POST", "/runs/search", {
      body: { thread_id: threadId, limit: 100 },
      signal: view.signal,
    }),
  ]);
  const edit = editForm(thread, view);
  replace(
    view.main,
    h("h1", { tabindex: "-1" }, "Thread ", h("code", {}, thread.thread_id)),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Status"),
      h("dd", { id: "thread-status" }, badge(thread.status)),
      h("dt", {}, "Created"),
      h("dd", {}, when(thread.created_at)),
      h("dt", {}, "Updated"),
      h("dd", {}, when(thread.updated_at)),
      h("dt", {}, "Metadata"),
      h("dd", {}, h("code", { class: "inline-json" }, JSON.stringify(thread.metadata))),
    ),
    actions(thread, runs, view),
    thread.interrupts?.length ? interrupts(thread, view) : null,
    section(
      "values",
      "Values",
      jsonBlock(thread.values ?? {}, "Values"),
      thread.messages?.length ? [h("h3", {}, "Messages"), jsonBlock(thread.messages)] : null,
    ),
    section(
      "runs",
      "Runs",
      runsTable(runs, {
        caption: "Runs of this thread, newest first",
        empty: "No runs on this thread.",
      }),
    ),
    section("history", "History", history(threadId, view, edit.branchFrom)),
    edit.element,
  );
}

function section(name, title, ...children) {
  return h(
    "section",
    { "aria-labelledby": `${name}-heading`, id: `${name}-section` },
    h("h2", { id: `${name}-heading` }, title),
    children,
  );
}

function actions(thread, runs, view) {
  const status = h("div", { role: "status" });
  const confirm = h("div", { class: "confirm", hidden: true });
  const copy = h("button", { type: "button" }, "Copy thread");
  const remove = h("button", { type: "button", class: "danger" }, "Delete thread…");
  copy.addEventListener("click", async () => {
    try {
      const made = await call("POST", `/threads/${thread.thread_id}/copy`);
      window.location.hash = `#/threads/${made.thread_id}`;
    } catch (error) {
      replace(status, problem(error));
    }
  });
  remove.addEventListener("click", () => {
    confirm.hidden = false;
    confirm.querySelector("button").focus();
  });
  const reallyDelete = async () => {
    try {
      await call("DELETE", `/threads/${thread.thread_id}`);
      window.location.hash = "#/threads";
    } catch (error) {
      replace(status, problem(error));
    }
  };
  replace(
    confirm,
    h("p", {}, "Delete this thread, its history and its runs? This cannot be undone."),
    h("button", { type: "button", class: "danger", onclick: reallyDelete }, "Delete it"),
    h("button", { type: "button", onclick: () => (confirm.hidden = true) }, "Keep it"),
  );
  const active =
    runs.find((run) => run.status === "running") ??
    runs.findLast((run) => run.status === "pending");
  return h(
    "div",
    { class: "actions" },
    h(
      "a",
      { href: `#/agents?thread=${thread.thread_id}`, class: "button" },
      "Start a run on this thread",
    ),
    copy,
    remove,
    active
      ? h("a", { href: `#/runs/${active.run_id}`, class: "button" }, "Watch the active run")
      : null,
    active ? h("button", { type: "button", onclick: () => view.refresh() }, "Reload") : null,
    confirm,
    status,
  );
}

// The pending questions, one fieldset each, answered together (the server takes the
// answers to all pending interrupts of a thread in one resume).
function interrupts(thread, view) {
  const pending = thread.interrupts;
  const output = h("div", { class: "result" });
  const button = h(
    "button",
    { type: "submit" },
    pending.length > 1 ? "Send answers" : "Send answer",
  );
  const form = h(
    "form",
    { class: "resume", "aria-labelledby": "interrupts-heading" },
    h("h2", { id: "interrupts-heading" }, "Pending interrupts"),
    h("p", {}, "The thread waits for an answer. Text is sent as a string unless marked as JSON."),
    pending.map((interrupt, index) =>
      h(
        "fieldset",
        { class: "interrupt", "data-interrupt-id": interrupt.id },
        h("legend", {}, `Interrupt ${index + 1} of ${pending.length}`),
        h("p", {}, "Id ", h("code", {}, interrupt.id)),
        question(interrupt.value),
        field("Answer", h("textarea", { name: `answer-${interrupt.id}`, rows: 2 })),
        h(
          "label",
          {},
          h("input", { type: "checkbox", name: `json-${interrupt.id}` }),
          " The answer is JSON",
        ),
      ),
    ),
    button,
    output,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    replace(output);
    try {
      await resume(thread, new FormData(form), output, view);
    } catch (error) {
      const lost = error.status === 409;
      replace(
        output,
        problem(error),
        lost
          ? h("p", {}, "Another answer was taken first: the thread no longer waits for this one.")
          : null,
        lost
          ? h("button", { type: "button", onclick: () => view.refresh() }, "Reload thread")
          : null,
      );
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function question(value) {
  if (value && typeof value === "object" && typeof value.question === "string") {
    return h("p", { class: "question" }, value.question);
  }
  return jsonBlock(value, "Interrupt value");
}

async function resume(thread, data, output, view) {
  const answers = thread.interrupts.map((interrupt) => {
    const text = data.get(`answer-${interrupt.id}`);
    if (!data.get(`json-${interrupt.id}`)) return new RawJson(JSON.stringify(text), text);
    const answer = rawJson(text, "The answer");
    if (!answer) throw new InputError("A JSON answer may not be empty.");
    return answer;
  });
  const input =
    answers.length === 1
      ? answers[0]
      : new RawJson(
          jsonBody(Object.fromEntries(thread.interrupts.map((i, n) => [i.id, answers[n]]))),
        );
  const stream = await startStream("PATCH", "/runs/resume/stream", {
    thread_id: thread.thread_id,
    input,
    stream_mode: ["values", "updates"],
    on_disconnect: "continue",
  });
  const log = streamLog(stream, {
    heading: "h3",
    onEnd: () => {
      if (view.isCurrent()) view.refresh();
    },
  });
  view.onLeave(log.stop);
  replace(
    output,
    h("p", {}, "Resumed as run ", h("a", { href: `#/runs/${stream.runId}` }, stream.runId), "."),
    log.element,
  );
}

// PATCH /threads/{id}: values and metadata merged in, a new checkpoint (optionally a branch
// from an older one).
function editForm(thread, view) {
  const checkpoint = h("input", { name: "checkpoint", spellcheck: "false" });
  const values = h("textarea", { name: "values", rows: 4, value: "{}" });
  const output = h("div", { class: "result" });
  const form = h(
    "form",
    { class: "edit-state", "aria-labelledby": "edit-heading" },
    h("h2", { id: "edit-heading" }, "Edit state"),
    field("Values to merge into the state (JSON object)", values),
    field(
      "Metadata to merge into the thread's (JSON object)",
      h("textarea", { name: "metadata", rows: 2, value: "{}" }),
    ),
    field(
      "Based on checkpoint",
      checkpoint,
      "Empty: the latest. Another id makes a branch from it.",
    ),
    h("button", { type: "submit" }, "Save (a new checkpoint)"),
    output,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const nonEmpty = (raw) => (raw && Object.keys(raw.value).length ? raw : undefined);
    try {
      const body = {
        values: nonEmpty(rawJson(data.get("values"), "Values", { kind: "object" })),
        metadata: nonEmpty(rawJson(data.get("metadata"), "Metadata", { kind: "object" })),
        checkpoint: data.get("checkpoint").trim()
          ? { checkpoint_id: data.get("checkpoint").trim() }
          : undefined,
      };
      if (!body.values && !body.metadata) throw new InputError("Nothing to save: both are empty.");
      await call("PATCH", `/threads/${thread.thread_id}`, { body });
      view.refresh();
    } catch (error) {
      replace(output, problem(error));
    }
  });
  const branchFrom = (checkpointId) => {
    checkpoint.value = checkpointId;
    values.focus();
  };
  return { element: form, branchFrom };
}

// The checkpoints, newest first, a page at a time.
function history(threadId, view, branchFrom) {
  const list = h("ol", { class: "timeline", "aria-label": "Checkpoints, newest first" });
  const more = h("button", { type: "button" }, "Load older checkpoints");
  const status = h("div", { role: "status" });
  let before;
  const load = async () => {
    more.disabled = true;
    try {
      const states = await call("GET", `/threads/${threadId}/history`, {
        query: { limit: HISTORY_PAGE, before },
        signal: view.signal,
      });
      list.append(...states.map((state) => checkpoint(state, branchFrom)));
      before = states.at(-1)?.checkpoint.checkpoint_id;
      more.hidden = states.length < HISTORY_PAGE;
      if (!list.children.length) replace(status, h("p", { class: "muted" }, "No checkpoints yet."));
    } catch (error) {
      if (error.name !== "AbortError") replace(status, problem(error));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener("click", load);
  load();
  return [list, status, more];
}

function checkpoint(state, branchFrom) {
  const id = state.checkpoint.checkpoint_id;
  const metadata = state.metadata ?? {};
  const runId = metadata.run_id;
  return h(
    "li",
    { class: "checkpoint", "data-checkpoint-id": id },
    h("h3", {}, "Checkpoint ", shortId(id), " ", when(state.created_at)),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Source"),
      h(
        "dd",
        {},
        `${metadata.source ?? "—"}${metadata.step !== undefined ? `, step ${metadata.step}` : ""}`,
      ),
      h("dt", {}, "Parent"),
      h("dd", {}, shortId(state.parent_checkpoint?.checkpoint_id)),
      h("dt", {}, "Run"),
      h("dd", {}, runId ? h("a", { href: `#/runs/${runId}` }, shortId(runId)) : "none (an edit)"),
    ),
    h("details", {}, h("summary", {}, "Values"), jsonBlock(state.values ?? {}, "Values")),
    h("details", {}, h("summary", {}, "Metadata"), jsonBlock(metadata, "Metadata")),
    state.interrupts?.length
      ? h("details", {}, h("summary", {}, "Interrupts"), jsonBlock(state.interrupts, "Interrupts"))
      : null,
    h("button", { type: "button", onclick: () => branchFrom(id) }, "Edit from this checkpoint"),
  );
}
