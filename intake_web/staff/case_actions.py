"""What officers can do to a case, and the rules of the statutory procedure that each action enforces.

Views validate the shape of the input (forms.py); these functions check it against the case
(its stage, its dates) and raise CaseRuleError naming the field and saying what is wrong. Each
successful action changes the case, records one audit event and commits both together.
Messages are stored in the notification outbox in the same transaction and sent after it.
"""
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import current_app

from intake_web.clock import StatutoryClock
from intake_web.constants import STATUS_CLOSED, STATUS_FOR_TRIAGE, STATUS_OPEN, STATUS_RECEIVED
from intake_web.dao.case_dao import dao_add_to_case, dao_remove_stage, dao_rollback, dao_save_case_change
from intake_web.intake import FIRST_STAGE, format_date, open_stage
from intake_web.models import (
    FeedbackItem,
    ImprovementAction,
    LessonLearned,
    Notification,
    ProcedureStage,
    TriageCorrection,
)
from intake_web.notifications import deliver_all, queue_notification
from intake_web.public_urls import public_url

STAGE_LABELS = {
    "concern": "Concern",
    "stage_one": "Stage one (local resolution)",
    "stage_two": "Stage two (investigation)",
    "stage_three": "Stage three (review panel)",
    "ombudsman": "Ombudsman",
}
# Categories that are complaints, and so need a complaint type.
COMPLAINT_CATEGORIES = ("concern", "stage_one", "escalation")
# What a young person may agree to share with the advocacy provider, in the order they are listed.
ADVOCACY_SHARE_CHOICES = {
    "name": "Their name",
    "contact": "How to contact them (phone number or email address)",
    "words": "What they told us",
    "desired_outcome": "What they would like to happen",
}


class CaseRuleError(ValueError):
    """The action is not allowed for this case as it stands; `field` is the form field to mark."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def london_today() -> date:
    """Today in England, whatever the server's time zone."""
    return datetime.now(ZoneInfo("Europe/London")).date()


def statutory_clock() -> StatutoryClock:
    return StatutoryClock(current_app.extensions["council"].timescales)


def working_days_left(due_on: date | None, today: date | None = None) -> int | None:
    """Working days from today to the due date: 0 on the day, negative (at least -1) once it has passed."""
    if due_on is None:
        return None
    today = today or london_today()
    days = statutory_clock().calendar.working_days_between(today, due_on)
    # Due on Friday and it is now Saturday: no working day has passed, but the date has.
    return min(days, -1) if due_on < today else days


def due_soon_limit(today: date | None = None, days: int = 2) -> date:
    """The last date that counts as 'due within `days` working days'."""
    return statutory_clock().calendar.add_working_days(today or london_today(), days)


@dataclass
class Deadline:
    label: str
    due_on: date | None
    met_on: date | None = None


def stage_deadlines(stage: ProcedureStage) -> list[Deadline]:
    """Every deadline of a stage, with the date it was met (if it was), for the case page."""
    clock = statutory_clock()
    if stage.stage in ("concern", "stage_one", "stage_two"):
        deadlines = [Deadline("Reply due", clock.due_date(stage.stage, stage.started_on), stage.responded_on)]
        if stage.extended_due_on:
            deadlines[0].met_on = None
            deadlines.append(Deadline("Reply due (extended)", stage.extended_due_on, stage.responded_on))
        if stage.stage == "stage_two" and stage.statement_agreed_on:
            deadlines.append(Deadline("Reply due if counted from the agreed statement",
                                      clock.due_date("stage_two", stage.statement_agreed_on), stage.responded_on))
        return deadlines
    if stage.stage == "stage_three":
        deadlines = [Deadline("Panel to meet", clock.due_date("stage_three_panel", stage.started_on),
                              stage.panel_met_on)]
        if stage.panel_met_on:
            deadlines.append(Deadline("Panel report due", clock.due_date("stage_three_report", stage.panel_met_on),
                                      stage.panel_report_on))
        if stage.panel_report_on:
            deadlines.append(Deadline("Council's response due",
                                      clock.due_date("stage_three_response", stage.panel_report_on),
                                      stage.responded_on))
        return deadlines
    return []


def _check_date(field: str, value: date, *, not_before: date | None = None, not_before_what: str = "",
                allow_future: bool = False) -> None:
    if not allow_future and value > london_today():
        raise CaseRuleError(field, "The date must be today or in the past")
    if not_before and value < not_before:
        raise CaseRuleError(field, f"The date must be on or after {format_date(not_before)}, {not_before_what}")


def _current(item: FeedbackItem) -> ProcedureStage | None:
    return item.current_stage


def _require_stage(item: FeedbackItem, stages: tuple[str, ...], what: str) -> ProcedureStage:
    stage = _current(item)
    if stage is None or stage.stage not in stages:
        now = STAGE_LABELS.get(stage.stage, stage.stage) if stage else "no stage of the procedure"
        raise CaseRuleError(None, f"{what} This case is at {now.lower() if stage is None else now}.")
    return stage


def _message_values(item: FeedbackItem) -> dict[str, str]:
    council = current_app.extensions["council"]
    stage = _current(item)
    return {
        "reference": item.reference,
        "case_url": public_url(f"/staff/cases/{item.reference}"),
        "channel": item.channel,
        "received_at": f"{item.received_at:%d %B %Y %H:%M} UTC",
        "received_on": format_date(item.received_at.date()),
        "council_name": council.council["name"],
        "council_short_name": council.council["short_name"],
        "complaints_phone": council.contacts["complaints_phone"],
        "complaints_email": council.contacts["complaints_email"],
        "out_of_hours_phone": council.contacts["out_of_hours_phone"],
        "stage_name": STAGE_LABELS.get(stage.stage, "") if stage else "",
        "due_date": format_date(stage.effective_due_on) if stage and stage.effective_due_on else "",
        "team_name": council.team_for(item.service_area).name if council.team_for(item.service_area) else "",
    }


# --- Triage ---------------------------------------------------------------------------------------

def apply_triage(item: FeedbackItem, *, category: str, complaint_type: str | None, service_area: str | None,
                 safeguarding: bool, complainant_role: str | None, actor: str) -> TriageCorrection:
    """Confirm or correct the triage; store it as a labelled example for training the model."""
    council = current_app.extensions["council"]
    if category not in council.taxonomy["categories"]:
        raise CaseRuleError("category", "Choose what kind of feedback this is")
    if category in COMPLAINT_CATEGORIES:
        if complaint_type not in council.taxonomy["complaint_types"]:
            raise CaseRuleError("complaint_type", "Choose what the complaint is about")
    else:
        complaint_type = None
    if category == "out_of_scope":
        service_area = service_area or None
    elif service_area not in council.taxonomy["service_areas"]:
        raise CaseRuleError("service_area", "Choose the team this goes to")
    if complainant_role and complainant_role not in council.taxonomy["complainant_roles"]:
        raise CaseRuleError("complainant_role", "Choose who is giving the feedback, or leave it as not known")

    before = {"category": item.category, "complaint_type": item.complaint_type, "service_area": item.service_area,
              "safeguarding": item.safeguarding, "complainant_role": item.complainant_role}
    after = {"category": category, "complaint_type": complaint_type, "service_area": service_area,
             "safeguarding": safeguarding, "complainant_role": complainant_role or item.complainant_role}
    changed = {key: {"from": before[key], "to": after[key]} for key in before if before[key] != after[key]}

    _move_first_stage(item, old_category=item.category, new_category=category)
    newly_safeguarding = safeguarding and not item.safeguarding
    team_changed = service_area != item.service_area
    item.category, item.complaint_type, item.service_area = category, complaint_type, service_area
    item.safeguarding = safeguarding
    item.urgent = safeguarding
    item.complainant_role = after["complainant_role"]
    item.needs_review = False
    if category == "out_of_scope":
        item.status = STATUS_CLOSED
    elif item.status in (STATUS_RECEIVED, STATUS_FOR_TRIAGE) or (item.status == STATUS_CLOSED and "category" in changed
                                                                 and not _stage_finished(item)):
        item.status = STATUS_OPEN

    correction = TriageCorrection(
        feedback_item=item, channel=item.channel, category=category, complaint_type=complaint_type,
        service_area=service_area, safeguarding=safeguarding, advocate_requested=item.advocate_requested,
        complainant_role=item.complainant_role, corrected_by=actor)
    dao_add_to_case(correction)
    queued = []
    if newly_safeguarding:
        queued.append(_queue_safeguarding_alert(item))
    if team_changed and service_area:
        queued.append(_queue_team_notice(item))
    dao_save_case_change(actor, "triage-corrected" if changed else "triage-confirmed", item,
                         {"changed": changed} if changed else {"category": category})
    deliver_all(queued)
    return correction


def _stage_finished(item: FeedbackItem) -> bool:
    stage = _current(item)
    return bool(stage and stage.responded_on and stage.outcome)


def _move_first_stage(item: FeedbackItem, *, old_category: str | None, new_category: str) -> None:
    """Put an item that was on the wrong route at intake on the right one, counting from when it was received.

    Only while nothing has happened on the route yet: one stage, no reply. Later, a correction changes
    the labels only; converting a concern or escalating are separate actions with their own clocks.
    """
    new_first = FIRST_STAGE.get(new_category)
    stages = list(item.stages)
    if len(stages) > 1 or (stages and stages[0].responded_on):
        return
    if stages and stages[0].stage == new_first:
        return
    if stages:
        dao_remove_stage(stages[0])
    if new_first:
        open_stage(item, new_first, item.received_at.date(), statutory_clock())


def _queue_safeguarding_alert(item: FeedbackItem) -> Notification:
    council = current_app.extensions["council"]
    template = council.messages["safeguarding_alert"]
    values = _message_values(item)
    return queue_notification(
        feedback_item=item, purpose="safeguarding-alert", channel="email", recipient=council.council["duty_team_email"],
        subject=template["email_subject"].format(**values),
        body=template["email_body"].format(evidence="marked by an officer in the complaints console", **values))


def _queue_team_notice(item: FeedbackItem) -> Notification:
    council = current_app.extensions["council"]
    template = council.messages["team_notice"]
    team = council.team_for(item.service_area)
    values = {**_message_values(item), "team_name": team.name,
              "category_label": council.label("categories", item.category).split(":")[0],
              "due_date": _message_values(item)["due_date"] or "none"}
    return queue_notification(feedback_item=item, purpose="team-notice", channel="email", recipient=team.inbox,
                              subject=template["email_subject"].format(**values),
                              body=template["email_body"].format(**values))


# --- The procedure --------------------------------------------------------------------------------

def convert_concern(item: FeedbackItem, *, converted_on: date, actor: str) -> ProcedureStage:
    """Close the concern and open stage one; the stage one clock starts on the conversion date."""
    concern = _require_stage(item, ("concern",), "Only a concern can be converted to a stage one complaint.")
    _check_date("converted_on", converted_on, not_before=concern.started_on, not_before_what="when the concern started")
    concern.notes = _append_note(concern.notes, f"Converted to stage one on {format_date(converted_on)}.")
    stage_one = open_stage(item, "stage_one", converted_on, statutory_clock())
    item.status = STATUS_OPEN
    dao_save_case_change(actor, "converted-to-stage-one", item,
                         {"converted_on": converted_on.isoformat(), "due_on": stage_one.due_on.isoformat()})
    return stage_one


def extension_limit(stage: ProcedureStage) -> date:
    """The latest reply date an extension may set: 20 working days (stage one) or 65 (stage two) from the start."""
    return statutory_clock().due_date(stage.stage, stage.started_on, extended=True)


def extend_stage(item: FeedbackItem, *, new_due_on: date, reason: str, actor: str) -> ProcedureStage:
    """Record an extension of the current stage one or stage two, with its reason."""
    stage = _require_stage(item, ("stage_one", "stage_two"),
                           "Only a stage one or stage two complaint can be extended.")
    if stage.responded_on:
        raise CaseRuleError(None, "The council has already responded at this stage, so it cannot be extended.")
    limit = extension_limit(stage)
    days = statutory_clock().timescale(stage.stage, extended=True)
    current_due = stage.effective_due_on
    if new_due_on <= current_due:
        raise CaseRuleError("new_due_on",
                            f"The new reply date must be after the current one, {format_date(current_due)}")
    if new_due_on > limit:
        raise CaseRuleError("new_due_on", f"The new reply date must be on or before {format_date(limit)}, "
                                          f"{days} working days after the stage started")
    before = stage.extended_due_on
    stage.extended_due_on = new_due_on
    stage.extension_reason = reason
    dao_save_case_change(actor, "extended", item, {
        "stage": stage.stage, "from": (before or stage.due_on).isoformat(), "to": new_due_on.isoformat(),
        "reason": reason})
    return stage


def record_response(item: FeedbackItem, *, responded_on: date, outcome: str, notes: str | None,
                    actor: str) -> ProcedureStage:
    """Record the council's response and its outcome at the current stage; this closes the case."""
    council = current_app.extensions["council"]
    stage = _current(item)
    if stage is None:
        raise CaseRuleError(None, "This item has no stage of the procedure, so there is no response to record.")
    outcomes = council.taxonomy["ombudsman_outcomes" if stage.stage == "ombudsman" else "outcomes"]
    if outcome not in outcomes:
        raise CaseRuleError("outcome", "Choose the outcome")
    _check_date("responded_on", responded_on, not_before=stage.started_on, not_before_what="when this stage started")
    before = {"responded_on": stage.responded_on.isoformat() if stage.responded_on else None,
              "outcome": stage.outcome}
    stage.responded_on = responded_on
    stage.outcome = outcome
    if notes:
        stage.notes = _append_note(stage.notes, notes)
    item.status = STATUS_CLOSED
    due = stage.effective_due_on
    dao_save_case_change(actor, "response-recorded", item, {
        "stage": stage.stage, "responded_on": responded_on.isoformat(), "outcome": outcome,
        "within_timescale": (responded_on <= due) if due else None,
        **({"before": before} if before["responded_on"] else {})})
    return stage


ESCALATION_FROM = {"stage_two": ("stage_one",), "stage_three": ("stage_two",)}


def escalate(item: FeedbackItem, *, to_stage: str, requested_on: date, actor: str) -> ProcedureStage:
    """Open stage two or stage three from the date the complainant asked; this reopens a closed case."""
    if to_stage not in ESCALATION_FROM:
        raise CaseRuleError(None, "A case can be escalated to stage two or stage three only.")
    needed = ESCALATION_FROM[to_stage]
    current = _require_stage(item, needed, f"A case goes to {STAGE_LABELS[to_stage].lower()} from "
                                           f"{STAGE_LABELS[needed[0]].lower()} only.")
    _check_date("requested_on", requested_on, not_before=current.started_on,
                not_before_what="when the current stage started")
    stage = open_stage(item, to_stage, requested_on, statutory_clock())
    item.status = STATUS_OPEN
    dao_save_case_change(actor, "escalated", item, {
        "from": current.stage, "to": to_stage, "requested_on": requested_on.isoformat(),
        "due_on": stage.due_on.isoformat() if stage.due_on else None,
        "previous_stage_responded": bool(current.responded_on)})
    return stage


def record_statement_agreed(item: FeedbackItem, *, agreed_on: date, actor: str) -> ProcedureStage:
    """Record when the stage two statement of complaint was agreed (the clock still runs from the request)."""
    stage = _require_stage(item, ("stage_two",), "The statement of complaint belongs to stage two.")
    _check_date("agreed_on", agreed_on, not_before=stage.started_on, not_before_what="when stage two was requested")
    stage.statement_agreed_on = agreed_on
    dao_save_case_change(actor, "statement-agreed-recorded", item, {"agreed_on": agreed_on.isoformat()})
    return stage


def record_panel(item: FeedbackItem, *, panel_met_on: date | None, panel_report_on: date | None,
                 actor: str) -> ProcedureStage:
    """Record the review panel's meeting and report; the stage's due date moves to the next deadline."""
    stage = _require_stage(item, ("stage_three",), "The review panel belongs to stage three.")
    if panel_met_on is None and panel_report_on is None:
        raise CaseRuleError("panel_met_on", "Enter the date the panel met")
    if panel_report_on and not panel_met_on:
        raise CaseRuleError("panel_met_on", "Enter the date the panel met before the date of its report")
    _check_date("panel_met_on", panel_met_on, not_before=stage.started_on,
                not_before_what="when stage three was requested")
    if panel_report_on:
        _check_date("panel_report_on", panel_report_on, not_before=panel_met_on, not_before_what="when the panel met")
    clock = statutory_clock()
    stage.panel_met_on, stage.panel_report_on = panel_met_on, panel_report_on
    if panel_report_on:
        stage.due_on = clock.due_date("stage_three_response", panel_report_on)
    else:
        stage.due_on = clock.due_date("stage_three_report", panel_met_on)
    dao_save_case_change(actor, "panel-recorded", item, {
        "panel_met_on": panel_met_on.isoformat(),
        "panel_report_on": panel_report_on.isoformat() if panel_report_on else None,
        "due_on": stage.due_on.isoformat()})
    return stage


def record_ombudsman(item: FeedbackItem, *, contacted_on: date, notes: str, actor: str) -> ProcedureStage:
    """Record that the Local Government and Social Care Ombudsman is involved (no statutory clock)."""
    current = _current(item)
    if current and current.stage == "ombudsman":
        raise CaseRuleError(None, "The ombudsman's involvement is already recorded. Record their decision as the "
                                  "response at this stage.")
    _check_date("contacted_on", contacted_on,
                not_before=item.received_at.date(), not_before_what="when the feedback was received")
    stage = open_stage(item, "ombudsman", contacted_on, statutory_clock())
    stage.notes = notes
    item.status = STATUS_OPEN
    dao_save_case_change(actor, "ombudsman-recorded", item, {
        "contacted_on": contacted_on.isoformat(), "from": current.stage if current else None, "notes": notes})
    return stage


def _append_note(existing: str | None, note: str) -> str:
    return f"{existing}\n{note}" if existing else note


# --- Service improvement --------------------------------------------------------------------------

def add_lesson(item: FeedbackItem, *, lesson: str, service_area: str | None, actor: str) -> LessonLearned:
    """Record a lesson the service learned from this case."""
    council = current_app.extensions["council"]
    if service_area and service_area not in council.taxonomy["service_areas"]:
        raise CaseRuleError("service_area", "Choose the service the lesson is for")
    record = LessonLearned(feedback_item=item, service_area=service_area or item.service_area, lesson=lesson,
                           recorded_by=actor)
    dao_add_to_case(record)
    dao_save_case_change(actor, "lesson-recorded", item, {"service_area": record.service_area, "lesson": lesson})
    return record


def add_improvement_action(item: FeedbackItem, *, description: str, owner: str, due_on: date,
                           actor: str) -> ImprovementAction:
    """Record an improvement the service will make, with an owner and a due date."""
    _check_date("due_on", due_on, not_before=item.received_at.date(),
                not_before_what="when the feedback was received", allow_future=True)
    action = ImprovementAction(feedback_item=item, description=description, owner=owner, due_on=due_on)
    dao_add_to_case(action)
    dao_save_case_change(actor, "improvement-action-added", item,
                         {"description": description, "owner": owner, "due_on": due_on.isoformat()})
    return action


def complete_improvement_action(item: FeedbackItem, action: ImprovementAction, *, completed_on: date,
                                evidence: str, actor: str) -> ImprovementAction:
    """Mark an improvement action done, with the evidence that it was."""
    _check_date("completed_on", completed_on, not_before=action.created_at.date() if action.created_at else None,
                not_before_what="when the action was recorded")
    action.completed_on = completed_on
    action.evidence = evidence
    dao_save_case_change(actor, "improvement-action-completed", item,
                         {"action_id": action.id, "completed_on": completed_on.isoformat(), "evidence": evidence})
    return action


def record_compensation(item: FeedbackItem, *, amount: Decimal, actor: str) -> None:
    """Set the total compensation paid on the case, in pounds (0 clears it)."""
    before = item.compensation_paid
    item.compensation_paid = amount if amount > 0 else None
    dao_save_case_change(actor, "compensation-recorded", item,
                         {"from": str(before) if before is not None else None, "to": str(amount)})


# --- Messages -------------------------------------------------------------------------------------

def forward_compliment(item: FeedbackItem, *, manager_email: str, worker_name: str | None, summary: str,
                       actor: str) -> Notification:
    """Send a compliment on to the named worker's manager, and keep a summary for the annual report."""
    if item.category != "compliment":
        raise CaseRuleError(None, "Only a compliment can be sent on to a manager. Correct the triage first if this "
                                  "is a compliment.")
    template = current_app.extensions["council"].messages["compliment_forward"]
    values = {**_message_values(item), "worker_name": worker_name or "the team",
              "compliment": item.narrative}
    notification = queue_notification(
        feedback_item=item, purpose="compliment-forward", channel="email", recipient=manager_email,
        subject=template["email_subject"].format(**values), body=template["email_body"].format(**values))
    item.compliment_summary = summary
    item.compliment_forwarded_to = manager_email
    item.compliment_forwarded_at = datetime.now(timezone.utc)
    item.status = STATUS_CLOSED
    dao_save_case_change(actor, "compliment-forwarded", item,
                         {"to": manager_email, "worker_name": worker_name, "summary": summary})
    deliver_all([notification])
    return notification


def advocacy_referral_body(item: FeedbackItem, shared: list[str]) -> tuple[str, str]:
    """Return the subject and body of a referral that holds only what the young person agreed to share."""
    council = current_app.extensions["council"]
    template = council.messages["advocacy_referral"]
    not_shared = template["not_shared"]
    contact = None
    if "contact" in shared:
        contact = {"email": item.contact_email, "sms": item.contact_phone,
                   "phone": item.contact_phone}.get(item.contact_method) or item.contact_email or item.contact_phone
    values = {
        **_message_values(item),
        "provider_name": council.council["advocacy_provider"]["name"],
        "name": (item.complainant_name or "not given") if "name" in shared else not_shared,
        "contact": (contact or "not given") if "contact" in shared else not_shared,
        "words": item.narrative if "words" in shared else not_shared,
        "desired_outcome": (item.desired_outcome or "not given") if "desired_outcome" in shared else not_shared,
    }
    return template["email_subject"].format(**values), template["email_body"].format(**values)


def refer_to_advocacy(item: FeedbackItem, *, shared: list[str], actor: str) -> Notification:
    """Email the commissioned advocacy provider a referral holding only what the young person agreed to share."""
    unknown = set(shared) - set(ADVOCACY_SHARE_CHOICES)
    if unknown:
        raise CaseRuleError("shared", "Choose only from the list what the young person agreed to share")
    if "name" in shared and item.do_not_share:
        raise CaseRuleError("shared", "The name on this case is marked do not share, so it cannot be sent")
    council = current_app.extensions["council"]
    subject, body = advocacy_referral_body(item, shared)
    notification = queue_notification(
        feedback_item=item, purpose="advocacy-referral", channel="email",
        recipient=council.council["advocacy_provider"]["referral_email"], subject=subject, body=body)
    item.advocate_requested = True
    item.advocate_referred_at = datetime.now(timezone.utc)
    dao_save_case_change(actor, "advocate-referred", item, {
        "provider": council.council["advocacy_provider"]["name"], "shared": sorted(shared)})
    deliver_all([notification])
    return notification


def record_advocate_arranged(item: FeedbackItem, *, arranged_on: date, extend: bool, actor: str) -> None:
    """Record when the advocate was arranged; optionally extend stage one to 20 working days while they were."""
    _check_date("arranged_on", arranged_on, not_before=item.received_at.date(),
                not_before_what="when the feedback was received")
    detail = {"arranged_on": arranged_on.isoformat()}
    if extend:
        stage = _current(item)
        if stage is None or stage.stage != "stage_one":
            raise CaseRuleError("extend", "Only a stage one complaint can be extended while an advocate is appointed")
        if stage.responded_on:
            raise CaseRuleError("extend", "The council has already responded at stage one, so it cannot be extended")
        limit = extension_limit(stage)
        if stage.effective_due_on < limit:
            detail["extended"] = {"from": stage.effective_due_on.isoformat(), "to": limit.isoformat()}
            stage.extended_due_on = limit
            stage.extension_reason = _append_note(stage.extension_reason,
                                                  "Time to appoint an advocate for the young person.")
    item.advocate_arranged_on = arranged_on
    dao_save_case_change(actor, "advocate-arranged", item, detail)


def set_do_not_share(item: FeedbackItem, *, do_not_share: bool, actor: str) -> None:
    """Mark the names on a case 'do not share' (hidden from every export), or clear the mark."""
    before = item.do_not_share
    item.do_not_share = do_not_share
    dao_save_case_change(actor, "do-not-share-changed", item, {"from": before, "to": do_not_share})


def update_channel(item: FeedbackItem) -> tuple[str, str] | None:
    """Return (channel, recipient) for messages to the complainant, or None when we may not contact them."""
    if not item.consent_to_contact or item.anonymous:
        return None
    if item.contact_method == "email" and item.contact_email:
        return "email", item.contact_email
    if item.contact_method in ("sms", "phone") and item.contact_phone:
        return "sms", item.contact_phone
    return None


def render_update(item: FeedbackItem, template_id: str) -> tuple[str | None, str]:
    """Return the subject (email only) and body of a templated update for this case."""
    template = current_app.extensions["council"].messages["case_updates"][template_id]
    values = _message_values(item)
    route = update_channel(item)
    if route and route[0] == "sms":
        return None, template["sms_body"].format(**values)
    return template["email_subject"].format(**values), template["email_body"].format(**values)


def send_update(item: FeedbackItem, *, template_id: str, actor: str) -> Notification:
    """Send the complainant a templated update by email or text message, and keep it on the case."""
    templates = current_app.extensions["council"].messages["case_updates"]
    if template_id not in templates:
        raise CaseRuleError("template", "Choose the update to send")
    route = update_channel(item)
    if route is None:
        raise CaseRuleError(None, "We cannot send updates on this case: the person did not agree to be contacted, "
                                  "gave no email address or mobile number, or stayed anonymous.")
    template = templates[template_id]
    if not _message_values(item)["due_date"] and any("{due_date}" in str(template.get(key, ""))
                                                     for key in ("email_subject", "email_body", "sms_body")):
        raise CaseRuleError("template", "This update gives a reply date, and this case has none. "
                                        "Choose another update")
    channel, recipient = route
    subject, body = render_update(item, template_id)
    notification = queue_notification(feedback_item=item, purpose="update", channel=channel, recipient=recipient,
                                      subject=subject, body=body)
    dao_save_case_change(actor, "update-sent", item, {"template": template_id, "channel": channel})
    deliver_all([notification])
    return notification


def discard_changes() -> None:
    """Undo anything an action changed before a rule refused it."""
    dao_rollback()
