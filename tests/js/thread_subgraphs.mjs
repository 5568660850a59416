// The JS SDK's v2 thread stream (`client.threads.stream`) discovers a graph's subgraphs
// from their `lifecycle` `started` events: run `outer_graph` (its node `inner` is a
// subgraph), print one JSON line with the first subgraph (name, namespace, graphName) and
// the run's output; exits non-zero on error.
import { Client } from "@langchain/langgraph-sdk";
import WebSocket from "ws";

const [apiUrl, transport] = process.argv.slice(2);
const client = new Client({ apiUrl });
const thread = client.threads.stream({
  assistantId: "outer_graph",
  transport,
  webSocketFactory: (url) => new WebSocket(url),
});
const deadline = setTimeout(() => {
  console.error("timed out");
  process.exit(2);
}, 30000);

const first = (async () => {
  for await (const sub of thread.subgraphs) {
    return { name: sub.name, namespace: sub.namespace, graphName: sub.graphName };
  }
  throw new Error("no subgraph");
})();
await thread.run.start({ input: { question: "q" } });
const output = await thread.output;
const subgraph = await first;
await thread.close();
clearTimeout(deadline);
console.log(JSON.stringify({ subgraph, output }));
