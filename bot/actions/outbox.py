"""A durable outbox for submissions to the intake service.

Every submission is written here *before* the API is called and deleted only when
the API answers 2xx, so a young person's words survive the intake service being
down, the action server restarting, or the machine rebooting. The worker thread
retries what is left; the payload's `client_submission_id` makes every retry safe
(the API returns the first result instead of making a second case).

A submission the API refuses as invalid (4xx) is kept and marked `rejected` for an
engineer to look at: retrying will not fix it, and deleting it would lose it.
"""
import json
import os
import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    submission_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    urgent INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    rejected INTEGER NOT NULL DEFAULT 0
)
"""


@dataclass(frozen=True)
class OutboxItem:
    submission_id: str
    kind: str
    urgent: bool
    payload: dict
    attempts: int
    last_error: str | None
    rejected: bool


class Outbox:
    """The outbox table in one SQLite file (path from BOT_OUTBOX_PATH)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ready = False
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    created = not self.path.exists()
                    with closing(sqlite3.connect(self.path, timeout=30)) as connection:
                        connection.execute("PRAGMA journal_mode=WAL")
                        connection.execute(_SCHEMA)
                        connection.commit()
                    if created:
                        # It holds what young people wrote: readable by this service's user only.
                        os.chmod(self.path, 0o600)
                    self._ready = True
        connection = sqlite3.connect(self.path, timeout=30)
        connection.row_factory = sqlite3.Row
        return connection

    def add(self, submission_id: str, kind: str, payload: dict, urgent: bool = False) -> None:
        """Keep a submission until it is delivered (a second add of the same id is ignored)."""
        with closing(self._connect()) as connection, connection:
            connection.execute(
                "INSERT OR IGNORE INTO outbox (submission_id, kind, urgent, payload, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (submission_id, kind, int(urgent), json.dumps(payload), datetime.now(timezone.utc).isoformat()),
            )

    def remove(self, submission_id: str) -> None:
        """Forget a submission the intake service has stored."""
        with closing(self._connect()) as connection, connection:
            connection.execute("DELETE FROM outbox WHERE submission_id = ?", (submission_id,))

    def record_failure(self, submission_id: str, error: str, rejected: bool = False) -> None:
        """Count a failed attempt; `rejected` stops retries until a person looks."""
        with closing(self._connect()) as connection, connection:
            connection.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, rejected = MAX(rejected, ?) "
                "WHERE submission_id = ?",
                (error[:300], int(rejected), submission_id),
            )

    def pending(self, limit: int = 100) -> list[OutboxItem]:
        """Return submissions still to deliver, safeguarding first, oldest first."""
        with closing(self._connect()) as connection:
            rows = connection.execute(
                "SELECT * FROM outbox WHERE rejected = 0 ORDER BY urgent DESC, created_at LIMIT ?", (limit,)
            ).fetchall()
        return [self._item(row) for row in rows]

    def all_items(self) -> list[OutboxItem]:
        """Return every kept submission, rejected ones included."""
        with closing(self._connect()) as connection:
            rows = connection.execute("SELECT * FROM outbox ORDER BY created_at").fetchall()
        return [self._item(row) for row in rows]

    @staticmethod
    def _item(row: sqlite3.Row) -> OutboxItem:
        return OutboxItem(submission_id=row["submission_id"], kind=row["kind"], urgent=bool(row["urgent"]),
                          payload=json.loads(row["payload"]), attempts=row["attempts"],
                          last_error=row["last_error"], rejected=bool(row["rejected"]))
