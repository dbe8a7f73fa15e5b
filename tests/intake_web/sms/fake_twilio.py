"""Twilio's REST API, faked on loopback: POST /2010-04-01/Accounts/<sid>/Messages.json.

The real twilio client (notifications.twilio_client()) talks to it when TWILIO_API_BASE
points here, so tests exercise the real request without touching the network.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeTwilio:
    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-twilio", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> "FakeTwilio":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                parts = self.path.split("/")
                if len(parts) != 5 or parts[1] != "2010-04-01" or parts[4] != "Messages.json":
                    self.send_response(404)
                    self.end_headers()
                    return
                form = {key: values[0] for key, values in
                        parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
                sid = f"SM{len(fake.sent) + 1:032d}"
                fake.sent.append({"account": parts[3], "sid": sid, **form})
                data = json.dumps({"sid": sid, "account_sid": parts[3], "to": form.get("To"),
                                   "from": form.get("From"), "body": form.get("Body"), "status": "queued",
                                   "num_segments": "1", "direction": "outbound-api"}).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
