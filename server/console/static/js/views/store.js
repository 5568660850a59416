// The store: namespaces, the items under one, put and delete.

import { call, InputError, rawJson } from "../api.js";
import { field, h, jsonBlock, pretty, problem, replace, table, when } from "../dom.js";

const PAGE = 20;

// A namespace as typed: labels separated by "/", or a JSON array (for labels with a "/").
function parseNamespace(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    const labels = rawJson(trimmed, "The namespace")?.value;
    if (!Array.isArray(labels) || !labels.every((label) => typeof label === "string")) {
      throw new InputError("The namespace must be a JSON array of strings.");
    }
    return labels;
  }
  const labels = trimmed
    .split("/")
    .map((label) => label.trim())
    .filter(Boolean);
  if (!labels.length) throw new InputError("Enter a namespace: labels separated by /.");
  return labels;
}

const show = (namespace) => namespace.join(" / ");
const link = (namespace, offset = 0) =>
  `#/store?${new URLSearchParams({ ns: JSON.stringify(namespace), offset: String(offset) })}`;

export async function browse(view) {
  const chosen = view.query.get("ns") ? JSON.parse(view.query.get("ns")) : null;
  const offset = Number(view.query.get("offset") ?? 0);
  const namespaces = await call("POST", "/store/namespaces", {
    body: { limit: 1000 },
    signal: view.signal,
  });
  const put = putForm(chosen, view);
  replace(
    view.main,
    h("h1", { tabindex: "-1" }, "Store"),
    h(
      "section",
      { "aria-labelledby": "namespaces-heading" },
      h("h2", { id: "namespaces-heading" }, "Namespaces"),
      namespaces.length
        ? h(
            "ul",
            { class: "namespaces" },
            namespaces.map((namespace) =>
              h(
                "li",
                {},
                h(
                  "a",
                  {
                    href: link(namespace),
                    "aria-current":
                      JSON.stringify(namespace) === JSON.stringify(chosen) ? "page" : null,
                  },
                  show(namespace),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, "The store is empty."),
    ),
    chosen ? await items(chosen, offset, view, put.fill) : null,
    put.element,
  );
}

async function items(namespace, offset, view, edit) {
  const found = await call("POST", "/store/items/search", {
    body: { namespace_prefix: namespace, limit: PAGE, offset },
    signal: view.signal,
  });
  const status = h("div", { role: "status" });
  const remove = async (item) => {
    try {
      await call("DELETE", "/store/items", { body: { namespace: item.namespace, key: item.key } });
      view.refresh();
    } catch (error) {
      replace(status, problem(error));
    }
  };
  return h(
    "section",
    { "aria-labelledby": "items-heading" },
    h("h2", { id: "items-heading" }, `Items under ${show(namespace)}`),
    table(
      `Items ${offset + 1}–${offset + found.items.length}`,
      [
        ["Namespace", (item) => show(item.namespace)],
        ["Key", (item) => h("code", {}, item.key)],
        ["Value", (item) => jsonBlock(item.value, `Value of ${item.key}`)],
        ["Updated", (item) => when(item.updated_at)],
        [
          "",
          (item) => [
            h(
              "button",
              { type: "button", "aria-label": `Edit ${item.key}`, onclick: () => edit(item) },
              "Edit",
            ),
            " ",
            h(
              "button",
              {
                type: "button",
                class: "danger",
                "aria-label": `Delete ${item.key}`,
                onclick: () => remove(item),
              },
              "Delete",
            ),
          ],
        ],
      ],
      found.items,
      "No items here.",
    ),
    h(
      "nav",
      { class: "pager", "aria-label": "Pages of items" },
      offset > 0
        ? h(
            "a",
            { href: link(namespace, Math.max(0, offset - PAGE)), rel: "prev" },
            "Previous page",
          )
        : null,
      found.items.length === PAGE
        ? h("a", { href: link(namespace, offset + PAGE), rel: "next" }, "Next page")
        : null,
    ),
    status,
  );
}

// The form, and `fill(item)` that puts an item in it to be edited.
function putForm(namespace, view) {
  const output = h("div", { class: "result" });
  const namespaceInput = h("input", {
    name: "namespace",
    value: namespace ? show(namespace) : "",
    spellcheck: "false",
  });
  const keyInput = h("input", { name: "key", spellcheck: "false" });
  const valueInput = h("textarea", { name: "value", rows: 4, value: "{}" });
  const form = h(
    "form",
    { class: "put-item", "aria-labelledby": "put-heading" },
    h("h2", { id: "put-heading" }, "Put an item"),
    field("Namespace", namespaceInput, 'Labels separated by "/", or a JSON array of strings.'),
    field("Key", keyInput),
    field("Value (JSON object)", valueInput),
    h("button", { type: "submit" }, "Put"),
    output,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      const target = parseNamespace(data.get("namespace"));
      const key = data.get("key");
      if (!key) throw new InputError("Enter a key.");
      const value = rawJson(data.get("value"), "The value", { kind: "object" });
      if (!value) throw new InputError("Enter a value: a JSON object.");
      await call("PUT", "/store/items", { body: { namespace: target, key, value } });
      const hash = link(target);
      if (window.location.hash === hash) view.refresh();
      else window.location.hash = hash;
    } catch (error) {
      replace(output, problem(error));
    }
  });
  const fill = (item) => {
    const plain = item.namespace.every((label) => !label.includes("/"));
    namespaceInput.value = plain ? show(item.namespace) : JSON.stringify(item.namespace);
    keyInput.value = item.key;
    valueInput.value = pretty(item.value);
    valueInput.focus();
  };
  return { element: form, fill };
}
