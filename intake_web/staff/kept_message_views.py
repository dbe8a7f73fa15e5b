"""Messages kept for officers: what people sent by web chat or text while the assistant (Rasa) could not answer.

An officer reads each one with the conversation around it, then makes it a case (through the intake
service, so it is triaged, timed and notified like any other feedback) or marks it dealt with.
Only officers handle them: a kept message belongs to no team yet, and a team manager sees only their
own team's cases.
"""
from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from intake_web.dao.kept_message_dao import (
    KeptMessage,
    dao_claim_kept_message,
    dao_count_waiting_kept_messages,
    dao_fetch_cases_from_sender,
    dao_fetch_conversation,
    dao_fetch_handled_kept_messages,
    dao_fetch_kept_message,
    dao_fetch_waiting_kept_messages,
    dao_link_kept_message_to_case,
    dao_mark_kept_message_dealt_with,
    dao_record_kept_message_view,
    dao_release_kept_message,
)
from intake_web.intake import FeedbackSubmission, submit_feedback
from intake_web.staff import bp
from intake_web.staff.auth import ROLE_OFFICER, role_required
from intake_web.staff.forms import DealtWithForm, MakeCaseForm

officers_only = role_required(ROLE_OFFICER)
MESSAGE_URL = "/kept-messages/<any(chat, sms):channel>/<int:message_id>"
CHANNEL_LABELS = {"chat": "Web chat message", "sms": "Text message"}
WAITING_SHOWN = 200
ALREADY_DEALT_WITH = "This message has already been dealt with."
NO_WORDS = "This message has no words to make a case from. Mark it as dealt with instead."


def _load(channel: str, message_id: int) -> KeptMessage:
    kept = dao_fetch_kept_message(channel, message_id)
    if kept is None:
        abort(404)
    return kept


def _message_url(kept: KeptMessage) -> str:
    return url_for("staff.kept_message", channel=kept.channel, message_id=kept.id)


@bp.get("/kept-messages")
@officers_only
def kept_messages():
    """Every kept message waiting for an officer (longest waiting first), and those dealt with recently."""
    dao_record_kept_message_view(current_user.email, None, "kept-messages")
    return render_template("staff/kept-messages.html", waiting=dao_fetch_waiting_kept_messages(WAITING_SHOWN),
                           total=dao_count_waiting_kept_messages(), handled=dao_fetch_handled_kept_messages(),
                           channel_labels=CHANNEL_LABELS)


@bp.get(MESSAGE_URL)
@officers_only
def kept_message(channel: str, message_id: int):
    """One kept message, the conversation around it, and the cases already made from that conversation."""
    kept = _load(channel, message_id)
    dao_record_kept_message_view(current_user.email, kept, "conversation")
    return render_template("staff/kept-message.html", kept=kept, conversation=dao_fetch_conversation(kept),
                           cases=dao_fetch_cases_from_sender(kept.sender_id), channel_labels=CHANNEL_LABELS)


def _run_action(channel: str, message_id: int, form_class, *, page: str, title: str, button: str,
                perform: Callable[[KeptMessage, FlaskForm], Response], needs_words: bool = False):
    """Show an action's form (auditing the view), or run the action; a message dealt with already goes back."""
    kept = _load(channel, message_id)
    if not kept.is_waiting or (needs_words and not kept.text.strip()):
        flash(ALREADY_DEALT_WITH if not kept.is_waiting else NO_WORDS, "info")
        return redirect(_message_url(kept))
    form = form_class()
    if request.method == "GET":
        dao_record_kept_message_view(current_user.email, kept, page)
    elif form.validate_on_submit():
        return perform(kept, form)
    return render_template("staff/kept-message-action.html", kept=kept, form=form, title=title, button=button,
                           cases=dao_fetch_cases_from_sender(kept.sender_id), channel_labels=CHANNEL_LABELS)


def _make_case(kept: KeptMessage, form: MakeCaseForm) -> Response:
    if not dao_claim_kept_message(kept, current_user.email):
        flash(ALREADY_DEALT_WITH, "info")
        return redirect(_message_url(kept))
    submission = FeedbackSubmission(channel=kept.channel, text=kept.text, sender_id=kept.sender_id,
                                    received_at=kept.received_at, extra_audit={"kept_message_id": kept.id})
    try:
        item = submit_feedback(submission, actor=current_user.email)
    except Exception:
        dao_release_kept_message(kept)
        raise
    dao_link_kept_message_to_case(kept, item, current_user.email)
    flash(f"Case {item.reference} made from the message. It has been triaged like any other.", "success")
    return redirect(url_for("staff.case", reference=item.reference))


def _mark_dealt_with(kept: KeptMessage, form: DealtWithForm) -> Response:
    if dao_mark_kept_message_dealt_with(kept, current_user.email, form.note.data or None):
        flash("Message marked as dealt with.", "success")
    else:
        flash(ALREADY_DEALT_WITH, "info")
    return redirect(url_for("staff.kept_messages"))


@bp.route(MESSAGE_URL + "/make-case", methods=["GET", "POST"])
@officers_only
def kept_message_make_case(channel: str, message_id: int):
    """Make a case from the message through the intake service, received when the message was."""
    return _run_action(channel, message_id, MakeCaseForm, page="make-case", title="Make a case from this message",
                       button="Make a case", perform=_make_case, needs_words=True)


@bp.route(MESSAGE_URL + "/dealt-with", methods=["GET", "POST"])
@officers_only
def kept_message_dealt_with(channel: str, message_id: int):
    """Mark the message dealt with (for example, it repeats a case, or it needs nothing), with an optional note."""
    return _run_action(channel, message_id, DealtWithForm, page="dealt-with", title="Mark this message as dealt with",
                       button="Mark as dealt with", perform=_mark_dealt_with)
