// Runs: search by status, agent, thread and metadata, a page at a time; and the table of
// runs that a thread's page shows too.

import { call, rawJson } from "../api.js";
import {
  badge,
  duration,
  field,
  h,
  problem,
  replace,
  select,
  shortId,
  table,
  when,
} from "../dom.js";
import { pager, paging, searchForm, textInput } from "./search.js";

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
  const query = view.query;
  const { limit, offset } = paging(query);
  replace(
    view.main,
    h("h1", { tabindex: "-1" }, "Runs"),
    searchForm(view, "/runs", "Search runs", [
      field("Status", select("status", STATUSES, query.get("status") ?? "")),
      field("Agent", textInput(view, "agent_id", "echo")),
      field("Thread id", textInput(view, "thread_id", "")),
      field("Metadata contains (JSON object)", textInput(view, "metadata", '{"user": "ann"}')),
    ]),
  );
  let runs;
  try {
    runs = await call("POST", "/runs/search", {
      body: {
        status: query.get("status") || undefined,
        agent_id: query.get("agent_id") || undefined,
        thread_id: query.get("thread_id") || undefined,
        metadata: rawJson(query.get("metadata") ?? "", "Metadata", { kind: "object" }),
        limit,
        offset,
      },
      signal: view.signal,
    });
  } catch (error) {
    view.main.append(problem(error));
    return;
  }
  view.main.append(
    runsTable(runs, {
      caption: `Runs ${offset + 1}–${offset + runs.length}, newest first`,
      empty: offset ? "No more runs." : "No run matches.",
      withThread: true,
    }),
    pager(view, "/runs", "Pages of runs", runs.length),
  );
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
