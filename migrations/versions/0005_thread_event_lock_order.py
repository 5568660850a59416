"""Thread events take the thread's row lock before the thread's counter row.

`ap_thread_event` (0004) upserted `thread_event_heads` and then inserted a row referencing
the thread, whose foreign key takes FOR KEY SHARE on the thread. A transaction that had not
locked the thread itself (a worker claiming a run, or appending its events) could so hold
the counter row while waiting for the thread, held FOR UPDATE by a run being created on
it, whose own commit-time trigger waited for the counter row: a deadlock (concurrent runs
enqueued on one thread answered 500). Taking FOR KEY SHARE on the thread first keeps one
order everywhere: thread, then counter.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TEMPLATE = """
CREATE OR REPLACE FUNCTION ap_thread_event(t uuid, r uuid, k text, d jsonb, width integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    last bigint;
BEGIN
GUARD
    INSERT INTO thread_event_heads AS h (thread_id, seq) VALUES (t, width)
    ON CONFLICT (thread_id) DO UPDATE SET seq = h.seq + width
    RETURNING seq INTO last;
    INSERT INTO thread_events (thread_id, seq, span, run_id, kind, data)
    VALUES (t, last - width + 1, width, r, k, d);
    PERFORM pg_notify('ap_thread_events', t::text);
END $$
"""
FUNCTION = TEMPLATE.replace(
    "GUARD",
    """    IF t IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM threads WHERE thread_id = t FOR KEY SHARE;  -- the thread first
    IF NOT FOUND THEN
        RETURN;  -- the thread was deleted in the same transaction
    END IF;""",
)
PREVIOUS = TEMPLATE.replace(
    "GUARD",
    """    IF t IS NULL OR NOT EXISTS (SELECT 1 FROM threads WHERE thread_id = t) THEN
        RETURN;  -- the thread was deleted in the same transaction
    END IF;""",
)


def upgrade() -> None:
    op.execute(FUNCTION)


def downgrade() -> None:
    op.execute(PREVIOUS)
