"""Stand-ins for the services the web application talks to over HTTP, served on loopback.

Each fake is a small HTTP server in a daemon thread on 127.0.0.1 (a free port), so the
real client code (requests for Rasa, the twilio library for Twilio) makes real requests
without touching the network. Start one with `FakeRasa().start()` (and `.stop()` it), or
`with FakeRasa() as fake:`, and point the app's setting at `fake.url`; the `fake_rasa`,
`rasa_down` and `fake_twilio` fixtures in tests/conftest.py do that for one test.

    FakeRasa     Rasa's REST channel: POST /webhooks/rest/webhook
    FakeTwilio   Twilio's REST API: POST /2010-04-01/Accounts/<sid>/Messages.json
"""
import json
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


def free_port() -> int:
    """Return a TCP port on loopback that nothing is listening on right now (to play a service that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoopbackServer:
    """An HTTP server on 127.0.0.1 that hands every POST to `answer(path, body)` and sends back its JSON."""

    name = "fake-server"

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, name=self.name, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self):
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def answer(self, path: str, body: bytes) -> tuple[int, object | None]:
        """Return the HTTP status and the JSON to send back (None: an empty body)."""
        raise NotImplementedError

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, reply = fake.answer(self.path, body)
                data = b"" if reply is None else json.dumps(reply).encode()
                self.send_response(status)
                if data:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


# --- Rasa -----------------------------------------------------------------------------------------

MENU = [{"title": "Something is wrong", "payload": "/complain"},
        {"title": "Something was good", "payload": "/compliment"}]


def default_reply(sender: str, text: str, metadata: dict) -> list[dict]:
    if text == "/greet":
        return [{"text": "Hi. I am a chat helper. I am a computer, not a person."},
                {"text": "How can I help?", "buttons": MENU}]
    if text == "/complain":
        return [{"text": "What happened? Tell me in your own words."}]
    return [{"text": f"You said: {text}"}, {"text": "Is this right?",
                                            "buttons": [{"title": "Yes", "payload": "/affirm"},
                                                        {"title": "No", "payload": "/deny"}]}]


class FakeRasa(LoopbackServer):
    """Rasa's REST channel, for tests that are not about Rasa itself.

    It answers with whatever `reply(sender, text, metadata)` returns (a list of {"text", "buttons"}),
    records every request, and can pretend to be down (HTTP 500) or be stopped altogether.
    """

    name = "fake-rasa"

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[dict] = []
        self.down = False
        self.reply: Callable[[str, str, dict], list[dict]] = default_reply

    def texts(self) -> list[str]:
        return [request["message"] for request in self.requests]

    def answer(self, path: str, body: bytes) -> tuple[int, object | None]:
        request = json.loads(body)
        self.requests.append(request)
        if self.down or path != "/webhooks/rest/webhook":
            return 500, None
        return 200, [{"recipient_id": request["sender"], **reply}
                     for reply in self.reply(request["sender"], request["message"], request.get("metadata") or {})]


# --- Twilio ---------------------------------------------------------------------------------------

class FakeTwilio(LoopbackServer):
    """Twilio's REST API for sending text messages; `sent` holds every message it was asked to send.

    The real twilio client (notifications.twilio_client()) talks to it when TWILIO_API_BASE points here.
    """

    name = "fake-twilio"

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[dict] = []

    def answer(self, path: str, body: bytes) -> tuple[int, object | None]:
        parts = path.split("/")
        if len(parts) != 5 or parts[1] != "2010-04-01" or parts[4] != "Messages.json":
            return 404, None
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        sid = f"SM{len(self.sent) + 1:032d}"
        self.sent.append({"path": path, "account": parts[3], "sid": sid, **form})
        return 201, {"sid": sid, "account_sid": parts[3], "to": form.get("To"), "from": form.get("From"),
                     "body": form.get("Body"), "status": "queued", "num_segments": "1",
                     "direction": "outbound-api"}
