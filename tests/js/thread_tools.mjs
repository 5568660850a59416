// The JS SDK's v2 thread stream (`client.threads.stream`) reads a graph's tool calls from
// the `tools` channel: run `tool_graph` (it calls `lookup`), print one JSON line with the
// first tool call (name, callId, input, output) and the run's output; exits non-zero on error.
import { Client } from "@langchain/langgraph-sdk";
import WebSocket from "ws";

const [apiUrl, transport, city] = process.argv.slice(2);
const client = new Client({ apiUrl });
const thread = client.threads.stream({
  assistantId: "tool_graph",
  transport,
  webSocketFactory: (url) => new WebSocket(url),
});
const deadline = setTimeout(() => {
  console.error("timed out");
  process.exit(2);
}, 30000);

const first = (async () => {
  for await (const call of thread.toolCalls) {
    const output = await call.output;
    return { name: call.name, callId: call.callId, input: call.input, output };
  }
  throw new Error("no tool call");
})();
await thread.run.start({ input: { messages: [{ type: "human", content: city }] } });
const output = await thread.output;
const call = await first;
await thread.close();
clearTimeout(deadline);
console.log(JSON.stringify({ call, output }));
