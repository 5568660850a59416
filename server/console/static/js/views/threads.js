// Threads: search by status, metadata and values, a page at a time.

import { call, rawJson } from "../api.js";
import { badge, field, h, problem, replace, select, table, when } from "../dom.js";

const STATUSES = [
  ["", "any"],
  ["idle", "idle"],
  ["busy", "busy"],
  ["interrupted", "interrupted"],
  ["error", "error"],
];
const PAGE_SIZES = ["10", "20", "50", "100"];

// The search lives in the location (#/threads?status=busy&metadata=...&offset=20), so a
// reload or the back button shows the same page of results.
export async function search(view) {
  const query = view.query;
  const limit = Number(query.get("limit") ?? 20);
  const offset = Number(query.get("offset") ?? 0);
  const form = searchForm(view);
  replace(view.main, h("h1", { tabindex: "-1" }, "Threads"), form);

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
  const page = (newOffset) => {
    const next = new URLSearchParams(query);
    next.set("offset", String(Math.max(0, newOffset)));
    return `#/threads?${next}`;
  };
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
    h(
      "nav",
      { class: "pager", "aria-label": "Pages of threads" },
      offset > 0 ? h("a", { href: page(offset - limit), rel: "prev" }, "Previous page") : null,
      h("span", {}, `Page ${Math.floor(offset / limit) + 1}`),
      threads.length === limit
        ? h("a", { href: page(offset + limit), rel: "next" }, "Next page")
        : null,
    ),
  );
}

function searchForm(view) {
  const query = view.query;
  const form = h(
    "form",
    { class: "search", role: "search", "aria-label": "Search threads" },
    field("Status", select("status", STATUSES, query.get("status") ?? "")),
    field(
      "Metadata contains (JSON object)",
      h("input", {
        name: "metadata",
        value: query.get("metadata") ?? "",
        placeholder: '{"user": "ann"}',
      }),
    ),
    field(
      "Values contain (JSON object)",
      h("input", {
        name: "values",
        value: query.get("values") ?? "",
        placeholder: '{"topic": "weather"}',
      }),
    ),
    field(
      "Per page",
      select(
        "limit",
        PAGE_SIZES.map((size) => [size, size]),
        query.get("limit") ?? "20",
      ),
    ),
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) next.set(name, value);
    const hash = `#/threads?${next}`;
    if (window.location.hash === hash) view.refresh();
    else window.location.hash = hash;
  });
  return form;
}
