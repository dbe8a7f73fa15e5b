"""POST/GET /api/v1/feedback: what is stored, what is returned, and every way input can be wrong."""
import json
import re

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_web.extensions import db
from intake_web.models import AuditEvent, FeedbackItem

FULL_PAYLOAD = {
    "channel": "chat",
    "text": "My contact with my mum got cancelled again and nobody told me why.",
    "complainant_role": "child_or_young_person",
    "is_young_person": True,
    "feedback_kind": "something_wrong",
    "formal_complaint": True,
    "desired_outcome": "I want my contact back every Saturday.",
    "advocate_requested": True,
    "anonymous": False,
    "consent_to_contact": True,
    "complainant_name": "Sam",
    "contact": {"method": "sms", "phone": "07700 900123"},
    "child": {"name": "Sam", "date_of_birth": "2012-05-01", "details": "Lives in foster care"},
    "sender_id": "chat-session-1",
}


def _count_items() -> int:
    return db.session.scalar(sa.select(sa.func.count(FeedbackItem.id)))


def test_post_feedback_returns_reference_due_date_and_location(client, api_headers):
    response = client.post("/api/v1/feedback", json={"text": "My social worker never returns my calls",
                                                     "formal_complaint": True}, headers=api_headers)
    assert response.status_code == 201
    body = response.json
    assert re.fullmatch(r"CF-\d{4}-\d{5}", body["reference"])
    assert body["due_date"]
    assert response.headers["Location"].endswith(f"/api/v1/feedback/{body['reference']}")
    assert body["channel"] == "web"


def test_post_feedback_stores_every_field_under_the_names_it_accepts(client, api_headers):
    body = client.post("/api/v1/feedback", json=FULL_PAYLOAD, headers=api_headers).json
    for key in ("channel", "text", "complainant_role", "is_young_person", "feedback_kind", "formal_complaint",
                "desired_outcome", "advocate_requested", "anonymous", "consent_to_contact", "complainant_name",
                "sender_id"):
        assert body[key] == FULL_PAYLOAD[key], key
    assert body["contact"] == {"method": "sms", "phone": "+447700900123", "email": None, "postal_address": None}
    assert body["child"] == FULL_PAYLOAD["child"]
    item = db.session.scalar(sa.select(FeedbackItem))
    assert item.narrative == FULL_PAYLOAD["text"]
    assert item.contact_phone == "+447700900123"


def test_post_feedback_writes_received_audit_event(client, api_headers):
    reference = client.post("/api/v1/feedback", json={"text": "hello"}, headers=api_headers).json["reference"]
    events = db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)).all()
    assert events[0].action == "received"
    assert events[0].actor == "api"
    assert events[0].feedback_item.reference == reference


def test_formal_complaint_request_runs_on_stage_one_clock(client, api_headers):
    body = client.post("/api/v1/feedback", json={"text": "The sessions were moved", "formal_complaint": True},
                       headers=api_headers).json
    assert body["stages"][0]["stage"] == "stage_one"


def test_post_feedback_strips_markup_but_keeps_ordinary_characters(client, api_headers):
    body = client.post("/api/v1/feedback", json={
        "text": "<script>alert(1)</script>I <3 my carer & her dog <b>Rex</b> &lt;i&gt;"},
        headers=api_headers).json
    assert body["text"] == "alert(1)I <3 my carer & her dog Rex"


def test_references_are_sequential_and_unique(client, api_headers):
    references = [client.post("/api/v1/feedback", json={"text": f"item {n}"}, headers=api_headers).json["reference"]
                  for n in range(3)]
    numbers = [int(reference.rsplit("-", 1)[1]) for reference in references]
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]


def test_retry_with_same_client_submission_id_returns_first_item(client, api_headers):
    payload = {"text": "please call me", "client_submission_id": "outbox-42"}
    first = client.post("/api/v1/feedback", json=payload, headers=api_headers)
    second = client.post("/api/v1/feedback", json=payload, headers=api_headers)
    assert first.status_code == 201 and second.status_code == 200
    assert first.json["reference"] == second.json["reference"]
    assert _count_items() == 1


def test_get_feedback_returns_stored_item_case_insensitively(client, api_headers):
    reference = client.post("/api/v1/feedback", json=FULL_PAYLOAD, headers=api_headers).json["reference"]
    response = client.get(f"/api/v1/feedback/{reference.lower()}", headers=api_headers)
    assert response.status_code == 200
    assert response.json["reference"] == reference
    assert response.json["text"] == FULL_PAYLOAD["text"]


def test_get_feedback_says_when_reference_is_unknown(client, api_headers):
    response = client.get("/api/v1/feedback/CF-2026-99999", headers=api_headers)
    assert response.status_code == 404
    assert response.json["errors"][0]["field"] == "reference"


def test_safeguarding_flag_from_client_makes_item_urgent(client, api_headers):
    body = client.post("/api/v1/feedback", json={"text": "I am scared to go home", "safeguarding": True},
                       headers=api_headers).json
    assert body["urgent"] is True
    assert body["triage"]["safeguarding"] is True


BAD_REQUESTS = [
    ("missing text", {"channel": "web"}, 422, ["text"]),
    ("blank text", {"text": "   "}, 422, ["text"]),
    ("text not a string", {"text": 42}, 422, ["text"]),
    ("text too long", {"text": "a" * 20_001}, 422, ["text"]),
    ("unknown role", {"text": "hi", "complainant_role": "king"}, 422, ["complainant_role"]),
    ("unknown channel", {"text": "hi", "channel": "pigeon"}, 422, ["channel"]),
    ("unknown field", {"text": "hi", "colour": "red"}, 422, ["(body)"]),
    ("wrong boolean", {"text": "hi", "advocate_requested": "yes"}, 422, ["advocate_requested"]),
    ("bad email", {"text": "hi", "contact": {"method": "email", "email": "not-an-email"}}, 422, ["contact.email"]),
    ("email method without email", {"text": "hi", "contact": {"method": "email"}}, 422, ["contact.email"]),
    ("sms method without phone", {"text": "hi", "contact": {"method": "sms"}}, 422, ["contact.phone"]),
    ("post method without address", {"text": "hi", "contact": {"method": "post"}}, 422, ["contact.postal_address"]),
    ("bad phone", {"text": "hi", "contact": {"method": "sms", "phone": "call me"}}, 422, ["contact.phone"]),
    ("anonymous with contact", {"text": "hi", "anonymous": True, "contact": {"method": "email", "email": "a@b.co"}},
     422, ["anonymous"]),
    ("bad date of birth", {"text": "hi", "child": {"date_of_birth": "31/02/2012"}}, 422, ["child.date_of_birth"]),
    ("future date of birth", {"text": "hi", "child": {"date_of_birth": "2999-01-01"}}, 422, ["child.date_of_birth"]),
    ("several problems at once", {"text": 1, "channel": "x", "is_young_person": "no"}, 422,
     ["channel", "is_young_person", "text"]),
    ("list instead of object", [1, 2], 422, ["(body)"]),
]


@pytest.mark.parametrize("description, payload, status, fields", BAD_REQUESTS, ids=[case[0] for case in BAD_REQUESTS])
def test_bad_input_is_refused_with_each_problem_named_and_nothing_stored(client, api_headers, description, payload,
                                                                        status, fields):
    response = client.post("/api/v1/feedback", data=json.dumps(payload), headers=api_headers)
    assert response.status_code == status
    assert sorted(error["field"] for error in response.json["errors"]) == sorted(fields)
    assert all(error["message"] for error in response.json["errors"])
    assert _count_items() == 0


def test_malformed_json_is_refused_with_a_message(client, api_headers):
    response = client.post("/api/v1/feedback", data='{"text": "hi",', headers=api_headers)
    assert response.status_code == 400
    assert "not valid JSON" in response.json["errors"][0]["message"]
    assert _count_items() == 0


def test_non_json_content_type_is_refused(client, api_headers):
    response = client.post("/api/v1/feedback", data="text=hi",
                           headers={**api_headers, "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415
    assert _count_items() == 0


def test_oversized_body_is_refused_before_it_is_read(client, api_headers):
    response = client.post("/api/v1/feedback", data=json.dumps({"text": "a" * 300_000}), headers=api_headers)
    assert response.status_code == 413
    assert response.json["errors"][0]["message"]
    assert _count_items() == 0


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", "test-api-token", "Basic dGVzdA=="])
def test_requests_without_the_right_token_are_refused(client, authorization):
    headers = {"Content-Type": "application/json"}
    if authorization:
        headers["Authorization"] = authorization
    response = client.post("/api/v1/feedback", json={"text": "hi"}, headers=headers)
    assert response.status_code == 401
    assert response.json["errors"][0]["field"] == "Authorization"
    assert client.get("/api/v1/feedback/CF-2026-00001", headers=headers).status_code == 401
    assert _count_items() == 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(["text", "channel", "complainant_role", "is_young_person", "contact", "child",
                               "anonymous", "advocate_requested", "desired_outcome", "formal_complaint"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.dictionaries(field_names, json_values, max_size=6) | json_values)
def test_no_input_ever_produces_a_server_error(client, api_headers, payload):
    response = client.post("/api/v1/feedback", data=json.dumps(payload), headers=api_headers)
    assert response.status_code < 500
    assert response.is_json


def test_openapi_document_describes_both_operations_without_a_token(client):
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {"/feedback", "/feedback/{reference}"}
    request_schema = document["components"]["schemas"]["FeedbackRequest"]
    assert request_schema["required"] == ["text"]
    assert "child_or_young_person" in request_schema["properties"]["complainant_role"]["enum"]


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}
