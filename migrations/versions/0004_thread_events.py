"""Thread events: one durable, monotonic `seq` per thread for the thread streaming protocol.

Rows are written by triggers, so every path that changes a run's status, appends a run
event or writes a checkpoint feeds the thread's log without the engine knowing of it:

- `runs` (insert, and each status change): kind `status`, data `{status, stop_reason,
  error, agent_id, interrupts}` (`interrupts`: the questions of a run that stopped to ask);
- `run_events` (each event but `metadata`, `end`, `error` and `interrupt`, which the
  status rows say; a chat model's token, a LangGraph message chunk, is kind
  `run:message-chunk`, marked `first` and `last` of its message, the last with the
  message's `full` text):
  kind `run:<event>`, data the event's;
- `checkpoints` (insert): kind `checkpoint`, data `{id, parent_id, step, source}`.

The triggers are deferred to commit, and only then take the thread's counter row: a
transaction holds that lock only while it commits, after every other lock it takes, so it
cannot deadlock with the engine's lock order (thread, then runs), and the events of one
thread commit in `seq` order (a reader that saw `seq` n never later finds a smaller one).
`span` reserves several numbers for a row that the server expands into several protocol
events (a message: start, content block start, delta, finish, message finish; a token:
its delta, after the start of its message if first, before its end if last; a run that
asks: one `input.requested` per question, then its lifecycle event; a run that ends with
messages whose last token never came: their ends, then its lifecycle event).
Each commit that adds events notifies `ap_thread_events` with the thread id.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UPGRADE = """
CREATE TABLE thread_event_heads (
    thread_id uuid PRIMARY KEY REFERENCES threads (thread_id) ON DELETE CASCADE,
    seq bigint NOT NULL
);

CREATE TABLE thread_events (
    thread_id uuid NOT NULL REFERENCES threads (thread_id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    span integer NOT NULL DEFAULT 1,
    run_id uuid,
    kind text NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (thread_id, seq)
);

CREATE INDEX thread_events_chunks ON thread_events (run_id, (data ->> 'id'))
    WHERE kind = 'run:message-chunk';

CREATE FUNCTION ap_thread_event(t uuid, r uuid, k text, d jsonb, width integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    last bigint;
BEGIN
    IF t IS NULL OR NOT EXISTS (SELECT 1 FROM threads WHERE thread_id = t) THEN
        RETURN;  -- the thread was deleted in the same transaction
    END IF;
    INSERT INTO thread_event_heads AS h (thread_id, seq) VALUES (t, width)
    ON CONFLICT (thread_id) DO UPDATE SET seq = h.seq + width
    RETURNING seq INTO last;
    INSERT INTO thread_events (thread_id, seq, span, run_id, kind, data)
    VALUES (t, last - width + 1, width, r, k, d);
    PERFORM pg_notify('ap_thread_events', t::text);
END $$;

CREATE FUNCTION ap_thread_event_of_run() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    asked jsonb := '[]'::jsonb;
    unfinished jsonb := '[]'::jsonb;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status THEN
        RETURN NULL;
    END IF;
    IF NEW.status NOT IN ('pending', 'running') THEN
        -- messages whose last token never came (the run stopped or failed): finished here
        unfinished := coalesce((SELECT jsonb_agg(jsonb_build_object('id', id, 'full', whole))
            FROM (SELECT data ->> 'id' AS id, string_agg(data ->> 'text', '' ORDER BY seq) AS whole
                  FROM thread_events WHERE run_id = NEW.run_id AND kind = 'run:message-chunk'
                  GROUP BY data ->> 'id'
                  HAVING NOT bool_or((data ->> 'last')::boolean)) chunked), '[]'::jsonb);
    END IF;
    IF NEW.status = 'interrupted' AND NEW.stop_reason IS NULL THEN
        -- it stopped to ask: its questions are the thread's pending interrupts
        asked := coalesce((SELECT interrupts FROM threads WHERE thread_id = NEW.thread_id),
                          '[]'::jsonb);
    END IF;
    PERFORM ap_thread_event(NEW.thread_id, NEW.run_id, 'status', jsonb_build_object(
        'status', NEW.status, 'stop_reason', NEW.stop_reason, 'error', NEW.error,
        'agent_id', NEW.agent_id, 'interrupts', asked, 'unfinished', unfinished),
        1 + jsonb_array_length(asked) + 2 * jsonb_array_length(unfinished));
    RETURN NULL;
END $$;

CREATE FUNCTION ap_chunk_text(message jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(message -> 'content')
        WHEN 'string' THEN message ->> 'content'
        WHEN 'array' THEN (SELECT string_agg(coalesce(part ->> 'text', ''), '')
                           FROM jsonb_array_elements(message -> 'content') part)
        ELSE '' END
$$;

CREATE FUNCTION ap_thread_event_of_run_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    t uuid;
    message jsonb;
    first boolean;
    last boolean;
    piece text;
BEGIN
    IF NEW.event IN ('metadata', 'end', 'error', 'interrupt') THEN
        RETURN NULL;  -- the run's status rows say these
    END IF;
    t := (SELECT thread_id FROM runs WHERE run_id = NEW.run_id);
    IF NEW.event = 'messages' THEN
        message := CASE WHEN jsonb_typeof(NEW.data) = 'array' THEN NEW.data -> 0 ELSE NEW.data END;
        IF jsonb_typeof(message) = 'object' AND message ->> 'type' LIKE '%Chunk'
           AND message ->> 'id' IS NOT NULL THEN
            -- a chat model's token: the first of its message starts it, the last ends it
            first := NOT EXISTS (SELECT 1 FROM thread_events WHERE run_id = NEW.run_id
                                 AND kind = 'run:message-chunk' AND data ->> 'id' = message ->> 'id');
            last := coalesce(message ->> 'chunk_position' = 'last', false);
            piece := coalesce(ap_chunk_text(message), '');
            PERFORM ap_thread_event(t, NEW.run_id, 'run:message-chunk', jsonb_build_object(
                'id', message ->> 'id', 'type', message ->> 'type', 'text', piece,
                'first', first, 'last', last,
                'full', CASE WHEN last THEN coalesce((SELECT string_agg(data ->> 'text', '' ORDER BY seq)
                    FROM thread_events WHERE run_id = NEW.run_id AND kind = 'run:message-chunk'
                    AND data ->> 'id' = message ->> 'id'), '') || piece END),
                CASE WHEN first THEN 3 ELSE 1 END + CASE WHEN last THEN 2 ELSE 0 END);
            RETURN NULL;
        END IF;
    END IF;
    PERFORM ap_thread_event(t, NEW.run_id, 'run:' || NEW.event, NEW.data,
        CASE WHEN NEW.event = 'messages' THEN 5 ELSE 1 END);
    RETURN NULL;
END $$;

CREATE FUNCTION ap_thread_event_of_checkpoint() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ap_thread_event(NEW.thread_id, NEW.run_id, 'checkpoint', jsonb_build_object(
        'id', NEW.checkpoint_id, 'parent_id', NEW.parent_checkpoint_id,
        'step', NEW.metadata -> 'step', 'source', NEW.metadata -> 'source'), 1);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER thread_events_of_runs AFTER INSERT OR UPDATE OF status ON runs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ap_thread_event_of_run();

CREATE CONSTRAINT TRIGGER thread_events_of_run_events AFTER INSERT ON run_events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ap_thread_event_of_run_event();

CREATE CONSTRAINT TRIGGER thread_events_of_checkpoints AFTER INSERT ON checkpoints
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ap_thread_event_of_checkpoint();
"""

DOWNGRADE = """
DROP TRIGGER thread_events_of_checkpoints ON checkpoints;
DROP TRIGGER thread_events_of_run_events ON run_events;
DROP TRIGGER thread_events_of_runs ON runs;
DROP FUNCTION ap_thread_event_of_checkpoint();
DROP FUNCTION ap_thread_event_of_run_event();
DROP FUNCTION ap_chunk_text(jsonb);
DROP FUNCTION ap_thread_event_of_run();
DROP FUNCTION ap_thread_event(uuid, uuid, text, jsonb, integer);
DROP TABLE thread_events;
DROP TABLE thread_event_heads;
"""


def upgrade() -> None:
    # One statement per execute (asyncpg prepares each); statements are separated by blank
    # lines, since function bodies contain semicolons.
    for statement in UPGRADE.strip().split("\n\n"):
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE.strip().splitlines():
        op.execute(statement)
