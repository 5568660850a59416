// Server-sent events read from a fetch() response.
//
// EventSource cannot POST (POST /runs/stream, PATCH /runs/resume/stream) nor send an
// Authorization header, so the console reads the event stream itself, as the HTML
// standard parses it: lines of `field: value`, an event ends at a blank line, lines
// starting with ":" are comments (the server's heartbeats).

export async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = blank();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, "");
        buffer = buffer.slice(end + 1);
        if (line === "") {
          if (event.data.length) yield finish(event);
          event = blank();
        } else if (!line.startsWith(":")) {
          take(event, line);
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function blank() {
  return { id: null, event: "message", data: [] };
}

function take(event, line) {
  const colon = line.indexOf(":");
  const name = colon < 0 ? line : line.slice(0, colon);
  const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
  if (name === "data") event.data.push(value);
  else if (name === "event") event.event = value;
  else if (name === "id") event.id = value;
}

function finish(event) {
  const text = event.data.join("\n");
  let data = text;
  try {
    data = JSON.parse(text);
  } catch {
    // the protocol's data is JSON; keep anything else as the text it is
  }
  return { id: event.id, event: event.event, data, text };
}
