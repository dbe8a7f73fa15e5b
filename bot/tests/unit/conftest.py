"""Fixtures for the action tests: a fake intake API on loopback, trackers, a dispatcher.

Nothing here touches the network beyond 127.0.0.1, and every test gets its own
outbox file, so the tests can run in any order.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import intake_client

TRACKERS = Path(__file__).parent / "trackers"
REPO_ROOT = Path(__file__).resolve().parents[3]


class FakeIntakeApi:
    """Answers like the intake service: 201 with a reference, or as `mode` says."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.requests: list[dict] = []
        self.by_submission_id: dict[str, dict] = {}
        self.statuses: dict[tuple[str, str], dict] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _send(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                api.requests.append({"path": self.path, "json": payload,
                                     "authorization": self.headers.get("Authorization")})
                if api.mode == "down":
                    return self._send(503, {"errors": [{"message": "down"}]})
                if api.mode == "invalid":
                    return self._send(422, {"errors": [{"field": "text", "message": "bad"}]})
                known = api.by_submission_id.get(payload.get("client_submission_id"))
                if known:
                    return self._send(200, known)
                body = {"reference": f"CF-2026-{len(api.by_submission_id) + 1:05d}", "due_date": "2027-01-06",
                        "triage": {"category": "stage_one"}}
                api.by_submission_id[payload.get("client_submission_id")] = body
                return self._send(201, body)

            def do_GET(self):
                api.requests.append({"path": self.path, "sender": self.headers.get("X-Sender-Id")})
                if api.mode == "down":
                    return self._send(503, {})
                reference = self.path.split("/")[-2]
                status = api.statuses.get((reference, self.headers.get("X-Sender-Id")))
                if status is None:
                    return self._send(404, {"errors": [{"message": "not found"}]})
                return self._send(200, status)

        return Handler

    def posted(self) -> list[dict]:
        return [request["json"] for request in self.requests if "json" in request]


@pytest.fixture
def fake_api():
    api = FakeIntakeApi()
    api.thread.start()
    yield api
    api.server.shutdown()
    api.server.server_close()


@pytest.fixture(autouse=True)
def bot_environment(monkeypatch, tmp_path, request):
    """Point the actions at the fake API (or nowhere), a fresh outbox and the real council config."""
    url = request.getfixturevalue("fake_api").url if "fake_api" in request.fixturenames else "http://127.0.0.1:9"
    monkeypatch.setenv("INTAKE_API_URL", url)
    monkeypatch.setenv("INTAKE_API_TOKEN", "test-api-token")
    monkeypatch.setenv("BOT_OUTBOX_PATH", str(tmp_path / "outbox.sqlite3"))
    monkeypatch.setenv("BOT_OUTBOX_WORKER", "0")
    monkeypatch.setenv("INTAKE_CONFIG_DIR", str(REPO_ROOT / "config"))
    intake_client.reset_for_tests()
    yield
    intake_client.reset_for_tests()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def make_tracker(*, text: str = "", intent: str | None = None, slots: dict | None = None,
                 active_loop: str | None = None, sender_id: str = "chat-sender-1", metadata: dict | None = None,
                 entities: list[dict] | None = None) -> Tracker:
    """Build a tracker as the Rasa server sends it to the action server."""
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0} if intent else {},
                        "entities": entities or [], "metadata": metadata or {}},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def load_tracker(name: str) -> Tracker:
    """Load a tracker saved as JSON in trackers/ (the shape Rasa posts to the action server)."""
    return Tracker.from_dict(json.loads((TRACKERS / f"{name}.json").read_text()))


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [message["response"] for message in dispatcher.messages]
