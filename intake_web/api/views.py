"""POST /api/v1/feedback and friends: the write path for the chat assistant and other clients."""
import hmac

from flask import current_app, jsonify, request, url_for

from intake_web.api import bp
from intake_web.api.openapi import openapi_document
from intake_web.api.schema import validate_feedback_request
from intake_web.api.serializers import serialise_feedback
from intake_web.constants import ACTOR_API
from intake_web.dao.audit_dao import dao_record_audit_event
from intake_web.dao.feedback_dao import (dao_fetch_feedback_by_client_submission_id,
                                         dao_fetch_feedback_by_reference)
from intake_web.extensions import db
from intake_web.intake import submit_feedback


def _problem(status: int, message: str, field: str | None = None):
    return jsonify(errors=[{"field": field, "message": message}]), status


@bp.before_request
def require_token():
    if request.endpoint == "api.openapi":
        return None
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    expected = current_app.config["INTAKE_API_TOKEN"]
    if scheme.lower() != "bearer" or not token or not hmac.compare_digest(token.encode(), expected.encode()):
        return _problem(401, "send the API token in the Authorization header, as: Bearer <token>", "Authorization")
    return None


@bp.post("/feedback")
def create_feedback():
    if not request.is_json:
        return _problem(415, "send JSON with the header Content-Type: application/json")
    payload = request.get_json(silent=True)
    if payload is None:
        return _problem(400, "the body is not valid JSON: check quotes, commas and brackets")
    council = current_app.extensions["council"]
    submission, errors = validate_feedback_request(payload, council)
    if errors:
        return jsonify(errors=errors), 422
    if submission.client_submission_id:
        existing = dao_fetch_feedback_by_client_submission_id(submission.client_submission_id)
        if existing:
            return jsonify(serialise_feedback(existing)), 200
    item = submit_feedback(submission, actor=ACTOR_API)
    response = jsonify(serialise_feedback(item))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_feedback", reference=item.reference)
    return response


@bp.get("/feedback/<reference>")
def get_feedback(reference: str):
    item = dao_fetch_feedback_by_reference(reference)
    if item is None:
        return _problem(404, f"no feedback has the reference {reference[:20]}: check it and try again", "reference")
    dao_record_audit_event(ACTOR_API, "viewed", item)
    db.session.commit()
    return jsonify(serialise_feedback(item))


@bp.get("/feedback/<reference>/status")
def get_feedback_status(reference: str):
    """Where an item is, for the chat or phone that sent it: its stage and next reply date, nothing else.

    The sender goes in the X-Sender-Id header (never in the URL, so it is never logged).
    Any other sender gets the same 404 as a wrong reference, so nobody can learn that
    a reference exists.
    """
    sender_id = request.headers.get("X-Sender-Id", "")
    item = dao_fetch_feedback_by_reference(reference)
    if item is None or not sender_id or not item.sender_id or \
            not hmac.compare_digest(item.sender_id.encode(), sender_id.encode()):
        return _problem(404, f"no feedback from this sender has the reference {reference[:20]}", "reference")
    stage = item.current_stage
    closed = not item.is_open() or bool(stage and stage.responded_on)
    return jsonify(reference=item.reference, stage=stage.stage if stage else None, closed=closed,
                   next_reply_by=None if closed or not stage or not stage.effective_due_on
                   else stage.effective_due_on.isoformat())


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(current_app.extensions["council"]))
