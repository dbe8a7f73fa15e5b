"""The whole stack as `make run` starts it, for end-to-end tests: real processes on loopback.

    action server   bot/ `python -m actions` in Rasa's environment
    Rasa            `rasa run` with the trained model (REST channel only)
    web app         intake_web on werkzeug, in a thread, on a SQLite file
    Twilio, SMTP    small fakes on loopback (nothing leaves the machine)

Each piece gets a free port; the tests talk only to the web application.
"""
import hashlib
import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.fakes import free_port

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
MODEL = BOT / "models" / "current.tar.gz"
API_TOKEN = "e2e-api-token"
TWILIO_AUTH_TOKEN = "e2e-twilio-token"


def rasa_venv() -> Path:
    """The same path scripts/bot.sh and the Makefile use."""
    if os.environ.get("RASA_VENV"):
        return Path(os.environ["RASA_VENV"])
    digest = hashlib.sha256((BOT / "requirements.txt").read_bytes()).hexdigest()[:12]
    return Path.home() / ".cache" / "cf-intake" / "venvs" / f"rasa-{digest}"


def missing_pieces() -> str | None:
    """Why the stack cannot start here, or None."""
    if not (rasa_venv() / "bin" / "rasa").exists():
        return f"Rasa's environment is not built at {rasa_venv()} (make bot-venv)"
    if not MODEL.exists():
        return f"no trained model at {MODEL} (scripts/bot.sh train-if-changed)"
    return None


def wait_until(check, timeout: float, what: str, process: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}:\n{log.read_text()[-3000:] if log else ''}")
        try:
            if check():
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{what} did not start within {timeout:.0f} s:\n{log.read_text()[-3000:] if log else ''}")


class ApiSwitch:
    """WSGI middleware: while `down`, the intake API answers 503, as if it had crashed."""

    def __init__(self, app) -> None:
        self.app = app
        self.down = False

    def __call__(self, environ, start_response):
        if self.down and environ.get("PATH_INFO", "").startswith("/api/"):
            start_response("503 Service Unavailable", [("Content-Type", "application/json")])
            return [b'{"errors": [{"field": null, "message": "down for the test"}]}']
        return self.app(environ, start_response)


@dataclass
class Stack:
    web_url: str
    rasa_url: str
    actions_url: str
    app: object
    api_switch: ApiSwitch
    outbox_path: Path
    processes: list = field(default_factory=list)
    logs: dict = field(default_factory=dict)


def start_processes(tmp: Path, web_port: int, env_overrides: dict | None = None) -> tuple[dict, dict, str, str, Path]:
    """Start the action server and Rasa; return (processes, logs, rasa_url, actions_url, outbox)."""
    venv = rasa_venv()
    rasa_port, actions_port = free_port(), free_port()
    outbox = tmp / "bot_outbox.sqlite3"
    env = {
        **os.environ,
        "PYTHONPATH": str(BOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "INTAKE_API_URL": f"http://127.0.0.1:{web_port}",
        "INTAKE_API_TOKEN": API_TOKEN,
        "BOT_OUTBOX_PATH": str(outbox),
        "BOT_OUTBOX_RETRY_SECONDS": "1",
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions_port}/webhook",
        **(env_overrides or {}),
    }
    processes, logs = {}, {}
    commands = {
        "actions": [str(venv / "bin" / "python"), "-m", "actions", "--port", str(actions_port)],
        "rasa": [str(venv / "bin" / "rasa"), "run", "--model", str(MODEL), "--interface", "127.0.0.1", "--port",
                 str(rasa_port), "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
    }
    for name, command in commands.items():
        logs[name] = tmp / f"{name}.log"
        with logs[name].open("w") as log:  # the child keeps its own copy of the file
            processes[name] = subprocess.Popen(command, cwd=BOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    actions_url = f"http://127.0.0.1:{actions_port}"
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    wait_until(lambda: requests.get(f"{actions_url}/health", timeout=2).ok, 120, "the action server",
               processes["actions"], logs["actions"])
    wait_until(lambda: requests.get(f"{rasa_url}/webhooks/rest/", timeout=2).ok, 600, "Rasa",
               processes["rasa"], logs["rasa"])
    return processes, logs, rasa_url, actions_url, outbox


def stop_processes(processes: dict) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    for process in processes.values():
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def serve_in_thread(wsgi_app, port: int):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", port, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-web", daemon=True)
    thread.start()
    return server
