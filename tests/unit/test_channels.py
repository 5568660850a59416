"""The notification payloads: what storage sends is what the engine reads."""

from __future__ import annotations

import uuid
from pathlib import Path

from ap_server.storage import channels
from ap_server.storage.channels import RunNotice

RUN = uuid.uuid4()


def test_a_step_notice_names_the_run_and_cannot_mean_it_ended():
    channel, payload = channels.written(RUN)
    assert channel == channels.EVENTS and channels.key(payload) == str(RUN)
    notice = RunNotice.parse(payload)
    assert notice.run_id == str(RUN) and not notice.ended and not notice.may_have_ended


def test_an_end_notice_says_how_the_run_ended():
    channel, payload = channels.ended(RUN, "interrupted", "user")
    assert channel == channels.EVENTS and channels.key(payload) == str(RUN)
    notice = RunNotice.parse(payload)
    assert notice.ended and notice.may_have_ended
    assert (notice.status, notice.stop_reason) == ("interrupted", "user")
    notice = RunNotice.parse(channels.ended(RUN, "success", None)[1])
    assert (notice.status, notice.stop_reason) == ("success", None)


def test_no_payload_may_mean_anything():
    assert RunNotice.parse(None).may_have_ended
    assert RunNotice.parse("").may_have_ended


def test_every_channel_is_listened_to():
    sent = {
        channels.queued()[0],
        channels.written(RUN)[0],
        channels.stop_requested(RUN)[0],
        channels.webhook_queued()[0],
    }
    # The thread event log's channel is sent by the database itself (migration 0004's
    # triggers), not by the server's code.
    migration = (
        Path(__file__).parents[2] / "migrations/versions/0004_thread_events.py"
    ).read_text()
    if f"pg_notify('{channels.THREAD_EVENTS}'" in migration:
        sent.add(channels.THREAD_EVENTS)
    assert sent == set(channels.CHANNELS)
    assert channels.stop_requested(RUN) == (channels.CONTROL, str(RUN))
