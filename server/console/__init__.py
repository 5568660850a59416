"""The web console at GET /console: a static page and its scripts, shipped in this package.

It is a client of the public HTTP API like any other (it calls the same paths, with the
API key the person enters), so it works against any process of a deployment. Nothing is
built at install time and nothing is loaded from elsewhere: the page, its stylesheet and
its JavaScript modules are the files under `static/`.
"""

from .routes import CONSOLE_PATH, console_routes

__all__ = ["CONSOLE_PATH", "console_routes"]
