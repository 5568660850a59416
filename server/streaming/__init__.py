"""The thread streaming protocol (upstream Agent Protocol, tag `Streaming`): commands, and
one event log per thread served over SSE and WebSocket.

- `protocol`: commands and their parameters, errors, subscription filters (pure);
- `channels`: a thread's stored events as protocol events (pure);
- `feed`: a thread's events, stored then live (NOTIFY);
- `handlers`: the operations (commands on the engine and the stores, the SSE stream), on
  both path families;
- `websocket`: the WebSocket transport (used by app.py).

A layer above the handler families (it reuses the LangGraph family's input translation)
and below the app.
"""
