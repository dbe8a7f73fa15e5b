import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import FeedbackItem


def dao_fetch_feedback_by_reference(reference: str) -> FeedbackItem | None:
    return db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.reference == reference.strip().upper()))


def dao_fetch_feedback_by_client_submission_id(client_submission_id: str) -> FeedbackItem | None:
    return db.session.scalar(
        sa.select(FeedbackItem).where(FeedbackItem.client_submission_id == client_submission_id)
    )
