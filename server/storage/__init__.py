"""The storage layer: all SQL of the server lives in this package."""
