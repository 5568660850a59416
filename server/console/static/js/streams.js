// Run streams that survive a page reload.
//
// Every event received is kept in the tab's session storage with the id of the last one;
// after a reload (or a dropped connection) the console rejoins the run's stream with
// `Last-Event-ID: <that id>`, and the server sends exactly the events after it. A run
// first seen here is joined from `Last-Event-ID: 0`: everything it streamed so far.

import { ApiError, openStream } from "./api.js";
import { readEvents } from "./sse.js";

const PREFIX = "ap-console.stream.";
const KEEP_EVENTS = 1000; // per run; older ones are counted, not kept
const KEEP_RUNS = 20;
const RETRIES = 5; // rejoins in a row without a new event before giving up

const streams = new Map(); // run id -> RunStream, for this page's life

export class RunStream {
  constructor(runId, saved) {
    this.runId = runId;
    this.events = saved?.events ?? [];
    this.dropped = saved?.dropped ?? 0;
    this.lastEventId = saved?.lastEventId ?? null;
    this.end = saved?.end ?? null; // the data of the `end` event: {status, stop_reason}
    this.state = this.end ? "ended" : "idle"; // following, ended, gone (404), lost
    this.problem = null;
    this.listeners = new Set();
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(event = null) {
    for (const listener of this.listeners) listener(this, event);
  }

  accept(event) {
    // A rejoin sends only later events; this guards against a server that sends more.
    if (event.id !== null && this.lastEventId !== null && +event.id <= +this.lastEventId) return;
    this.events.push({ id: event.id, event: event.event, data: event.data });
    if (this.events.length > KEEP_EVENTS) {
      this.dropped += this.events.length - KEEP_EVENTS;
      this.events.splice(0, this.events.length - KEEP_EVENTS);
    }
    if (event.id !== null) this.lastEventId = event.id;
    if (event.event === "end") this.end = event.data;
    this.save();
    this.notify(event);
  }

  save() {
    const record = {
      events: this.events,
      dropped: this.dropped,
      lastEventId: this.lastEventId,
      end: this.end,
      savedAt: Date.now(),
    };
    try {
      sessionStorage.setItem(PREFIX + this.runId, JSON.stringify(record));
    } catch {
      // storage full: keep following; a reload then replays from the start
      sessionStorage.removeItem(PREFIX + this.runId);
    }
  }

  // Read `events` until `end`; if the connection drops first, rejoin where it stopped.
  async follow(events) {
    this.setState("following");
    let failures = 0;
    for (;;) {
      try {
        for await (const event of events) {
          failures = 0;
          this.accept(event);
        }
      } catch (error) {
        if (error.name === "AbortError") return;
        this.problem = String(error);
      }
      if (this.end) return this.setState("ended");
      if (++failures > RETRIES) return this.setState("lost");
      await new Promise((resolve) => setTimeout(resolve, 500 * failures));
      try {
        events = await this.open();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return this.setState("gone");
        this.problem = String(error);
        events = (async function* () {})();
      }
    }
  }

  async open() {
    const response = await openStream("GET", `/runs/${this.runId}/stream`, {
      lastEventId: this.lastEventId ?? "0",
    });
    return readEvents(response);
  }

  async rejoin() {
    this.setState("following");
    try {
      await this.follow(await this.open());
    } catch (error) {
      this.problem = String(error);
      this.setState(error instanceof ApiError && error.status === 404 ? "gone" : "lost");
    }
  }

  setState(state) {
    this.state = state;
    this.notify();
  }
}

// Start a run with a streaming request (POST /runs/stream, PATCH /runs/resume/stream);
// resolves once its first event (`metadata`, with the run id) has arrived.
export async function startStream(method, path, body) {
  const response = await openStream(method, path, { body });
  const events = readEvents(response);
  const first = await events.next();
  if (first.done || first.value.event !== "metadata") {
    throw new Error("the stream closed before its first event (metadata)");
  }
  const stream = new RunStream(first.value.data.run_id, null);
  streams.set(stream.runId, stream);
  prune();
  stream.accept(first.value);
  stream.follow(events);
  return stream;
}

// The stream of a run: followed already on this page, or rejoined from what the tab kept.
export function join(runId) {
  let stream = streams.get(runId);
  if (!stream) {
    stream = new RunStream(runId, load(runId));
    streams.set(runId, stream);
    if (stream.state === "idle") stream.rejoin();
  }
  return stream;
}

function load(runId) {
  try {
    return JSON.parse(sessionStorage.getItem(PREFIX + runId) ?? "null");
  } catch {
    return null;
  }
}

function prune() {
  const saved = [];
  for (let index = 0; index < sessionStorage.length; index++) {
    const key = sessionStorage.key(index);
    if (key?.startsWith(PREFIX)) saved.push([load(key.slice(PREFIX.length))?.savedAt ?? 0, key]);
  }
  saved.sort((a, b) => a[0] - b[0]);
  for (const [, key] of saved.slice(0, Math.max(0, saved.length - KEEP_RUNS))) {
    sessionStorage.removeItem(key);
  }
}
