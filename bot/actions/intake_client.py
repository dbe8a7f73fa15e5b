"""The assistant's one client of the intake service (`POST /api/v1/feedback`).

Every submission goes through the outbox first (see outbox.py), then to the API.
A background worker delivers whatever is left, and every action run wakes it.
Nothing here logs what a person wrote or their contact details: only submission
ids, references and error types.
"""
import logging
import threading
import uuid
from dataclasses import dataclass

import requests

from actions.outbox import Outbox
from actions.settings import BotSettings, bot_settings

log = logging.getLogger(__name__)

# Connect quickly, but give the intake service time to store and triage.
TIMEOUT = (3.05, 30)
# Client errors that a retry may fix; any other 4xx means the payload itself is wrong.
RETRYABLE_4XX = {408, 409, 425, 429}


class IntakeUnavailable(Exception):
    """The intake service could not be reached or did not answer properly."""


@dataclass(frozen=True)
class SubmitResult:
    """What happened to one submission: stored now (with a reference) or kept to retry."""

    delivered: bool
    reference: str | None = None
    due_date: str | None = None
    category: str | None = None


class IntakeClient:
    def __init__(self, settings: BotSettings | None = None, outbox: Outbox | None = None,
                 session: requests.Session | None = None) -> None:
        self.settings = settings or bot_settings()
        self.outbox = outbox or Outbox(self.settings.outbox_path)
        # No shared Session: the worker thread and the actions' threads post at the same time.
        self.http = session or requests
        self._in_flight: set[str] = set()
        self._lock = threading.Lock()

    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self.settings.intake_api_token}", "Content-Type": "application/json"}

    def submit(self, payload: dict, kind: str) -> SubmitResult:
        """Keep `payload` in the outbox, then try to deliver it now."""
        payload = dict(payload)
        payload.setdefault("client_submission_id", f"bot-{uuid.uuid4()}")
        submission_id = payload["client_submission_id"]
        self.outbox.add(submission_id, kind, payload, urgent=bool(payload.get("safeguarding")))
        return self._deliver(submission_id, kind, payload)

    def keep(self, payload: dict, kind: str) -> str:
        """Put `payload` in the outbox for the worker to deliver at once; return its id."""
        payload = dict(payload)
        payload.setdefault("client_submission_id", f"bot-{uuid.uuid4()}")
        self.outbox.add(payload["client_submission_id"], kind, payload, urgent=bool(payload.get("safeguarding")))
        return payload["client_submission_id"]

    def _deliver(self, submission_id: str, kind: str, payload: dict) -> SubmitResult:
        with self._lock:
            if submission_id in self._in_flight:
                return SubmitResult(delivered=False)
            self._in_flight.add(submission_id)
        try:
            response = self.http.post(f"{self.settings.intake_api_url}/api/v1/feedback", json=payload,
                                         headers=self._headers(), timeout=TIMEOUT)
        except requests.RequestException as error:
            self.outbox.record_failure(submission_id, type(error).__name__)
            log.warning("outbox %s (%s) not delivered: %s", submission_id, kind, type(error).__name__)
            return SubmitResult(delivered=False)
        finally:
            with self._lock:
                self._in_flight.discard(submission_id)
        if 200 <= response.status_code < 300:
            body = response.json()
            self.outbox.remove(submission_id)
            log.info("outbox %s (%s) delivered as %s", submission_id, kind, body.get("reference"))
            return SubmitResult(delivered=True, reference=body.get("reference"), due_date=body.get("due_date"),
                                category=(body.get("triage") or {}).get("category"))
        rejected = 400 <= response.status_code < 500 and response.status_code not in RETRYABLE_4XX
        self.outbox.record_failure(submission_id, f"HTTP {response.status_code}", rejected=rejected)
        if rejected:
            log.error("outbox %s (%s) refused by the intake API (HTTP %s): kept for an engineer",
                      submission_id, kind, response.status_code)
        else:
            log.warning("outbox %s (%s) not delivered: HTTP %s", submission_id, kind, response.status_code)
        return SubmitResult(delivered=False)

    def flush(self) -> tuple[int, int]:
        """Try to deliver everything in the outbox; return (delivered, still pending)."""
        delivered = 0
        items = self.outbox.pending()
        for item in items:
            if self._deliver(item.submission_id, item.kind, item.payload).delivered:
                delivered += 1
            else:
                # One failure usually means the service is down: stop and wait for the next round.
                break
        return delivered, len(self.outbox.pending())

    def fetch_status(self, reference: str, sender_id: str) -> dict | None:
        """Return {stage, status, next_reply_by} for `reference` if `sender_id` sent it, else None."""
        try:
            response = self.http.get(
                f"{self.settings.intake_api_url}/api/v1/feedback/{reference}/status",
                headers={**self._headers(), "X-Sender-Id": sender_id}, timeout=(3.05, 10))
        except requests.RequestException as error:
            raise IntakeUnavailable(type(error).__name__) from None
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise IntakeUnavailable(f"HTTP {response.status_code}")
        return response.json()


class OutboxWorker:
    """A daemon thread that retries the outbox every few seconds, or at once when kicked."""

    def __init__(self, client: IntakeClient, interval: float) -> None:
        self.client = client
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outbox-worker", daemon=True)

    def start(self) -> "OutboxWorker":
        self._thread.start()
        return self

    def kick(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                delivered, pending = self.client.flush()
                if delivered or pending:
                    log.info("outbox retry: %s delivered, %s still pending", delivered, pending)
            except Exception as error:  # noqa: BLE001 - the loop must outlive any one failure
                log.error("outbox retry failed: %s", type(error).__name__)
            self._wake.wait(self.interval)
            self._wake.clear()


_client: IntakeClient | None = None
_worker: OutboxWorker | None = None
_singleton_lock = threading.Lock()


def intake_client() -> IntakeClient:
    """Return this process's intake client (created on first use, not at import)."""
    global _client
    with _singleton_lock:
        if _client is None:
            _client = IntakeClient()
        return _client


def start_outbox_worker() -> OutboxWorker:
    """Start the retry loop once per process; later calls return the running one."""
    global _worker
    client = intake_client()
    with _singleton_lock:
        if _worker is None:
            _worker = OutboxWorker(client, client.settings.outbox_retry_seconds).start()
        return _worker


def kick_outbox_worker() -> None:
    """Wake the retry loop (starting it if needed): called at the start of every action run."""
    start_outbox_worker().kick()


def reset_for_tests() -> None:
    """Forget the process's client and worker (tests change the environment between cases)."""
    global _client, _worker
    with _singleton_lock:
        if _worker is not None:
            _worker.stop()
        _client = None
        _worker = None
