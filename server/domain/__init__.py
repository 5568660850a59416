"""The run engine's rules, pure: no I/O, no SQL, no HTTP. Everything below and above uses
these names (storage executes the transitions, the engine and the handlers read them)."""
