// The HTTP API, as any client calls it: JSON in and out, the API key as a Bearer token.

const API_ROOT = document.querySelector('meta[name="ap-api-root"]')?.content ?? "";
const KEY_ITEM = "ap-console.api-key";

// The key lives in this tab's session storage: gone when the tab closes, never in a URL.
export const apiKey = {
  get: () => sessionStorage.getItem(KEY_ITEM) ?? "",
  set: (key) => sessionStorage.setItem(KEY_ITEM, key),
  clear: () => sessionStorage.removeItem(KEY_ITEM),
};

// An answer that is not a 2xx: the server's ErrorResponse (code, message, metadata).
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? "http_error";
    this.metadata = body?.metadata ?? {};
  }

  toString() {
    return `${this.status} ${this.code}: ${this.message}`;
  }
}

// A JSON text the person typed, sent as typed: parsing it in JavaScript and writing it
// back would round integers beyond 2^53, and nothing a client sends may change a value.
export class RawJson {
  constructor(text, value) {
    this.text = text;
    this.value = value;
  }
}

export class InputError extends Error {}

// Check that `text` is JSON (of `kind` "object" if asked); "" gives `fallback`.
export function rawJson(text, what, { kind, fallback } = {}) {
  const trimmed = text.trim();
  if (!trimmed) return fallback;
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw new InputError(`${what} is not valid JSON: ${error.message}`);
  }
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (kind === "object" && !isObject) throw new InputError(`${what} must be a JSON object`);
  return new RawJson(trimmed, value);
}

// A JSON object whose RawJson members are written verbatim; undefined members are left out.
export function jsonBody(fields) {
  const members = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      const text = value instanceof RawJson ? value.text : JSON.stringify(value);
      return `${JSON.stringify(name)}:${text}`;
    });
  return `{${members.join(",")}}`;
}

function url(path, query) {
  const target = new URL(API_ROOT + path, window.location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of [value].flat()) target.searchParams.append(name, String(item));
  }
  return target;
}

async function send(method, path, { body, query, headers = {}, signal } = {}) {
  const all = { ...headers };
  const key = apiKey.get();
  if (key) all.authorization = `Bearer ${key}`;
  let payload;
  if (body !== undefined) {
    all["content-type"] = "application/json";
    payload = typeof body === "string" ? body : jsonBody(body);
  }
  const response = await fetch(url(path, query), { method, headers: all, body: payload, signal });
  if (!response.ok) {
    let error = null;
    try {
      error = await response.json();
    } catch {
      // not an ErrorResponse (a proxy's page, say): the status says enough
    }
    throw new ApiError(response.status, error);
  }
  return response;
}

// A JSON answer (null for 204).
export async function call(method, path, options) {
  const response = await send(method, path, options);
  if (response.status === 204) return null;
  return response.json();
}

// A server-sent event stream: the open response, for sse.js to read.
export async function openStream(method, path, { body, lastEventId, signal } = {}) {
  const headers = { accept: "text/event-stream" };
  if (lastEventId !== undefined && lastEventId !== null) headers["last-event-id"] = lastEventId;
  return send(method, path, { body, headers, signal });
}
