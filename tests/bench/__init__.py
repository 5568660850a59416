"""Benchmarks (not collected by pytest): `python -m tests.bench.bench [--quick] [--json PATH]`."""
