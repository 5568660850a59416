"""Thread events: each trigger firing writes its events in one statement.

The triggers of 0004-0006 called `ap_thread_event` once per event (a run created
`running` twice), and it ran four statements (lock the thread, bump the counter, insert
the row, notify); the run-events trigger first read the run's thread, the status trigger
first gathered the run's unfinished messages. A stateless run so executed about 27
statements inside its triggers, 7 of them at the top level of its commit (the triggers
are deferred to commit, where `pg_stat_statements` counts them as statements of their
own). Each firing now runs one statement: the thread locked FOR KEY SHARE first (the lock
order of 0005), its counter bumped by the width of all the firing's events, the rows
numbered from it in order, the thread notified. The events, their data, spans and `seq`
order are exactly those of 0004-0006 and 0012 (namespaces): a run created `running` records `pending` first;
a run's unfinished messages are gathered only when it ends (an index probe of
`thread_events_chunks` when it streamed none); a run that stopped to ask records the
thread's interrupts.

The thread the transaction's statement made (a stateless run's, created with its run by
the run path, storage/hot.py, which names it in the transaction-local setting
`ap.new_thread`) is not notified: nobody can have subscribed to a thread that did not
exist (its id is the server's), and a reader that subscribes after the commit reads the
stored events first. Every listening server process is so woken once less per run.

`ap_active_runs` counts a thread's other active runs (and the pending ones among them)
with a snapshot of its own: the run path's finishing statement (storage/hot.py) locks the
thread and then calls it, so that one statement sees every run created on the thread
before the lock was granted, as the second statement of a transaction would.

Revision ID: 0013
Revises: 0012 (after the thread-event changes of 0012: subgraph namespaces)
"""

import importlib

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _write(target: str, run: str, events: str) -> str:
    """One statement appending `events` (rows of `ord, kind, data, width`; they may read
    `target`) to the log of the thread `target` selects (`thread_id, interrupts`, locked
    FOR KEY SHARE), as `ap_thread_event` did for each in turn."""
    return f"""
    WITH target AS (
        {target}
    ), ev AS (
        SELECT kind, data, width, sum(width) OVER (ORDER BY ord) - width AS offs
        FROM ({events}) e
    ), total AS (
        SELECT sum(width)::bigint AS width FROM ev
    ), head AS (
        INSERT INTO thread_event_heads AS h (thread_id, seq)
        SELECT target.thread_id, total.width FROM target, total WHERE total.width > 0
        ON CONFLICT (thread_id) DO UPDATE SET seq = h.seq + EXCLUDED.seq
        RETURNING thread_id, seq
    ), sent AS (
        SELECT pg_notify('ap_thread_events', head.thread_id::text) FROM head
        WHERE head.thread_id::text IS DISTINCT FROM current_setting('ap.new_thread', true)
    )
    INSERT INTO thread_events (thread_id, seq, span, run_id, kind, data)
    SELECT head.thread_id, head.seq - total.width + ev.offs + 1, ev.width, {run}, ev.kind,
        ev.data
    FROM head, total, ev, sent;"""


OF_THREAD = (
    "SELECT thread_id, interrupts FROM threads WHERE thread_id = NEW.thread_id FOR KEY SHARE"
)
OF_RUN = """SELECT th.thread_id, th.interrupts FROM runs JOIN threads th USING (thread_id)
        WHERE runs.run_id = NEW.run_id FOR KEY SHARE OF th"""

STATUS = _write(
    OF_THREAD,
    "NEW.run_id",
    """
        SELECT 1 AS ord, 'status' AS kind, jsonb_build_object(
            'status', 'pending', 'stop_reason', NULL, 'error', NULL,
            'agent_id', NEW.agent_id, 'interrupts', '[]'::jsonb, 'unfinished', '[]'::jsonb)
            AS data, 1 AS width
        WHERE TG_OP = 'INSERT' AND NEW.status = 'running'  -- created running: pending first
        UNION ALL
        SELECT 2, 'status', jsonb_build_object(
            'status', NEW.status, 'stop_reason', NEW.stop_reason, 'error', NEW.error,
            'agent_id', NEW.agent_id, 'interrupts', s.asked, 'unfinished', s.unfinished),
            1 + jsonb_array_length(s.asked) + 2 * jsonb_array_length(s.unfinished)
        FROM (SELECT
            -- it stopped to ask: its questions are the thread's pending interrupts
            CASE WHEN NEW.status = 'interrupted' AND NEW.stop_reason IS NULL
                THEN coalesce((SELECT interrupts FROM target), '[]'::jsonb)
                ELSE '[]'::jsonb END AS asked,
            -- messages whose last token never came (the run stopped or failed)
            CASE WHEN NEW.status IN ('pending', 'running') THEN '[]'::jsonb
                ELSE coalesce((SELECT jsonb_agg(
                        jsonb_build_object('id', id, 'full', whole, 'namespace', ns))
                    FROM (SELECT data ->> 'id' AS id,
                                 string_agg(data ->> 'text', '' ORDER BY seq) AS whole,
                                 max(data ->> 'namespace') AS ns
                          FROM thread_events
                          WHERE run_id = NEW.run_id AND kind = 'run:message-chunk'
                          GROUP BY data ->> 'id'
                          HAVING NOT bool_or((data ->> 'last')::boolean)) chunked),
                    '[]'::jsonb) END AS unfinished) s""",
)

CHUNK = _write(
    OF_RUN,
    "NEW.run_id",
    """
        SELECT 1 AS ord, 'run:message-chunk' AS kind, jsonb_build_object(
            'id', message ->> 'id', 'type', message ->> 'type', 'text', piece,
            'first', c.opens, 'last', last, 'namespace', ns,
            'full', CASE WHEN last THEN coalesce((SELECT string_agg(data ->> 'text', ''
                ORDER BY seq) FROM thread_events WHERE run_id = NEW.run_id
                AND kind = 'run:message-chunk' AND data ->> 'id' = message ->> 'id'), '')
                || piece END) AS data,
            CASE WHEN c.opens THEN 3 ELSE 1 END + CASE WHEN last THEN 2 ELSE 0 END AS width
        FROM (SELECT NOT EXISTS (SELECT 1 FROM thread_events WHERE run_id = NEW.run_id
            AND kind = 'run:message-chunk' AND data ->> 'id' = message ->> 'id') AS opens) c""",
)

EVENT = _write(
    OF_RUN,
    "NEW.run_id",
    """
        SELECT 1 AS ord, 'run:' || NEW.event AS kind, NEW.data AS data,
            CASE WHEN mode = 'messages' THEN 5 ELSE 1 END AS width""",
)

CHECKPOINT = _write(
    OF_THREAD,
    "NEW.run_id",
    """
        SELECT 1 AS ord, 'checkpoint' AS kind, jsonb_build_object(
            'id', NEW.checkpoint_id, 'parent_id', NEW.parent_checkpoint_id,
            'step', NEW.metadata -> 'step', 'source', NEW.metadata -> 'source') AS data,
            1 AS width""",
)

UPGRADE = [
    f"""
CREATE OR REPLACE FUNCTION ap_thread_event_of_run() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status THEN
        RETURN NULL;
    END IF;{STATUS}
    RETURN NULL;
END $$""",
    f"""
CREATE OR REPLACE FUNCTION ap_thread_event_of_run_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    mode text := split_part(NEW.event, '|', 1);
    ns text := nullif(substr(NEW.event, length(split_part(NEW.event, '|', 1)) + 2), '');
    message jsonb;
    last boolean;
    piece text;
BEGIN
    IF NEW.event IN ('metadata', 'end', 'error', 'interrupt') THEN
        RETURN NULL;  -- the run's status rows say these
    END IF;
    IF mode IN ('events', 'debug', 'checkpoints') THEN
        RETURN NULL;  -- no channel carries them
    END IF;
    IF ns IS NOT NULL AND mode = 'updates' AND jsonb_typeof(NEW.data) = 'object'
       AND NEW.data ? '__interrupt__' THEN
        RETURN NULL;  -- a subgraph asks: the run's status row says it
    END IF;
    IF mode = 'messages' THEN
        message := CASE WHEN jsonb_typeof(NEW.data) = 'array' THEN NEW.data -> 0 ELSE NEW.data END;
        IF jsonb_typeof(message) = 'object' AND message ->> 'type' LIKE '%Chunk'
           AND message ->> 'id' IS NOT NULL THEN
            -- a chat model's token: the first of its message starts it, the last ends it
            last := coalesce(message ->> 'chunk_position' = 'last', false);
            piece := coalesce(ap_chunk_text(message), '');{CHUNK}
            RETURN NULL;
        END IF;
    END IF;{EVENT}
    RETURN NULL;
END $$""",
    """
CREATE FUNCTION ap_active_runs(t uuid, r uuid, statuses text[], waiting text,
    OUT active bigint, OUT pending bigint)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- volatile: this query takes its own snapshot (READ COMMITTED), after the caller's locks
    SELECT count(*), count(*) FILTER (WHERE runs.status = waiting) INTO active, pending
    FROM runs WHERE runs.thread_id = t AND runs.run_id <> r AND runs.status = ANY(statuses);
END $$""",
    f"""
CREATE OR REPLACE FUNCTION ap_thread_event_of_checkpoint() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN{CHECKPOINT}
    RETURN NULL;
END $$""",
]


def _previous() -> list[str]:
    """The functions as 0012 left them (0004's, changed by 0006 and 0012)."""
    namespaces = importlib.import_module("ap_migrations.versions.0012_thread_event_namespaces")
    return [
        namespaces._changed("ap_thread_event_of_run_event", namespaces.RUN_EVENT),
        namespaces._changed(
            "ap_thread_event_of_run", (namespaces.UNFINISHED, namespaces.UNFINISHED_NS)
        ),
        namespaces._previous("ap_thread_event_of_checkpoint"),
    ]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP FUNCTION ap_active_runs(uuid, uuid, text[], text)")
    for statement in _previous():
        op.execute(statement)
