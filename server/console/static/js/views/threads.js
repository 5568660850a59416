// Threads: search by status, metadata and values, a page at a time.

import { call, rawJson } from "../api.js";
import { badge, field, h, problem, replace, select, table, when } from "../dom.js";
import { pager, paging, searchForm, textInput } from "./search.js";

const STATUSES = [
  ["", "any"],
  ["idle", "idle"],
  ["busy", "busy"],
  ["interrupted", "interrupted"],
  ["error", "error"],
];

export async function search(view) {
  const query = view.query;
  const { limit, offset } = paging(query);
  replace(
    view.main,
    h("h1", { tabindex: "-1" }, "Threads"),
    searchForm(view, "/threads", "Search threads", [
      field("Status", select("status", STATUSES, query.get("status") ?? "")),
      field("Metadata contains (JSON object)", textInput(view, "metadata", '{"user": "ann"}')),
      field("Values contain (JSON object)", textInput(view, "values", '{"topic": "weather"}')),
    ]),
  );
  let threads;
  try {
    threads = await call("POST", "/threads/search", {
      body: {
        status: query.get("status") || undefined,
        metadata: rawJson(query.get("metadata") ?? "", "Metadata", { kind: "object" }),
        values: rawJson(query.get("values") ?? "", "Values", { kind: "object" }),
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
    table(
      `Threads ${offset + 1}–${offset + threads.length}`,
      [
        ["Thread", (t) => h("a", { href: `#/threads/${t.thread_id}` }, h("code", {}, t.thread_id))],
        ["Status", (t) => badge(t.status)],
        ["Created", (t) => when(t.created_at)],
        ["Updated", (t) => when(t.updated_at)],
        ["Metadata", (t) => h("code", { class: "inline-json" }, JSON.stringify(t.metadata))],
      ],
      threads,
      offset ? "No more threads." : "No thread matches.",
    ),
    pager(view, "/threads", "Pages of threads", threads.length),
  );
}
