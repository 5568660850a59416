// A search whose terms live in the location (#/threads?status=busy&offset=20), so that a
// reload or the back button shows the same page of results: its form, and its pager.

import { call } from "../api.js";
import { field, h, problem, replace, select } from "../dom.js";

const PAGE_SIZES = ["10", "20", "50", "100"];

// A search page: its form, then the page of results the location asks for. `body(query)`
// is the search request without paging; `results(found, offset)` shows what was found.
export async function searchPage(view, { title, route, fields, path, body, results }) {
  const { limit, offset } = paging(view.query);
  const what = title.toLowerCase();
  replace(
    view.main,
    h("h1", { tabindex: "-1" }, title),
    searchForm(view, route, `Search ${what}`, fields),
  );
  let found;
  try {
    found = await call("POST", path, {
      body: { ...body(view.query), limit, offset },
      signal: view.signal,
    });
  } catch (error) {
    view.main.append(problem(error));
    return;
  }
  view.main.append(results(found, offset), pager(view, route, `Pages of ${what}`, found.length));
}

// The page the location asks for.
export function paging(query) {
  return { limit: Number(query.get("limit") ?? 20), offset: Number(query.get("offset") ?? 0) };
}

// The form: `fields` are labelled controls named like the query's parameters.
export function searchForm(view, route, label, fields) {
  const form = h(
    "form",
    { class: "search", role: "search", "aria-label": label },
    fields,
    field(
      "Per page",
      select(
        "limit",
        PAGE_SIZES.map((size) => [size, size]),
        view.query.get("limit") ?? "20",
      ),
    ),
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) next.set(name, value);
    const hash = `#${route}?${next}`;
    if (window.location.hash === hash) view.refresh();
    else window.location.hash = hash;
  });
  return form;
}

// Links to the previous and next pages of `count` results found.
export function pager(view, route, label, count) {
  const { limit, offset } = paging(view.query);
  const page = (newOffset) => {
    const next = new URLSearchParams(view.query);
    next.set("offset", String(Math.max(0, newOffset)));
    return `#${route}?${next}`;
  };
  return h(
    "nav",
    { class: "pager", "aria-label": label },
    offset > 0 ? h("a", { href: page(offset - limit), rel: "prev" }, "Previous page") : null,
    h("span", {}, `Page ${Math.floor(offset / limit) + 1}`),
    count === limit ? h("a", { href: page(offset + limit), rel: "next" }, "Next page") : null,
  );
}

export function textInput(view, name, placeholder) {
  return h("input", { name, value: view.query.get(name) ?? "", placeholder, spellcheck: "false" });
}
