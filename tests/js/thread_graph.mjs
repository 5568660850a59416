// The JS SDK's v2 thread stream (`client.threads.stream`) reads a graph's runs through its
// projections: `tools` runs `tool_graph` (it calls `lookup` with the city given) and reads
// the first of `thread.toolCalls` (from the `tools` channel); `subgraphs` runs
// `outer_graph` (its node `inner` is a subgraph) and reads the first of `thread.subgraphs`
// (discovered from `lifecycle` `started` events). Prints one JSON line with what it read
// and the run's output; exits non-zero on any error.
import { Client } from "@langchain/langgraph-sdk";
import WebSocket from "ws";

const [apiUrl, transport, what, city] = process.argv.slice(2);
const runs = {
  tools: {
    assistantId: "tool_graph",
    input: { messages: [{ type: "human", content: city }] },
    read: async (thread) => {
      for await (const call of thread.toolCalls) {
        const output = await call.output;
        return { name: call.name, callId: call.callId, input: call.input, output };
      }
      throw new Error("no tool call");
    },
  },
  subgraphs: {
    assistantId: "outer_graph",
    input: { question: "q" },
    read: async (thread) => {
      for await (const sub of thread.subgraphs) {
        return { name: sub.name, namespace: sub.namespace, graphName: sub.graphName };
      }
      throw new Error("no subgraph");
    },
  },
};
const { assistantId, input, read } = runs[what];
const client = new Client({ apiUrl });
const thread = client.threads.stream({
  assistantId,
  transport,
  webSocketFactory: (url) => new WebSocket(url),
});
const deadline = setTimeout(() => {
  console.error("timed out");
  process.exit(2);
}, 30000);

const first = read(thread);
await thread.run.start({ input });
const output = await thread.output;
const seen = await first;
await thread.close();
clearTimeout(deadline);
console.log(JSON.stringify({ seen, output }));
