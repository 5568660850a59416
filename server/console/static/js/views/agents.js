// Agents: the list, one agent's description and schemas, and the form that starts a run.

import { call, InputError, rawJson } from "../api.js";
import {
  badge,
  choices,
  field,
  h,
  jsonBlock,
  pretty,
  problem,
  replace,
  select,
  shortId,
  table,
} from "../dom.js";
import { startStream } from "../streams.js";

export const STREAM_MODES = [
  ["values", "values"],
  ["updates", "updates"],
  ["messages", "messages"],
  ["custom", "custom"],
];
export const MULTITASK = [
  ["reject", "reject: refuse if the thread is busy (409)"],
  ["enqueue", "enqueue: run after the current run"],
  ["interrupt", "interrupt: stop the current run, keep its work"],
  ["rollback", "rollback: stop the current run and erase its work"],
];

export async function list(view) {
  const thread = view.query.get("thread");
  const agents = await call("POST", "/agents/search", { body: { limit: 1000 } });
  const link = (agent) => {
    const href = `#/agents/${encodeURIComponent(agent.agent_id)}`;
    return h("a", { href: thread ? `${href}?thread=${thread}` : href }, agent.agent_id);
  };
  replace(
    view.main,
    h("h1", { tabindex: "-1" }, "Agents"),
    thread ? h("p", {}, "Choose the agent to run on thread ", shortId(thread), ".") : null,
    table(
      "The agents this server runs",
      [
        ["Agent", link],
        ["Name", (agent) => agent.name],
        ["Description", (agent) => agent.description ?? ""],
        [
          "Capabilities",
          (agent) =>
            Object.entries(agent.capabilities ?? {})
              .filter(([, on]) => on)
              .map(([name]) => name)
              .join(", "),
        ],
      ],
      agents,
      "This server serves no agents.",
    ),
  );
}

export async function detail(view) {
  const [agentId] = view.params;
  const path = `/agents/${encodeURIComponent(agentId)}`;
  const [agent, schemas] = await Promise.all([call("GET", path), call("GET", `${path}/schemas`)]);
  const schema = (title, value) =>
    h("details", {}, h("summary", {}, title), value ? jsonBlock(value, title) : "none");
  replace(
    view.main,
    h("h1", { tabindex: "-1" }, `Agent ${agent.name}`),
    h("p", {}, agent.description ?? ""),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Id"),
      h("dd", {}, h("code", {}, agent.agent_id)),
      h("dt", {}, "Capabilities"),
      h("dd", {}, pretty(agent.capabilities ?? {})),
      h("dt", {}, "Metadata"),
      h("dd", {}, pretty(agent.metadata ?? {})),
    ),
    h(
      "section",
      { "aria-labelledby": "schemas-heading" },
      h("h2", { id: "schemas-heading" }, "Schemas"),
      schema("Input schema", schemas.input_schema),
      schema("Output schema", schemas.output_schema),
      schema("State schema", schemas.state_schema),
      schema("Config schema", schemas.config_schema),
    ),
    startForm(agent, schemas.input_schema, view),
  );
}

// The input a form starts with: the defaults the input schema declares, if any.
function exampleInput(inputSchema) {
  const properties = inputSchema?.properties ?? {};
  const example = {};
  for (const [name, property] of Object.entries(properties)) {
    if ("default" in property) example[name] = property.default;
  }
  return pretty(example);
}

function startForm(agent, inputSchema, view) {
  const thread = view.query.get("thread");
  const threadId = h("input", { name: "thread_id", value: thread ?? "", spellcheck: "false" });
  const output = h("div", { class: "result", "aria-live": "polite" });
  const button = h("button", { type: "submit" }, "Start run");
  const form = h(
    "form",
    { class: "start-run", "aria-labelledby": "start-heading" },
    h("h2", { id: "start-heading" }, "Start a run"),
    choices(
      "Thread",
      "radio",
      "thread",
      [
        ["new", "a new thread"],
        ["existing", "an existing thread"],
        ["none", "no thread (stateless)"],
      ],
      thread ? "existing" : "new",
    ),
    field("Thread id (for an existing thread)", threadId),
    field(
      "New thread's metadata (JSON object)",
      h("textarea", { name: "thread_metadata", rows: 2, value: "{}" }),
    ),
    field(
      "Input (JSON)",
      h("textarea", { name: "input", rows: 5, value: exampleInput(inputSchema) }),
      "Any JSON value; empty sends no input.",
    ),
    choices(
      "How to run",
      "radio",
      "mode",
      [
        ["stream", "stream: watch its events"],
        ["wait", "wait: show the final state"],
        ["background", "background: return at once"],
      ],
      "stream",
    ),
    choices("Stream modes", "checkbox", "stream_mode", STREAM_MODES, ["values", "updates"]),
    field("Multitask strategy (if the thread is busy)", select("multitask_strategy", MULTITASK)),
    field(
      "If this page goes away",
      select(
        "on_disconnect",
        [
          ["continue", "continue: the run goes on (a reload rejoins it)"],
          ["cancel", "cancel: stop the run"],
        ],
        "continue",
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
      await start(agent, new FormData(form), output, view);
    } catch (error) {
      replace(output, problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

async function start(agent, data, output, view) {
  const body = {
    agent_id: agent.agent_id,
    input: rawJson(data.get("input"), "Input"),
    multitask_strategy: data.get("multitask_strategy"),
  };
  const mode = data.get("mode");
  const threadChoice = data.get("thread");
  // Check all the form's JSON before anything is created.
  const metadata = rawJson(data.get("thread_metadata"), "The thread's metadata", {
    kind: "object",
  });
  if (threadChoice === "existing") {
    body.thread_id = data.get("thread_id").trim();
    if (!body.thread_id) throw new InputError("Enter the id of the thread to run on.");
  } else if (threadChoice === "new") {
    body.thread_id = (await call("POST", "/threads", { body: { metadata } })).thread_id;
  }
  if (mode !== "background") body.on_disconnect = data.get("on_disconnect");
  if (mode === "stream") {
    const modes = data.getAll("stream_mode");
    if (modes.length) body.stream_mode = modes;
    const stream = await startStream("POST", "/runs/stream", body);
    window.location.hash = `#/runs/${stream.runId}`;
  } else if (mode === "background") {
    const run = await call("POST", "/runs", { body });
    window.location.hash = `#/runs/${run.run_id}`;
  } else {
    const result = await call("POST", "/runs/wait", { body, signal: view.signal });
    replace(output, waitResult(result));
  }
}

function waitResult(result) {
  const run = result.run;
  return h(
    "section",
    { "aria-labelledby": "result-heading" },
    h("h3", { id: "result-heading" }, "Result"),
    h(
      "p",
      {},
      "Run ",
      h("a", { href: `#/runs/${run.run_id}` }, run.run_id),
      " ended ",
      badge(run.status),
      run.thread_id
        ? [" on thread ", h("a", { href: `#/threads/${run.thread_id}` }, run.thread_id)]
        : "",
      ".",
    ),
    jsonBlock(result.values ?? {}, "Values"),
    result.interrupts?.length ? [h("h4", {}, "Interrupts"), jsonBlock(result.interrupts)] : null,
  );
}
