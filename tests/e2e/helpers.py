"""Talking to the stack as a browser or as Twilio does."""
import re
import time

import requests
import sqlalchemy as sa
from twilio.request_validator import RequestValidator

from tests.e2e.stack import TWILIO_AUTH_TOKEN

REFERENCE = re.compile(r"CF-\d{4}-\d{5}")


class ChatUser:
    """A person in the web chat, with a cookie jar, using the JSON endpoint like chat.js does."""

    def __init__(self, stack) -> None:
        self.stack = stack
        self.http = requests.Session()
        page = self.http.get(f"{stack.web_url}/chat", timeout=60)
        page.raise_for_status()
        self.sender = re.search(r'data-sender="([^"]+)"', page.text).group(1)
        self.opening = page.text

    def say(self, text: str) -> list[dict]:
        response = self.http.post(f"{self.stack.web_url}/chat/messages", json={"sender": self.sender, "text": text},
                                  timeout=60)
        assert response.status_code == 200, response.text
        return response.json()["messages"]


class TextingUser:
    """A person texting the council's number: each message is a signed Twilio webhook call."""

    def __init__(self, stack, number: str) -> None:
        self.stack = stack
        self.number = number
        self.count = 0
        self.validator = RequestValidator(TWILIO_AUTH_TOKEN)

    def text(self, body: str) -> str:
        self.count += 1
        fields = {"MessageSid": f"SM{self.number[-6:]}{self.count:026d}", "AccountSid": "ACtest",
                  "From": self.number, "To": "+441632960000", "Body": body, "NumMedia": "0"}
        url = f"{self.stack.web_url}/sms/inbound"
        response = requests.post(url, data=fields, timeout=60,
                                 headers={"X-Twilio-Signature": self.validator.compute_signature(url, fields)})
        assert response.status_code == 200, response.text
        return response.text


def texts(messages: list[dict]) -> str:
    return "\n".join(message["text"] for message in messages)


def find_item(app, reference: str):
    from intake_web.dao.feedback_dao import dao_fetch_feedback_by_reference
    from intake_web.extensions import db

    with app.app_context():
        item = dao_fetch_feedback_by_reference(reference)
        if item is not None:
            db.session.expunge(item)
        return item


def wait_for_items(app, where, count: int = 1, timeout: float = 30):
    """Poll the case store until `count` items match `where` (the outbox worker delivers asynchronously)."""
    from intake_web.extensions import db
    from intake_web.models import FeedbackItem

    deadline = time.monotonic() + timeout
    while True:
        with app.app_context():
            items = db.session.scalars(sa.select(FeedbackItem).where(where)).all()
            for item in items:
                db.session.expunge(item)
        if len(items) >= count or time.monotonic() > deadline:
            return items
        time.sleep(0.5)
