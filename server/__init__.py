"""ap-server: a Postgres-backed Agent Protocol server."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ap-server")  # pyproject.toml's, as installed
except PackageNotFoundError:  # a source tree that was not installed
    __version__ = "0+unknown"
