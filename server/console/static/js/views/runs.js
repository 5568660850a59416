// Runs: search by status, agent, thread and metadata, a page at a time; and the table of
// runs that a thread's page shows too.

import { rawJson } from "../api.js";
import { badge, duration, field, h, select, shortId, table, when } from "../dom.js";
import { searchPage, textInput } from "./search.js";

const STATUSES = [
  ["", "any"],
  ["pending", "pending"],
  ["running", "running"],
  ["success", "success"],
  ["error", "error"],
  ["timeout", "timeout"],
  ["interrupted", "interrupted"],
];

export async function search(view) {
  await searchPage(view, {
    title: "Runs",
    route: "/runs",
    fields: [
      field("Status", select("status", STATUSES, view.query.get("status") ?? "")),
      field("Agent", textInput(view, "agent_id", "echo")),
      field("Thread id", textInput(view, "thread_id", "")),
      field("Metadata contains (JSON object)", textInput(view, "metadata", '{"user": "ann"}')),
    ],
    path: "/runs/search",
    body: (query) => ({
      status: query.get("status") || undefined,
      agent_id: query.get("agent_id") || undefined,
      thread_id: query.get("thread_id") || undefined,
      metadata: rawJson(query.get("metadata") ?? "", "Metadata", { kind: "object" }),
    }),
    results: (runs, offset) =>
      runsTable(runs, {
        caption: `Runs ${offset + 1}–${offset + runs.length}, newest first`,
        empty: offset ? "No more runs." : "No run matches.",
        withThread: true,
      }),
  });
}

export function runsTable(runs, { caption, empty, withThread = false }) {
  const thread = (run) =>
    run.thread_id ? h("a", { href: `#/threads/${run.thread_id}` }, shortId(run.thread_id)) : "—";
  return table(
    caption,
    [
      ["Run", (run) => h("a", { href: `#/runs/${run.run_id}` }, shortId(run.run_id))],
      withThread ? ["Thread", thread] : null,
      ["Agent", (run) => run.agent_id ?? ""],
      ["Status", (run) => badge(run.status)],
      ["Created", (run) => when(run.created_at)],
      ["Started", (run) => when(run.started_at)],
      ["Ended", (run) => when(run.ended_at)],
      ["Took", (run) => duration(run.started_at, run.ended_at)],
      ["Stop reason", (run) => run.stop_reason ?? ""],
      ["Error", (run) => (run.error ? `${run.error.type}: ${run.error.message}` : "")],
    ].filter(Boolean),
    runs,
    empty,
  );
}
