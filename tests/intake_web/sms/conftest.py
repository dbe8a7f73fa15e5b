import pytest
from twilio.request_validator import RequestValidator

from tests.intake_web.chat.conftest import fake_rasa, rasa_down  # noqa: F401 (fixtures used here too)
from tests.intake_web.sms.fake_twilio import FakeTwilio


@pytest.fixture
def fake_twilio(app):
    """Twilio's REST API on loopback, with TWILIO_API_BASE pointing at it for this test."""
    fake = FakeTwilio().start()
    saved = app.config["TWILIO_API_BASE"]
    app.config["TWILIO_API_BASE"] = fake.url
    yield fake
    app.config["TWILIO_API_BASE"] = saved
    fake.stop()


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
