from typing import Any

from intake_web.extensions import db
from intake_web.models import AuditEvent, FeedbackItem


def dao_record_audit_event(
    actor: str, action: str, feedback_item: FeedbackItem | None = None, detail: dict[str, Any] | None = None
) -> AuditEvent:
    """Add an audit event to the current transaction (it commits with the change it records)."""
    event = AuditEvent(feedback_item=feedback_item, actor=actor, action=action, detail=detail)
    db.session.add(event)
    return event
