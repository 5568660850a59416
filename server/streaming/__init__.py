"""The thread streaming protocol (upstream Agent Protocol, tag `Streaming`): commands, and
one event log per thread served over SSE and WebSocket.

- `protocol`: commands and their parameters, errors, subscription filters (pure);
- `channels`: a thread's stored events as protocol events (pure);
- `service`: commands on the engine and the stores, and a thread's event feed;
- `websocket`: the WebSocket transport.
"""
