"""The one way feedback enters the case store, whatever the channel.

1. Store exactly what the person sent, with its reference, and commit.
   Nothing that happens next can lose it.
2. Triage it (advisory; a failure marks it for a person to triage).
3. Open the first stage of the procedure with its statutory due date, mark
   safeguarding items urgent, and commit.
4. Send the safeguarding alert, the team's notice and the acknowledgement.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from flask import current_app, url_for

from intake_web.clock import StatutoryClock
from intake_web.constants import (ACTOR_SYSTEM, STATUS_FOR_TRIAGE, STATUS_OPEN, TRIAGE_DONE, TRIAGE_FAILED)
from intake_web.dao.audit_dao import dao_record_audit_event
from intake_web.dao.reference_dao import dao_allocate_reference
from intake_web.extensions import db
from intake_web.models import FeedbackItem, ProcedureStage
from intake_web.notifications import deliver_all, queue_notification
from intake_web.public_urls import public_url
from intake_web.text_cleaning import clean_text
from intake_web.triage_adapter import run_triage

# Which stage of the procedure a triage category opens, if any.
FIRST_STAGE = {"concern": "concern", "stage_one": "stage_one", "escalation": "stage_two"}


@dataclass
class FeedbackSubmission:
    """Validated input from any channel (the web form, the API, the chat assistant, SMS)."""

    channel: str
    text: str
    complainant_role: str | None = None
    is_young_person: bool | None = None
    feedback_kind: str | None = None
    formal_complaint_requested: bool = False
    desired_outcome: str | None = None
    advocate_requested: bool = False
    anonymous: bool = False
    contact_method: str = "none"
    contact_email: str | None = None
    contact_phone: str | None = None
    contact_address: str | None = None
    consent_to_contact: bool = False
    complainant_name: str | None = None
    child_name: str | None = None
    child_date_of_birth: date | None = None
    child_details: str | None = None
    sender_id: str | None = None
    client_submission_id: str | None = None
    # The channel's own detector (the chat assistant) already saw a disclosure of harm.
    safeguarding_reported: bool = False
    received_at: datetime | None = None
    extra_audit: dict = field(default_factory=dict)


def _store(submission: FeedbackSubmission, actor: str) -> FeedbackItem:
    received_at = submission.received_at or datetime.now(timezone.utc)
    item = FeedbackItem(
        reference=dao_allocate_reference(received_at.year),
        received_at=received_at,
        channel=submission.channel,
        feedback_kind=submission.feedback_kind,
        formal_complaint_requested=submission.formal_complaint_requested,
        complainant_role=submission.complainant_role,
        is_young_person=submission.is_young_person,
        complainant_name=clean_text(submission.complainant_name),
        child_name=clean_text(submission.child_name),
        child_date_of_birth=submission.child_date_of_birth,
        child_details=clean_text(submission.child_details),
        narrative=clean_text(submission.text) or "",
        desired_outcome=clean_text(submission.desired_outcome),
        advocate_requested=submission.advocate_requested,
        anonymous=submission.anonymous,
        contact_method=submission.contact_method,
        contact_email=submission.contact_email,
        contact_phone=submission.contact_phone,
        contact_address=clean_text(submission.contact_address),
        consent_to_contact=submission.consent_to_contact,
        sender_id=submission.sender_id,
        client_submission_id=submission.client_submission_id,
        safeguarding=submission.safeguarding_reported,
        urgent=submission.safeguarding_reported,
    )
    db.session.add(item)
    dao_record_audit_event(actor, "received", item, {"channel": item.channel, **submission.extra_audit})
    db.session.commit()
    return item


def _category_for(submission: FeedbackSubmission, suggested: str | None) -> str | None:
    """Apply the person's own choices on top of the model's suggestion."""
    if submission.formal_complaint_requested and suggested in (None, "concern", "compliment", "out_of_scope"):
        return "stage_one"  # asking for a formal complaint is their right
    if suggested is None and submission.feedback_kind == "something_good":
        return "compliment"
    return suggested


def open_stage(item: FeedbackItem, stage: str, started_on: date, clock: StatutoryClock) -> ProcedureStage:
    """Start a stage of the procedure with its statutory due date."""
    due_on = clock.due_date(stage, started_on) if stage in ("concern", "stage_one", "stage_two") else None
    if stage == "stage_three":
        due_on = clock.due_date("stage_three_panel", started_on)
    procedure_stage = ProcedureStage(feedback_item=item, stage=stage, started_on=started_on, due_on=due_on)
    db.session.add(procedure_stage)
    return procedure_stage


def _apply_triage(item: FeedbackItem, submission: FeedbackSubmission, actor: str) -> None:
    council = current_app.extensions["council"]
    outcome = run_triage(item.narrative, channel=item.channel, complainant_role=item.complainant_role,
                         formal_complaint=submission.formal_complaint_requested)
    if outcome.ok:
        item.triage_status = TRIAGE_DONE
        item.complaint_type = outcome.complaint_type
        item.service_area = outcome.service_area
        item.triage_confidence = outcome.confidence
        item.needs_review = outcome.needs_review
        item.safeguarding = item.safeguarding or outcome.safeguarding
        item.advocate_requested = item.advocate_requested or outcome.advocate_requested
        item.complainant_role = item.complainant_role or outcome.complainant_role
        item.triage_model_version = outcome.model_version
    else:
        item.triage_status = TRIAGE_FAILED
        item.needs_review = True
    item.triage_details = outcome.details
    item.category = _category_for(submission, outcome.category)
    item.urgent = item.urgent or item.safeguarding
    item.status = STATUS_OPEN if outcome.ok and not item.needs_review else STATUS_FOR_TRIAGE

    # Until a person has triaged it, an untriaged complaint runs on the stage one clock:
    # the statutory one, so a deadline is never missed because the model was unsure.
    stage = FIRST_STAGE.get(item.category or "stage_one")
    if stage:
        open_stage(item, stage, item.received_at.date(), StatutoryClock(council.timescales))
    dao_record_audit_event(actor if outcome.ok else ACTOR_SYSTEM,
                           "triaged" if outcome.ok else "triage-failed", item,
                           {"category": item.category, "complaint_type": item.complaint_type,
                            "service_area": item.service_area, "safeguarding": item.safeguarding,
                            "model_version": item.triage_model_version})


def _case_url(item: FeedbackItem) -> str:
    return public_url(f"/staff/cases/{item.reference}")


def reply_line(item: FeedbackItem) -> str:
    templates = current_app.extensions["council"].messages["acknowledgement"]
    stage = item.current_stage
    if stage and stage.effective_due_on:
        return templates["reply_line_due"].format(due_date=format_date(stage.effective_due_on))
    if item.category == "compliment":
        return templates["reply_line_compliment"]
    return templates["reply_line_none"]


def format_date(day: date) -> str:
    """Format a date the GOV.UK way: 6 January 2027."""
    return f"{day.day} {day:%B %Y}"


# Triage evidence may quote the person ('unsafe ("scared to go home")'); emails carry only the rule.
_QUOTED = re.compile(r'\s*\("[^"]*"\)')


def _queue_messages(item: FeedbackItem) -> list:
    council = current_app.extensions["council"]
    messages = council.messages
    queued = []
    common = {
        "reference": item.reference, "case_url": _case_url(item), "channel": item.channel,
        "received_at": f"{item.received_at:%d %B %Y %H:%M} UTC",
        "council_name": council.council["name"], "council_short_name": council.council["short_name"],
        "complaints_phone": council.contacts["complaints_phone"],
        "out_of_hours_phone": council.contacts["out_of_hours_phone"],
    }
    if item.safeguarding:
        evidence = "; ".join(_QUOTED.sub("", line) for line in (item.triage_details or {}).get("safeguarding_evidence") or [])
        evidence = evidence or "reported by the channel"
        template = messages["safeguarding_alert"]
        queued.append(queue_notification(
            feedback_item=item, purpose="safeguarding-alert", channel="email", recipient=council.council["duty_team_email"],
            subject=template["email_subject"].format(**common),
            body=template["email_body"].format(evidence=evidence, **common)))
    team = council.team_for(item.service_area)
    if team:
        template = messages["team_notice"]
        stage = item.current_stage
        values = {**common, "team_name": team.name, "category_label": council.label("categories", item.category).split(":")[0],
                  "due_date": format_date(stage.effective_due_on) if stage and stage.effective_due_on else "none"}
        queued.append(queue_notification(
            feedback_item=item, purpose="team-notice", channel="email", recipient=team.inbox,
            subject=template["email_subject"].format(**values), body=template["email_body"].format(**values)))
    if item.consent_to_contact and not item.anonymous:
        template = messages["acknowledgement"]
        values = {**common, "reply_line": reply_line(item)}
        if item.contact_method == "email" and item.contact_email:
            queued.append(queue_notification(
                feedback_item=item, purpose="acknowledgement", channel="email", recipient=item.contact_email,
                subject=template["email_subject"].format(**values), body=template["email_body"].format(**values)))
        elif item.contact_method in ("sms", "phone") and item.contact_phone:
            queued.append(queue_notification(
                feedback_item=item, purpose="acknowledgement", channel="sms", recipient=item.contact_phone,
                body=template["sms_body"].format(**values)))
    return queued


def submit_feedback(submission: FeedbackSubmission, actor: str) -> FeedbackItem:
    """Store, triage, route and acknowledge one piece of feedback; return the stored item."""
    item = _store(submission, actor)
    try:
        _apply_triage(item, submission, actor)
        queued = _queue_messages(item)
        db.session.commit()
    except Exception as error:  # noqa: BLE001
        # The person's words are already committed; make sure a person looks at it.
        db.session.rollback()
        item.status = STATUS_FOR_TRIAGE
        item.needs_review = True
        item.triage_status = TRIAGE_FAILED
        dao_record_audit_event(ACTOR_SYSTEM, "intake-error", item)
        db.session.commit()
        current_app.logger.error("intake processing failed for item %s: %s", item.id, type(error).__name__)
        return item
    deliver_all(queued)
    return item
