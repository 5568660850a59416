"""The run engine: workers that execute runs, and what follows them (waits, streams)."""
