// Threads: search by status, metadata and values, a page at a time.

import { rawJson } from "../api.js";
import { badge, field, h, select, table, when } from "../dom.js";
import { searchPage, textInput } from "./search.js";

const STATUSES = [
  ["", "any"],
  ["idle", "idle"],
  ["busy", "busy"],
  ["interrupted", "interrupted"],
  ["error", "error"],
];

export async function search(view) {
  await searchPage(view, {
    title: "Threads",
    route: "/threads",
    fields: [
      field("Status", select("status", STATUSES, view.query.get("status") ?? "")),
      field("Metadata contains (JSON object)", textInput(view, "metadata", '{"user": "ann"}')),
      field("Values contain (JSON object)", textInput(view, "values", '{"topic": "weather"}')),
    ],
    path: "/threads/search",
    body: (query) => ({
      status: query.get("status") || undefined,
      metadata: rawJson(query.get("metadata") ?? "", "Metadata", { kind: "object" }),
      values: rawJson(query.get("values") ?? "", "Values", { kind: "object" }),
    }),
    results: (threads, offset) =>
      table(
        `Threads ${offset + 1}–${offset + threads.length}`,
        [
          [
            "Thread",
            (t) => h("a", { href: `#/threads/${t.thread_id}` }, h("code", {}, t.thread_id)),
          ],
          ["Status", (t) => badge(t.status)],
          ["Created", (t) => when(t.created_at)],
          ["Updated", (t) => when(t.updated_at)],
          ["Metadata", (t) => h("code", { class: "inline-json" }, JSON.stringify(t.metadata))],
        ],
        threads,
        offset ? "No more threads." : "No thread matches.",
      ),
  });
}
