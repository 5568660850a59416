// Building the page: elements from data, never from HTML strings (text stays text).

// Properties set as properties rather than attributes (a textarea's value, a box's state).
const PROPERTIES = new Set(["value", "checked", "selected", "indeterminate"]);

// h("a", {href: "#/threads", class: "x", onclick: f}, "text", child, [more, children])
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (PROPERTIES.has(name)) {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

// A form's labelled control: <div class="field"><label for=id>text</label>control</div>
let fieldCount = 0;
export function field(label, control, hint) {
  control.id ||= `field-${++fieldCount}`;
  const hintElement = hint ? h("small", { id: `${control.id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute("aria-describedby", hintElement.id);
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control, hintElement);
}

// A group of radio buttons or check boxes under a legend.
export function choices(legend, type, name, options, chosen) {
  const isChosen = (value) => (Array.isArray(chosen) ? chosen.includes(value) : chosen === value);
  return h(
    "fieldset",
    { class: "choices" },
    h("legend", {}, legend),
    options.map(([value, text]) =>
      h("label", {}, h("input", { type, name, value, checked: isChosen(value) }), ` ${text}`),
    ),
  );
}

export function select(name, options, chosen) {
  return h(
    "select",
    { name },
    options.map(([value, text]) => h("option", { value, selected: value === chosen }, text)),
  );
}

export function pretty(value) {
  return JSON.stringify(value, null, 2);
}

export function jsonBlock(value, label) {
  return h("pre", { class: "json", "aria-label": label }, pretty(value));
}

export function when(iso) {
  if (!iso) return h("span", { class: "muted" }, "—");
  return h("time", { datetime: iso, title: iso }, new Date(iso).toLocaleString());
}

export function duration(start, end) {
  if (!start || !end) return "—";
  const ms = new Date(end) - new Date(start);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}

export function shortId(id) {
  return id ? h("code", { title: id }, id.slice(0, 8)) : h("span", { class: "muted" }, "—");
}

export function badge(status) {
  return h("span", { class: `badge status-${status}`, "data-status": status }, status);
}

export function alertBox(text) {
  return h("div", { role: "alert", class: "error" }, text);
}

// A table: columns are [heading, cell(row)] pairs.
export function table(caption, columns, rows, empty = "Nothing here.") {
  if (!rows.length) return h("p", { class: "muted" }, empty);
  return h(
    "table",
    {},
    h("caption", {}, caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        columns.map(([heading]) => h("th", { scope: "col" }, heading)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h(
          "tr",
          {},
          columns.map(([, cell]) => h("td", {}, cell(row))),
        ),
      ),
    ),
  );
}

// An error as the page shows it: the server's code and message, and what to do on a 401.
export function problem(error) {
  // An ApiError reads "409 thread_not_interrupted: ..."; a mistake in a form, its message.
  const box = alertBox(error?.status ? String(error) : (error?.message ?? String(error)));
  if (error?.status === 401) {
    box.append(h("p", {}, "This server needs an API key: enter yours in the API key form above."));
  }
  return box;
}
