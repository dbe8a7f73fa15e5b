"""Feedback items as the API returns them, with the same names the API accepts."""
from intake_web.models import FeedbackItem


def _iso(value):
    return value.isoformat() if value else None


def serialise_stage(stage) -> dict:
    return {
        "stage": stage.stage,
        "started_on": _iso(stage.started_on),
        "due_date": _iso(stage.due_on),
        "extended_due_date": _iso(stage.extended_due_on),
        "extension_reason": stage.extension_reason,
        "responded_on": _iso(stage.responded_on),
        "outcome": stage.outcome,
    }


def serialise_feedback(item: FeedbackItem) -> dict:
    stage = item.current_stage
    return {
        "reference": item.reference,
        "received_at": _iso(item.received_at),
        "due_date": _iso(stage.effective_due_on) if stage else None,
        "status": item.status,
        "channel": item.channel,
        "text": item.narrative,
        "complainant_role": item.complainant_role,
        "is_young_person": item.is_young_person,
        "feedback_kind": item.feedback_kind,
        "formal_complaint": item.formal_complaint_requested,
        "desired_outcome": item.desired_outcome,
        "advocate_requested": item.advocate_requested,
        "anonymous": item.anonymous,
        "consent_to_contact": item.consent_to_contact,
        "complainant_name": item.complainant_name,
        "contact": {
            "method": item.contact_method,
            "email": item.contact_email,
            "phone": item.contact_phone,
            "postal_address": item.contact_address,
        },
        "child": {
            "name": item.child_name,
            "date_of_birth": _iso(item.child_date_of_birth),
            "details": item.child_details,
        },
        "sender_id": item.sender_id,
        "client_submission_id": item.client_submission_id,
        "triage": {
            "status": item.triage_status,
            "category": item.category,
            "complaint_type": item.complaint_type,
            "service_area": item.service_area,
            "confidence": item.triage_confidence,
            "needs_review": item.needs_review,
            "safeguarding": item.safeguarding,
            "model_version": item.triage_model_version,
            "reasons": (item.triage_details or {}).get("reasons", []),
        },
        "urgent": item.urgent,
        "stages": [serialise_stage(s) for s in item.stages],
    }
