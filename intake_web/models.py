"""The case store: typed SQLAlchemy 2.0 models.

Change a model, then make and check a migration:
    flask --app intake_web db migrate -m "what changed"
    flask --app intake_web db upgrade
Migrations live in intake_web/migrations/ and are the only way a schema is made
outside tests.
"""
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from intake_web.constants import OPEN_STATUSES, STATUS_RECEIVED, TRIAGE_PENDING
from intake_web.extensions import db


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ReferenceCounter(db.Model):
    """The last reference number handed out in each year (see dao/reference_dao.py)."""

    __tablename__ = "reference_counter"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(nullable=False, default=0)


class FeedbackItem(db.Model):
    """One piece of feedback: a concern, complaint, escalation request, compliment or advocate request."""

    __tablename__ = "feedback_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(sa.String(20), unique=True, index=True)
    received_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    channel: Mapped[str] = mapped_column(sa.String(10))
    # What the person chose ("something_wrong", "something_good", "advocate", "not_sure").
    feedback_kind: Mapped[str | None] = mapped_column(sa.String(20))
    # True when the person said they want a formal complaint: then it is stage one, by right.
    formal_complaint_requested: Mapped[bool] = mapped_column(default=False)

    complainant_role: Mapped[str | None] = mapped_column(sa.String(40))
    is_young_person: Mapped[bool | None]
    complainant_name: Mapped[str | None] = mapped_column(sa.String(200))
    child_name: Mapped[str | None] = mapped_column(sa.String(200))
    child_date_of_birth: Mapped[date | None]
    child_details: Mapped[str | None] = mapped_column(sa.Text)

    narrative: Mapped[str] = mapped_column(sa.Text)
    desired_outcome: Mapped[str | None] = mapped_column(sa.Text)
    advocate_requested: Mapped[bool] = mapped_column(default=False)

    anonymous: Mapped[bool] = mapped_column(default=False)
    contact_method: Mapped[str] = mapped_column(sa.String(10), default="none")
    contact_email: Mapped[str | None] = mapped_column(sa.String(320))
    contact_phone: Mapped[str | None] = mapped_column(sa.String(40))
    contact_address: Mapped[str | None] = mapped_column(sa.Text)
    consent_to_contact: Mapped[bool] = mapped_column(default=False)
    # Identifies the chat or SMS conversation that sent it (a phone number for SMS).
    sender_id: Mapped[str | None] = mapped_column(sa.String(200), index=True)
    # Set by a client that may retry (the chat assistant's outbox) so a retry never makes a second case.
    client_submission_id: Mapped[str | None] = mapped_column(sa.String(100), unique=True)

    # Triage: empty until triage has run (triage_status tells whether it did).
    triage_status: Mapped[str] = mapped_column(sa.String(10), default=TRIAGE_PENDING)
    category: Mapped[str | None] = mapped_column(sa.String(20), index=True)
    complaint_type: Mapped[str | None] = mapped_column(sa.String(40))
    service_area: Mapped[str | None] = mapped_column(sa.String(40), index=True)
    # A unit within the service area that the annual report lists on its own line
    # ("Residential Unit B"); empty for most cases.
    service_unit: Mapped[str | None] = mapped_column(sa.String(60))
    triage_confidence: Mapped[float | None]
    needs_review: Mapped[bool] = mapped_column(default=True)
    safeguarding: Mapped[bool] = mapped_column(default=False, index=True)
    triage_details: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    triage_model_version: Mapped[str | None] = mapped_column(sa.String(80))

    urgent: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(sa.String(12), default=STATUS_RECEIVED, index=True)
    # A name marked "do not share" is hidden from every export and report.
    do_not_share: Mapped[bool] = mapped_column(default=False)

    # Case handling (the officers' console).
    assigned_to_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    advocate_referred_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    advocate_arranged_on: Mapped[date | None]
    # Compliments: a short summary for the annual report, and who it was sent on to.
    compliment_summary: Mapped[str | None] = mapped_column(sa.Text)
    compliment_forwarded_to: Mapped[str | None] = mapped_column(sa.String(320))
    compliment_forwarded_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    # Total compensation paid on this case, in pounds.
    compensation_paid: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))

    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now(), onupdate=sa.func.now()
    )

    stages: Mapped[list["ProcedureStage"]] = relationship(
        back_populates="feedback_item", order_by="ProcedureStage.id", cascade="all, delete-orphan"
    )
    audit_events: Mapped[list["AuditEvent"]] = relationship(
        back_populates="feedback_item", order_by="AuditEvent.id"
    )
    notifications: Mapped[list["Notification"]] = relationship(
        back_populates="feedback_item", order_by="Notification.id"
    )
    lessons: Mapped[list["LessonLearned"]] = relationship(
        back_populates="feedback_item", order_by="LessonLearned.id", cascade="all, delete-orphan"
    )
    improvement_actions: Mapped[list["ImprovementAction"]] = relationship(
        back_populates="feedback_item", order_by="ImprovementAction.id", cascade="all, delete-orphan"
    )
    assigned_to: Mapped["StaffUser | None"] = relationship()

    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def current_stage(self) -> "ProcedureStage | None":
        return self.stages[-1] if self.stages else None


class ProcedureStage(db.Model):
    """One stage of the procedure that an item has been through, with its statutory clock."""

    __tablename__ = "procedure_stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_item_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_item.id"), index=True)
    stage: Mapped[str] = mapped_column(sa.String(20))
    started_on: Mapped[date]
    due_on: Mapped[date | None]
    extended_due_on: Mapped[date | None]
    extension_reason: Mapped[str | None] = mapped_column(sa.Text)
    responded_on: Mapped[date | None]
    outcome: Mapped[str | None] = mapped_column(sa.String(20))
    # Stage two: the date the statement of complaint was agreed (the clock's other possible start).
    statement_agreed_on: Mapped[date | None]
    # Stage three: the panel meeting, and the date its report was received.
    panel_met_on: Mapped[date | None]
    panel_report_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    feedback_item: Mapped[FeedbackItem] = relationship(back_populates="stages")

    @property
    def effective_due_on(self) -> date | None:
        return self.extended_due_on or self.due_on


class Notification(db.Model):
    """An email or text message the service sends, stored before it is sent (an outbox).

    A message that could not be sent stays `pending` and is retried by
    `flask --app intake_web notifications send-pending`, so a safeguarding alert
    or an acknowledgement is never silently dropped.
    """

    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("feedback_item.id"), index=True)
    # What it is for: safeguarding-alert, team-notice, acknowledgement, update, ...
    purpose: Mapped[str] = mapped_column(sa.String(40))
    channel: Mapped[str] = mapped_column(sa.String(10))  # email or sms
    recipient: Mapped[str] = mapped_column(sa.String(320))
    subject: Mapped[str | None] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.String(300))
    provider_id: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    feedback_item: Mapped[FeedbackItem | None] = relationship(back_populates="notifications")


class AuditEvent(db.Model):
    """Who did what, and when. Written for every change to a case (and every staff view of one)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("feedback_item.id"), index=True)
    actor: Mapped[str] = mapped_column(sa.String(320))
    action: Mapped[str] = mapped_column(sa.String(60))
    detail: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    feedback_item: Mapped[FeedbackItem | None] = relationship(back_populates="audit_events")


class StaffUser(db.Model):
    """A member of the complaints team or a team manager, signing in to the console."""

    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(320), unique=True, index=True)
    name: Mapped[str | None] = mapped_column(sa.String(200))
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    # officer (all cases), team_manager (their team's cases), admin (users and settings).
    role: Mapped[str] = mapped_column(sa.String(20))
    # The service area a team manager manages (taxonomy id); empty for other roles.
    team: Mapped[str | None] = mapped_column(sa.String(40))
    is_active_account: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))


class TriageCorrection(db.Model):
    """An officer's confirmed or corrected triage: a labelled example for `python -m triage train`."""

    __tablename__ = "triage_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_item_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_item.id"), index=True)
    channel: Mapped[str | None] = mapped_column(sa.String(10))
    category: Mapped[str | None] = mapped_column(sa.String(20))
    complaint_type: Mapped[str | None] = mapped_column(sa.String(40))
    service_area: Mapped[str | None] = mapped_column(sa.String(40))
    safeguarding: Mapped[bool | None]
    advocate_requested: Mapped[bool | None]
    complainant_role: Mapped[str | None] = mapped_column(sa.String(40))
    corrected_by: Mapped[str] = mapped_column(sa.String(320))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    feedback_item: Mapped[FeedbackItem] = relationship()


class LessonLearned(db.Model):
    """A lesson the service learned from a case, reported by service area in the annual report."""

    __tablename__ = "lesson_learned"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_item_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_item.id"), index=True)
    service_area: Mapped[str | None] = mapped_column(sa.String(40))
    lesson: Mapped[str] = mapped_column(sa.Text)
    recorded_by: Mapped[str] = mapped_column(sa.String(320))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    feedback_item: Mapped[FeedbackItem] = relationship(back_populates="lessons")


class ImprovementAction(db.Model):
    """Something the service will change because of a case, with an owner, a due date and evidence."""

    __tablename__ = "improvement_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_item_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_item.id"), index=True)
    description: Mapped[str] = mapped_column(sa.Text)
    owner: Mapped[str] = mapped_column(sa.String(200))
    due_on: Mapped[date]
    completed_on: Mapped[date | None]
    evidence: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    feedback_item: Mapped[FeedbackItem] = relationship(back_populates="improvement_actions")


class YearFigures(db.Model):
    """Figures an officer enters for a financial year: open child-care cases and looked-after children."""

    __tablename__ = "year_figures"

    # The year the financial year starts in: 2021 means 1 April 2021 to 31 March 2022.
    financial_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    open_cases: Mapped[int | None]
    looked_after_children: Mapped[int | None]
    entered_by: Mapped[str | None] = mapped_column(sa.String(320))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ChatSession(db.Model):
    """One web chat conversation. Its random id is the sender id Rasa knows it by.

    The id lives in the person's signed session cookie; every message in and out is
    kept in chat_message, so the no-JavaScript page can show the whole conversation.
    """

    __tablename__ = "chat_session"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_active_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    messages: Mapped[list["ChatMessage"]] = relationship(
        back_populates="chat_session", order_by="ChatMessage.id", cascade="all, delete-orphan"
    )


class KeptForOfficers:
    """What became of a message kept for the officers (relay_status "kept": the assistant could not answer).

    Empty until it is dealt with: made into a case (feedback_item, by an officer or, for a disclosure of
    danger, by the safety net), or marked dealt with, with an optional note.
    """

    handled_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    handled_by: Mapped[str | None] = mapped_column(sa.String(320))
    handled_note: Mapped[str | None] = mapped_column(sa.Text)
    feedback_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("feedback_item.id"))

    @declared_attr
    def feedback_item(cls) -> Mapped[FeedbackItem | None]:
        return relationship()

    def record_case(self, item: FeedbackItem, actor: str) -> None:
        """Note that this kept message became `item` (not yet committed)."""
        self.feedback_item = item
        self.handled_at = utcnow()
        self.handled_by = actor


class ChatMessage(KeptForOfficers, db.Model):
    """A message in a web chat: from the person ("in") or from the assistant ("out")."""

    __tablename__ = "chat_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_session_id: Mapped[str] = mapped_column(sa.ForeignKey("chat_session.id"), index=True)
    direction: Mapped[str] = mapped_column(sa.String(3))
    text: Mapped[str] = mapped_column(sa.Text)
    # Quick replies offered with an "out" message: [{"title": ..., "payload": ...}].
    buttons: Mapped[list[dict[str, str]] | None] = mapped_column(sa.JSON)
    # For "in" messages: received, relayed (Rasa answered) or kept (Rasa was down; officers see it).
    relay_status: Mapped[str | None] = mapped_column(sa.String(10), index=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    chat_session: Mapped[ChatSession] = relationship(back_populates="messages")


class InboundSms(KeptForOfficers, db.Model):
    """A text message from Twilio's webhook, stored before anything else is done with it.

    from_number is shown to staff and never logged. The reply sent back (as TwiML) is
    kept too, with its numbered choices, so that a reply of "2" can be understood.
    """

    __tablename__ = "inbound_sms"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_sid: Mapped[str] = mapped_column(sa.String(64), unique=True)
    from_number: Mapped[str] = mapped_column(sa.String(40), index=True)
    to_number: Mapped[str | None] = mapped_column(sa.String(40))
    body: Mapped[str] = mapped_column(sa.Text)
    received_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    # received, relayed (Rasa answered) or kept (Rasa was down; officers see it).
    relay_status: Mapped[str] = mapped_column(sa.String(10), default="received", index=True)
    reply_text: Mapped[str | None] = mapped_column(sa.Text)
    reply_buttons: Mapped[list[dict[str, str]] | None] = mapped_column(sa.JSON)
