"""Answers to the web form, kept on the server until the person sends them.

A narrative can be 20,000 characters, far too much for a cookie, so the session
cookie holds only the draft's random id. Drafts are deleted when the feedback is
sent, and any draft untouched for DRAFT_LIFETIME is deleted the next time a draft
is created.
"""
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from intake_web.extensions import db

DRAFT_LIFETIME = timedelta(hours=24)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _new_id() -> str:
    return str(uuid.uuid4())


class FormDraft(db.Model):
    """One person's answers so far: {"answers": {field: value}, "done": [page names],
    "given_for": {page name: {field: value}}} (see journey.mark_done)."""

    __tablename__ = "form_draft"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=_new_id)
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=_utcnow,
                                                 server_default=sa.func.now())
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=_utcnow, onupdate=_utcnow,
                                                 server_default=sa.func.now(), index=True)


def _cutoff() -> datetime:
    return _utcnow() - DRAFT_LIFETIME


def dao_create_form_draft() -> FormDraft:
    """Start an empty draft, deleting expired ones first."""
    dao_delete_expired_form_drafts(commit=False)
    draft = FormDraft(data={"answers": {}, "done": []})
    db.session.add(draft)
    db.session.commit()
    return draft


def dao_fetch_form_draft(draft_id: str | None) -> FormDraft | None:
    """Return the draft with this id, or None if there is none or it has expired."""
    if not draft_id:
        return None
    return db.session.scalar(
        sa.select(FormDraft).where(FormDraft.id == draft_id, FormDraft.updated_at >= _cutoff())
    )


def dao_update_form_draft(draft: FormDraft, data: dict[str, Any]) -> None:
    """Replace the draft's data (a new dict, so the JSON column is seen to change) and commit."""
    draft.data = data
    draft.updated_at = _utcnow()
    db.session.commit()


def dao_delete_form_draft(draft: FormDraft) -> None:
    db.session.delete(draft)
    db.session.commit()


def dao_delete_expired_form_drafts(commit: bool = True) -> int:
    """Delete drafts untouched for DRAFT_LIFETIME; return how many went."""
    result = db.session.execute(sa.delete(FormDraft).where(FormDraft.updated_at < _cutoff()),
                                execution_options={"synchronize_session": "fetch"})
    if commit:
        db.session.commit()
    return result.rowcount or 0
