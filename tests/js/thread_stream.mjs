// The JS SDK's v2 thread stream (`client.threads.stream`) against ap-server's /langgraph
// paths, over SSE or WebSocket: start a run of an agent that asks (`hitl`, `hitl_graph`),
// see its question, answer it. Prints one JSON line of what it saw; exits non-zero on any error.
import { Client } from "@langchain/langgraph-sdk";
import WebSocket from "ws";

const [apiUrl, transport, assistantId] = process.argv.slice(2);
const client = new Client({ apiUrl });
// node 20 has no global WebSocket: the `ws` package's, as the SDK's factory option allows
const thread = client.threads.stream({
  assistantId,
  transport,
  webSocketFactory: (url) => new WebSocket(url),
});
const seen = [];
thread.onEvent((event) => seen.push([event.method, event.params.data?.event ?? null]));
const deadline = setTimeout(() => {
  console.error("timed out", JSON.stringify(seen));
  process.exit(2);
}, 30000);

await thread.run.start({ input: { question: "Ship it?" } });
const output = await thread.output;
const interrupts = thread.interrupts.map((i) => i.payload);
await thread.input.respond({
  namespace: [],
  interrupt_id: thread.interrupts[0].interruptId,
  response: "yes",
});
const state = await thread.state.get({ namespace: [] });
await thread.close();
clearTimeout(deadline);
console.log(JSON.stringify({ threadId: thread.threadId, output, interrupts, state, seen }));
