"""Twilio's side of a text conversation; `fake_rasa`, `rasa_down` and `fake_twilio` come from tests/conftest.py."""
import pytest
from twilio.request_validator import RequestValidator


@pytest.fixture
def twilio_post(client, app):
    """POST form fields to a path as Twilio does, signed with the auth token (or a wrong one)."""
    def post(path: str, fields: dict, auth_token: str | None = None, url_base: str = "http://localhost"):
        validator = RequestValidator(auth_token or app.config["TWILIO_AUTH_TOKEN"])
        signature = validator.compute_signature(url_base + path, fields)
        return client.post(path, data=fields, headers={"X-Twilio-Signature": signature})
    return post


def inbound(body: str, sid: str = "SM00000000000000000000000000000001", number: str = "+447700900123") -> dict:
    return {"MessageSid": sid, "AccountSid": "ACtest", "From": number, "To": "+441632960000", "Body": body,
            "NumMedia": "0"}
