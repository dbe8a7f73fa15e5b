import os
import stat

from actions.outbox import Outbox


def test_outbox_keeps_a_submission_until_it_is_removed(tmp_path):
    outbox = Outbox(tmp_path / "var" / "outbox.sqlite3")
    outbox.add("bot-1", "complaint", {"text": "they never ring back"})
    assert [item.submission_id for item in outbox.pending()] == ["bot-1"]
    outbox.remove("bot-1")
    assert outbox.pending() == []


def test_outbox_survives_a_new_process_reading_the_same_file(tmp_path):
    Outbox(tmp_path / "outbox.sqlite3").add("bot-1", "complaint", {"text": "x"})
    assert Outbox(tmp_path / "outbox.sqlite3").pending()[0].payload == {"text": "x"}


def test_outbox_puts_safeguarding_first(tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    outbox.add("bot-1", "complaint", {"text": "a"})
    outbox.add("bot-2", "safeguarding", {"text": "b", "safeguarding": True}, urgent=True)
    assert [item.submission_id for item in outbox.pending()] == ["bot-2", "bot-1"]


def test_outbox_ignores_a_second_add_of_the_same_submission(tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    outbox.add("bot-1", "complaint", {"text": "first"})
    outbox.add("bot-1", "complaint", {"text": "second"})
    assert [item.payload["text"] for item in outbox.pending()] == ["first"]


def test_outbox_keeps_a_rejected_submission_but_stops_retrying_it(tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    outbox.add("bot-1", "complaint", {"text": "a"})
    outbox.record_failure("bot-1", "HTTP 422", rejected=True)
    assert outbox.pending() == []
    [kept] = outbox.all_items()
    assert kept.rejected and kept.attempts == 1 and kept.last_error == "HTTP 422"


def test_outbox_file_is_readable_by_its_owner_only(tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    outbox.add("bot-1", "complaint", {"text": "a"})
    assert stat.S_IMODE(os.stat(outbox.path).st_mode) == 0o600
