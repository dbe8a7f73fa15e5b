"""GET /api/v1/feedback/<reference>/status: the assistant's 'where is my complaint?'."""
from datetime import date

from intake_web.constants import STATUS_CLOSED
from intake_web.dao.feedback_dao import dao_fetch_feedback_by_reference
from intake_web.extensions import db


def _submit(client, api_headers, sender_id: str) -> str:
    return client.post("/api/v1/feedback", json={"text": "My social worker never rings me back", "channel": "sms",
                                                 "sender_id": sender_id, "formal_complaint": True},
                       headers=api_headers).json["reference"]


def _status(client, api_headers, reference: str, sender_id: str | None):
    headers = dict(api_headers)
    if sender_id is not None:
        headers["X-Sender-Id"] = sender_id
    return client.get(f"/api/v1/feedback/{reference}/status", headers=headers)


def test_the_sender_gets_the_stage_and_next_reply_date_and_nothing_else(client, api_headers):
    reference = _submit(client, api_headers, "+447700900123")
    response = _status(client, api_headers, reference, "+447700900123")
    assert response.status_code == 200
    item = dao_fetch_feedback_by_reference(reference)
    assert response.json == {"reference": reference, "stage": "stage_one", "closed": False,
                             "next_reply_by": item.current_stage.effective_due_on.isoformat()}


def test_another_sender_gets_the_same_answer_as_a_wrong_reference(client, api_headers):
    reference = _submit(client, api_headers, "+447700900123")
    other = _status(client, api_headers, reference, "+447700900999")
    missing = _status(client, api_headers, "CF-2026-99999", "+447700900123")
    assert other.status_code == missing.status_code == 404
    assert _status(client, api_headers, reference, None).status_code == 404


def test_a_stage_that_has_been_answered_is_reported_closed(client, api_headers):
    reference = _submit(client, api_headers, "chat-abc")
    item = dao_fetch_feedback_by_reference(reference)
    item.current_stage.responded_on = date.today()
    db.session.commit()
    assert _status(client, api_headers, reference, "chat-abc").json["closed"] is True
    item.status = STATUS_CLOSED
    db.session.commit()
    assert _status(client, api_headers, reference, "chat-abc").json["next_reply_by"] is None


def test_the_status_needs_the_api_token(client):
    assert client.get("/api/v1/feedback/CF-2026-00001/status", headers={"X-Sender-Id": "x"}).status_code == 401
