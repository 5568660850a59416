// A run's stream on the page: its events as they come, and where the stream stands.

import { h, replace } from "./dom.js";

const STATES = {
  idle: "Not following.",
  following: "Following the run live…",
  gone: "The run is gone (deleted or rolled back).",
  lost: "Lost the stream after several attempts to rejoin it.",
};

// The element, and a function to stop updating it. `onEnd` is called once when the
// stream ends (with the `end` event's data) or stops being followable.
export function streamLog(stream, { heading = "h2", onEnd } = {}) {
  const status = h("p", { role: "status", class: "stream-state" });
  const list = h("ol", { class: "events", "aria-label": "Stream events" });
  const dropped = h("p", { class: "muted" });
  const over = () => Boolean(stream.end) || ["gone", "lost"].includes(stream.state);
  let ended = over(); // onEnd is for an end seen here, not for a run that had ended before

  const item = (event) =>
    h(
      "li",
      { "data-event-id": event.id ?? "", "data-event": event.event },
      h("span", { class: "event-id" }, event.id ?? ""),
      h("span", { class: `event-name event-${event.event}` }, event.event),
      h("pre", { class: "json" }, JSON.stringify(event.data)),
    );

  const describe = () => {
    if (stream.end) {
      const reason = stream.end.stop_reason ? ` (stop reason: ${stream.end.stop_reason})` : "";
      return `Ended: ${stream.end.status}${reason}.`;
    }
    return STATES[stream.state] + (stream.problem ? ` ${stream.problem}` : "");
  };

  const update = (_, event) => {
    if (event) list.append(item(event));
    status.textContent = describe();
    status.dataset.state = stream.end ? "ended" : stream.state;
    if (!ended && over()) {
      ended = true;
      onEnd?.(stream.end);
    }
  };

  replace(list, stream.events.map(item));
  if (stream.dropped) dropped.textContent = `${stream.dropped} earlier events are not shown.`;
  const element = h(
    "section",
    { class: "stream", "aria-label": `Stream of run ${stream.runId}` },
    h(heading, {}, "Stream"),
    status,
    dropped,
    list,
  );
  const unsubscribe = stream.subscribe(update);
  update(stream, null);
  return { element, stop: unsubscribe };
}
