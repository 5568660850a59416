"""Thread events of subgraphs, tools and tasks: the run-event trigger reads LangGraph's
namespaced event names.

A graph run with `stream_subgraphs` names a subgraph's events `<mode>|<node>:<task>|...`
(as LangGraph's server does). The run-event trigger (0004) compared the whole name, so a
subgraph's message chunk was stored as a whole message of one reserved number (its start,
deltas and finish need more). Now the mode is the name's first part:

- `messages|<ns>`: a message or a token as at the root, the chunk row's data keeping its
  `namespace` (the name's rest), so its start, deltas and end are in the subgraph's
  namespace; a run's unfinished messages (the run status trigger) keep it too;
- `events`, `debug` and the graph's own `checkpoints` chunks, at any depth: no row (no
  channel carries them; the `checkpoints` channel is our checkpoints', from their table):
  before, each took a number that no protocol event used;
- a subgraph's `updates` that only ask (`__interrupt__`): no row (the run's status row asks);
- `tools` and `tasks` (any depth): one row each, as every other mode.

Revision ID: 0012
Revises: 0011
"""

import importlib

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# 0004's run-event trigger, changed: (old, new) in order.
RUN_EVENT = (
    (
        "    t uuid;\n",
        "    t uuid;\n"
        "    mode text := split_part(NEW.event, '|', 1);\n"
        "    ns text := nullif(substr(NEW.event, length(split_part(NEW.event, '|', 1)) + 2), '');\n",
    ),
    (
        "        RETURN NULL;  -- the run's status rows say these\n    END IF;\n",
        "        RETURN NULL;  -- the run's status rows say these\n    END IF;\n"
        "    IF mode IN ('events', 'debug', 'checkpoints') THEN\n"
        "        RETURN NULL;  -- no channel carries them\n"
        "    END IF;\n"
        "    IF ns IS NOT NULL AND mode = 'updates' AND jsonb_typeof(NEW.data) = 'object'\n"
        "       AND NEW.data ? '__interrupt__' THEN\n"
        "        RETURN NULL;  -- a subgraph asks: the run's status row says it\n"
        "    END IF;\n",
    ),
    ("    IF NEW.event = 'messages' THEN", "    IF mode = 'messages' THEN"),
    ("'first', first, 'last', last,", "'first', first, 'last', last, 'namespace', ns,"),
    ("CASE WHEN NEW.event = 'messages' THEN 5", "CASE WHEN mode = 'messages' THEN 5"),
)

UNFINISHED = (
    "jsonb_build_object('id', id, 'full', whole)",
    "jsonb_build_object('id', id, 'full', whole, 'namespace', ns)",
)
UNFINISHED_NS = (
    "string_agg(data ->> 'text', '' ORDER BY seq) AS whole",
    "string_agg(data ->> 'text', '' ORDER BY seq) AS whole,\n"
    "                         max(data ->> 'namespace') AS ns",
)


def _previous(name: str) -> str:
    """The statement that last defined function `name` (0004; 0006 for the run status
    trigger), as a `CREATE OR REPLACE`."""
    if name == "ap_thread_event_of_run":
        created_running = importlib.import_module(
            "ap_migrations.versions.0006_runs_created_running"
        )
        found = created_running.ORIGINAL.replace("BEGIN", created_running.CREATED_RUNNING, 1)
        return str(created_running._replace(found))
    initial = importlib.import_module("ap_migrations.versions.0004_thread_events")
    for statement in initial.UPGRADE.strip().split("\n\n"):
        if statement.startswith(f"CREATE FUNCTION {name}("):
            return statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    raise LookupError(name)


def _changed(name: str, changes: tuple[tuple[str, str], ...]) -> str:
    statement = _previous(name)
    for old, new in changes:
        assert statement.count(old) == 1, old
        statement = statement.replace(old, new)
    return statement


def upgrade() -> None:
    op.execute(_changed("ap_thread_event_of_run_event", RUN_EVENT))
    op.execute(_changed("ap_thread_event_of_run", (UNFINISHED, UNFINISHED_NS)))


def downgrade() -> None:
    op.execute(_previous("ap_thread_event_of_run_event"))
    op.execute(_previous("ap_thread_event_of_run"))
