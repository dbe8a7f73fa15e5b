import time

from actions.intake_client import IntakeClient, OutboxWorker
from actions.settings import bot_settings


def _client() -> IntakeClient:
    return IntakeClient(bot_settings())


def test_submit_delivers_with_the_token_and_empties_the_outbox(fake_api):
    client = _client()
    result = client.submit({"text": "they never ring me back", "channel": "chat"}, "complaint")
    assert result.delivered and result.reference == "CF-2026-00001" and result.due_date == "2027-01-06"
    assert fake_api.requests[0]["authorization"] == "Bearer test-api-token"
    assert fake_api.posted()[0]["client_submission_id"].startswith("bot-")
    assert client.outbox.all_items() == []


def test_submit_keeps_the_submission_when_the_service_is_down_and_a_retry_delivers_it_once(fake_api):
    client = _client()
    fake_api.mode = "down"
    assert not client.submit({"text": "they never ring me back"}, "complaint").delivered
    [kept] = client.outbox.pending()
    fake_api.mode = "ok"
    assert client.flush() == (1, 0)
    # A second delivery of the same submission (say the first answer was lost) makes no new case.
    client.outbox.add(kept.submission_id, kept.kind, kept.payload)
    assert client.flush() == (1, 0)
    assert len(fake_api.by_submission_id) == 1
    assert {p["client_submission_id"] for p in fake_api.posted()} == {kept.submission_id}


def test_submit_keeps_the_submission_when_nothing_is_listening():
    client = _client()  # INTAKE_API_URL points at a closed port
    assert not client.submit({"text": "x"}, "complaint").delivered
    [kept] = client.outbox.pending()
    assert kept.last_error == "ConnectionError"


def test_submit_keeps_but_stops_retrying_what_the_api_refuses(fake_api):
    client = _client()
    fake_api.mode = "invalid"
    assert not client.submit({"text": "x"}, "complaint").delivered
    assert client.outbox.pending() == []
    assert client.outbox.all_items()[0].rejected


def test_worker_delivers_what_was_kept_without_anyone_talking(fake_api):
    client = _client()
    client.keep({"text": "he hits me", "safeguarding": True}, "safeguarding")
    worker = OutboxWorker(client, interval=0.05).start()
    try:
        for _ in range(100):
            if not client.outbox.pending():
                break
            worker.kick()
            time.sleep(0.05)
    finally:
        worker.stop()
    assert client.outbox.pending() == []
    assert fake_api.posted()[0]["safeguarding"] is True


def test_fetch_status_sends_the_sender_and_returns_none_when_not_theirs(fake_api):
    fake_api.statuses[("CF-2026-00042", "+447700900123")] = {"stage": "stage_one", "next_reply_by": "2027-01-06"}
    client = _client()
    assert client.fetch_status("CF-2026-00042", "+447700900123")["stage"] == "stage_one"
    assert client.fetch_status("CF-2026-00042", "someone-else") is None
