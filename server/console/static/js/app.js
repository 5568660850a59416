// The console: routes of the form #/section/id?query, the API key form, and error display.

import { apiKey } from "./api.js";
import { h, problem, replace } from "./dom.js";
import * as agents from "./views/agents.js";
import * as run from "./views/run.js";
import * as runs from "./views/runs.js";
import * as store from "./views/store.js";
import * as thread from "./views/thread.js";
import * as threads from "./views/threads.js";

const ROUTES = [
  [/^\/agents$/, agents.list],
  [/^\/agents\/([^/]+)$/, agents.detail],
  [/^\/threads$/, threads.search],
  [/^\/threads\/([^/]+)$/, thread.detail],
  [/^\/runs$/, runs.search],
  [/^\/runs\/([^/]+)$/, run.detail],
  [/^\/store$/, store.browse],
];
const HOME = "#/agents";

const main = document.getElementById("view");
let current = null; // {controller, cleanups} of the view on screen

// Show the view of the current location. A view is `async (view) => void`; it fills
// view.main, may register clean-ups (streams to stop following) with view.onLeave, and
// may re-render itself with view.refresh.
async function show({ focus = true } = {}) {
  const [path, search = ""] = window.location.hash.replace(/^#/, "").split("?", 2);
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  if (!route) {
    window.location.replace(HOME);
    return;
  }
  leave();
  const controller = new AbortController();
  const cleanups = [];
  current = { controller, cleanups };
  const view = {
    main,
    params: path.match(route[0]).slice(1).map(decodeURIComponent),
    query: new URLSearchParams(search),
    signal: controller.signal,
    onLeave: (cleanup) => cleanups.push(cleanup),
    refresh: () => show({ focus: false }),
    isCurrent: () => current?.controller === controller,
  };
  replace(main, h("p", { class: "muted", role: "status" }, "Loading…"));
  try {
    await route[1](view);
  } catch (error) {
    if (!view.isCurrent()) return;
    replace(main, h("h1", { tabindex: "-1" }, "Something went wrong"), problem(error));
  }
  if (focus && view.isCurrent()) main.querySelector("h1")?.focus();
}

function leave() {
  if (!current) return;
  current.controller.abort();
  for (const cleanup of current.cleanups) cleanup();
  current = null;
}

function setUpKeyForm() {
  const form = document.getElementById("key-form");
  const input = document.getElementById("api-key");
  const status = document.getElementById("key-status");
  const describe = () => {
    status.textContent = apiKey.get() ? "A key is in use in this tab." : "No key.";
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) apiKey.set(input.value.trim());
    input.value = "";
    describe();
    show({ focus: false });
  });
  document.getElementById("key-forget").addEventListener("click", () => {
    apiKey.clear();
    describe();
    show({ focus: false });
  });
  describe();
}

function setUpSkipLink() {
  // The skip link's #view would be taken for a route: move the focus by hand.
  document.querySelector("[data-skip]").addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
  });
}

setUpKeyForm();
setUpSkipLink();
window.addEventListener("hashchange", () => show());
show({ focus: false });
