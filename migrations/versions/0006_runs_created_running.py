"""A run created `running` (claimed by the process that created it) says it started.

A run created and claimed in one statement (the run path of issue 14: a process with a
free worker slot executes a run it receives at once) never has a `pending` row version, so
the thread-events trigger (0004) recorded only `running` for it, and the thread stream
protocol missed the run's `started` lifecycle event. The trigger now records the
`pending` status first for such a run (it was pending for no time), then `running`.

Revision ID: 0006
Revises: 0005
"""

import importlib
import re

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_0004 = importlib.import_module("ap_migrations.versions.0004_thread_events")
ORIGINAL = re.search(
    r"CREATE FUNCTION ap_thread_event_of_run\(\).*?END \$\$;", _0004.UPGRADE, re.S
).group(0)
CREATED_RUNNING = """BEGIN
    IF TG_OP = 'INSERT' AND NEW.status = 'running' THEN
        PERFORM ap_thread_event(NEW.thread_id, NEW.run_id, 'status', jsonb_build_object(
            'status', 'pending', 'stop_reason', NULL, 'error', NULL,
            'agent_id', NEW.agent_id, 'interrupts', '[]'::jsonb, 'unfinished', '[]'::jsonb), 1);
    END IF;"""


def _replace(body: str) -> str:
    return body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def upgrade() -> None:
    op.execute(_replace(ORIGINAL.replace("BEGIN", CREATED_RUNNING, 1)))


def downgrade() -> None:
    op.execute(_replace(ORIGINAL))
