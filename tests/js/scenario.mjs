// The JS LangGraph SDK (@langchain/langgraph-sdk) through every area of /langgraph:
// assistants, threads, runs (wait, stream, join, cancel), crons, store. Prints one JSON
// object of what it saw; tests/test_langgraph_js.py checks it.
//   node scenario.mjs http://127.0.0.1:2024/langgraph
import { Client } from "@langchain/langgraph-sdk";

const client = new Client({ apiUrl: process.argv[2] });
const seen = {};

// assistants
const made = await client.assistants.create({
  graphId: "hitl_graph",
  name: "js assistant",
  metadata: { from: "js" },
  config: { tags: ["js"] },
});
const updated = await client.assistants.update(made.assistant_id, { metadata: { v: 2 } });
seen.assistant = {
  version: updated.version,
  metadata: updated.metadata,
  versions: (await client.assistants.getVersions(made.assistant_id)).map((v) => v.version),
  latest: (await client.assistants.setLatest(made.assistant_id, 1)).version,
  found: (await client.assistants.search({ metadata: { from: "js" } })).length,
  count: await client.assistants.count({ graphId: "hitl_graph" }),
  graphNodes: (await client.assistants.getGraph("hitl_graph")).nodes.map((n) => n.id),
  schemaKeys: Object.keys(await client.assistants.getSchemas("hitl_graph")).sort(),
};
await client.assistants.delete(made.assistant_id);

// threads and runs
const thread = await client.threads.create({ metadata: { from: "js" } });
const asked = await client.runs.wait(thread.thread_id, "hitl_graph", {
  input: { question: "from js?" },
});
const pending = asked.__interrupt__[0];
const events = [];
for await (const part of client.runs.stream(thread.thread_id, "hitl_graph", {
  command: { resume: "yes from js" },
  streamMode: ["values", "updates"],
})) {
  events.push(part.event);
}
const state = await client.threads.getState(thread.thread_id);
const history = await client.threads.getHistory(thread.thread_id, { limit: 3 });
seen.run = {
  interruptValue: pending.value,
  events: [...new Set(events)],
  answer: state.values.answer,
  historyLength: history.length,
  tagged: (await client.threads.get(thread.thread_id)).metadata,
  threadCount: await client.threads.count({ metadata: { from: "js" } }),
  listed: (await client.runs.list(thread.thread_id)).map((r) => r.status),
};

// background run, join, cancel
const long = await client.runs.create(null, "slow_graph", {
  input: { limit: 500 },
  config: { recursion_limit: 1000 },
});
await client.runs.cancel(long.thread_id, long.run_id, true);
seen.cancelled = (await client.runs.get(long.thread_id, long.run_id)).status;
const quick = await client.runs.create(thread.thread_id, "echo", { input: { n: 1 } });
seen.joined = await client.runs.join(thread.thread_id, quick.run_id);

// crons
const cron = await client.crons.createForThread(thread.thread_id, "echo", {
  schedule: "0 0 1 1 *",
  input: { yearly: true },
});
seen.cron = {
  found: (await client.crons.search({ threadId: thread.thread_id })).map((c) => c.cron_id),
  made: cron.cron_id,
};
await client.crons.delete(cron.cron_id);
seen.cron.after = await client.crons.count({ threadId: thread.thread_id });

// what only a graph honours: interruptAfter, a run from a checkpoint, a subgraph's state
const graphThread = await client.threads.create();
const stopped = await client.runs.wait(graphThread.thread_id, "slow_graph", {
  input: { limit: 2 },
  interruptAfter: ["tick"],
});
const stoppedState = await client.threads.getState(graphThread.thread_id);
const goneOn = await client.runs.wait(graphThread.thread_id, "slow_graph", { input: null });
const ticks = await client.threads.getHistory(graphThread.thread_id, { limit: 10 });
const firstTick = ticks.find((h) => h.values.ticks === 1 && h.metadata.source === "loop");
const branched = await client.runs.wait(graphThread.thread_id, "slow_graph", {
  input: null,
  checkpointId: firstTick.checkpoint.checkpoint_id,
});
const branchHead = await client.threads.getState(graphThread.thread_id);
const nestedThread = await client.threads.create();
await client.runs.wait(nestedThread.thread_id, "nested", { input: { question: "js?" } });
const deep = await client.threads.getState(nestedThread.thread_id, undefined, { subgraphs: true });
seen.graph = {
  stopped: stopped.ticks,
  next: stoppedState.next,
  goneOn: goneOn.ticks,
  branched: branched.ticks,
  branchParentIsTheCheckpoint:
    branchHead.parent_checkpoint.checkpoint_id === firstTick.checkpoint.checkpoint_id,
  subgraphNext: deep.tasks[0].state.next,
  subgraphValues: deep.tasks[0].state.values,
};

// store
await client.store.putItem(["js", "prefs"], "k", { likes: "tea" });
seen.store = (await client.store.getItem(["js", "prefs"], "k")).value;

console.log(JSON.stringify(seen));
