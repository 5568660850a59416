// A chat page on another origin than the server, through CORS: create a thread, stream a
// reply token by token, list the history as Agent Chat UI does (threads by graph_id).
// Bundled by esbuild into dist/chat.js; tests/test_langgraph_js.py opens chat.html.
import { Client } from "@langchain/langgraph-sdk";

async function chat() {
  const apiUrl = new URLSearchParams(location.search).get("api");
  const client = new Client({ apiUrl });
  const info = await fetch(`${apiUrl}/info`).then((r) => r.json());
  const thread = await client.threads.create();
  let reply = "";
  for await (const part of client.runs.stream(thread.thread_id, "chat_graph", {
    input: { messages: [{ type: "human", content: "hello browser" }] },
    streamMode: "messages-tuple",
  })) {
    if (part.event === "messages") reply += part.data[0].content;
  }
  const threads = await client.threads.search({ metadata: { graph_id: "chat_graph" } });
  return {
    version: info.version,
    threadId: thread.thread_id,
    reply,
    history: threads.map((t) => t.thread_id),
  };
}

chat().then(
  (result) => {
    document.getElementById("result").textContent = JSON.stringify(result);
  },
  (error) => {
    document.getElementById("result").textContent = JSON.stringify({ error: String(error) });
  },
);
