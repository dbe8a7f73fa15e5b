"""The case page and each action on it: one page per action, each a GET form that POSTs to itself."""
from collections.abc import Callable

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from intake_web.dao.case_dao import (
    dao_fetch_audit_trail,
    dao_fetch_case_by_reference,
    dao_fetch_improvement_action,
    dao_record_case_view,
)
from intake_web.models import FeedbackItem
from intake_web.staff import bp
from intake_web.staff.auth import CASE_ROLES, can_open_case, refuse_case, role_required
from intake_web.staff.case_actions import (
    ADVOCACY_SHARE_CHOICES,
    COMPLAINT_CATEGORIES,
    STAGE_LABELS,
    CaseRuleError,
    add_improvement_action,
    add_lesson,
    advocacy_referral_body,
    apply_triage,
    complete_improvement_action,
    convert_concern,
    discard_changes,
    escalate,
    extend_stage,
    extension_limit,
    forward_compliment,
    london_today,
    record_advocate_arranged,
    record_compensation,
    record_ombudsman,
    record_panel,
    record_response,
    record_statement_agreed,
    refer_to_advocacy,
    render_update,
    send_update,
    set_do_not_share,
    stage_deadlines,
    update_channel,
    working_days_left,
)
from intake_web.staff.forms import (
    AdvocacyReferralForm,
    AdvocateArrangedForm,
    CompensationForm,
    CompleteActionForm,
    ConvertForm,
    DoNotShareForm,
    EscalateForm,
    ExtensionForm,
    ForwardComplimentForm,
    ImprovementActionForm,
    LessonForm,
    OmbudsmanForm,
    PanelForm,
    ResponseForm,
    StatementAgreedForm,
    TriageForm,
    UpdateForm,
    as_choices,
)

case_roles = role_required(*CASE_ROLES)
ESCALATION_SLUGS = {"stage-two": "stage_two", "stage-three": "stage_three"}
NOTIFICATION_PURPOSES = {
    "acknowledgement": "Acknowledgement", "update": "Update", "safeguarding-alert": "Safeguarding alert",
    "team-notice": "Team notice", "compliment-forward": "Compliment sent on", "advocacy-referral": "Advocacy referral",
}


def _load_case(reference: str) -> FeedbackItem:
    item = dao_fetch_case_by_reference(reference[:40])
    if item is None:
        abort(404)
    if not can_open_case(current_user, item):
        refuse_case(item)
    return item


def _case_url(item: FeedbackItem) -> str:
    return url_for("staff.case", reference=item.reference)


def _actor() -> str:
    return current_user.email


def _taxonomy_choices(group: str, empty: str | None = None):
    taxonomy = current_app.extensions["council"].taxonomy[group]
    choices = [(key, label.split(":")[0] if group == "categories" else label) for key, label in taxonomy.items()]
    return as_choices(([("", empty)] if empty is not None else []) + choices)


def _team_choices(empty: str | None = None):
    teams = current_app.extensions["council"].teams
    return as_choices(([("", empty)] if empty is not None else []) + [(key, team.name) for key, team in teams.items()])


def _run_action(reference: str, form_class, *, title: str, page: str, perform: Callable, success: str,
                button: str = "Save", configure: Callable | None = None, prefill: Callable | None = None,
                context: Callable | None = None, field_params: dict | None = None):
    """Show an action's form (auditing the view), or run the action and go back to the case page."""
    item = _load_case(reference)
    form = form_class()
    if configure:
        configure(form, item)
    rule_errors: list[str] = []
    if request.method == "GET":
        if prefill:
            prefill(form, item)
        dao_record_case_view(_actor(), item, page)
    elif form.validate_on_submit():
        try:
            message = perform(item, form)
        except CaseRuleError as error:
            discard_changes()
            field = getattr(form, error.field, None) if error.field else None
            if field is not None:
                field.errors = [*field.errors, error.message]
            else:
                rule_errors.append(error.message)
        else:
            flash(message if isinstance(message, str) else success, "success")
            return redirect(_case_url(item))
    return render_template("staff/case-action.html", item=item, form=form, title=title, button=button,
                           rule_errors=rule_errors, extra=context(item) if context else {},
                           field_params=field_params or {}, stage_labels=STAGE_LABELS)


# --- The case page --------------------------------------------------------------------------------

@bp.get("/cases/<reference>")
@case_roles
def case(reference: str):
    """Everything about one case: the person's words, the triage, the stages and clocks, messages and audit trail."""
    item = _load_case(reference)
    dao_record_case_view(_actor(), item, "case")
    council = current_app.extensions["council"]
    current = item.current_stage
    today = london_today()
    return render_template(
        "staff/case.html", item=item, current=current, today=today,
        stages=[(stage, stage_deadlines(stage)) for stage in item.stages],
        days_left=working_days_left(current.effective_due_on, today) if current and not current.responded_on else None,
        stage_labels=STAGE_LABELS, team=council.team_for(item.service_area),
        audit_trail=dao_fetch_audit_trail(item), update_route=update_channel(item),
        notification_purposes=NOTIFICATION_PURPOSES, label=council.label,
        triage_reasons=_triage_reasons(item), complaint_categories=COMPLAINT_CATEGORIES)


def _triage_reasons(item: FeedbackItem) -> list[str]:
    """Readable reasons from whatever the triage library stored (its format may grow)."""
    details = item.triage_details or {}
    reasons: list[str] = []
    for key in ("reasons", "explanation", "evidence", "safeguarding_evidence", "advocate_evidence", "rules_applied"):
        value = details.get(key)
        if isinstance(value, str) and value:
            reasons.append(value)
        elif isinstance(value, (list, tuple)):
            reasons.extend(str(entry) for entry in value if entry)
        elif isinstance(value, dict):
            reasons.extend(f"{name}: {entry}" for name, entry in value.items())
    top = details.get("service_area_top3")
    if isinstance(top, list) and top:
        council = current_app.extensions["council"]
        try:
            reasons.append("Most likely teams: " + ", ".join(
                f"{council.label('service_areas', area)} ({round(float(share) * 100)}%)" for area, share in top))
        except (TypeError, ValueError):
            pass
    if details.get("error"):
        reasons.append(f"Triage could not run ({details['error']}): a person must triage this item.")
    return reasons


# --- Triage ---------------------------------------------------------------------------------------

def _configure_triage(form: TriageForm, item: FeedbackItem) -> None:
    form.category.choices = _taxonomy_choices("categories")
    form.complaint_type.choices = _taxonomy_choices("complaint_types", "Not needed")
    form.service_area.choices = _team_choices("None (out of scope)")
    form.complainant_role.choices = _taxonomy_choices("complainant_roles", "Not known")


def _prefill_triage(form: TriageForm, item: FeedbackItem) -> None:
    form.category.data = item.category
    form.complaint_type.data = item.complaint_type or ""
    form.service_area.data = item.service_area or ""
    form.complainant_role.data = item.complainant_role or ""
    form.safeguarding.data = "yes" if item.safeguarding else "no"


def _perform_triage(item: FeedbackItem, form: TriageForm) -> str:
    before = (item.category, item.complaint_type, item.service_area, item.safeguarding, item.complainant_role)
    apply_triage(item, category=form.category.data, complaint_type=form.complaint_type.data or None,
                 service_area=form.service_area.data or None, safeguarding=form.safeguarding.data == "yes",
                 complainant_role=form.complainant_role.data or None, actor=_actor())
    after = (item.category, item.complaint_type, item.service_area, item.safeguarding, item.complainant_role)
    return "Triage corrected. The model will learn from it." if before != after else "Triage confirmed."


@bp.route("/cases/<reference>/triage", methods=["GET", "POST"])
@case_roles
def case_triage(reference: str):
    return _run_action(reference, TriageForm, title="Confirm or correct the triage", page="triage",
                       perform=_perform_triage, success="Triage saved.", button="Save triage",
                       configure=_configure_triage, prefill=_prefill_triage,
                       context=lambda item: {"show_words": True})


# --- The procedure --------------------------------------------------------------------------------

def _today(field):
    def prefill(form, item):
        getattr(form, field).data = london_today()
    return prefill


@bp.route("/cases/<reference>/convert", methods=["GET", "POST"])
@case_roles
def case_convert(reference: str):
    return _run_action(
        reference, ConvertForm, title="Convert the concern to a stage one complaint", page="convert",
        perform=lambda item, form: convert_concern(item, converted_on=form.converted_on.data, actor=_actor()) and
        f"Converted to stage one. Reply due {_format(item.current_stage.due_on)}.",
        success="Converted to stage one.", button="Convert to stage one", prefill=_today("converted_on"))


def _format(day) -> str:
    from intake_web.intake import format_date

    return format_date(day) if day else ""


def _extension_context(item: FeedbackItem) -> dict:
    stage = item.current_stage
    if stage is None or stage.stage not in ("stage_one", "stage_two"):
        return {}
    return {"current_due": stage.effective_due_on, "extension_limit": extension_limit(stage)}


def _prefill_extension(form: ExtensionForm, item: FeedbackItem) -> None:
    context = _extension_context(item)
    if context:
        form.new_due_on.data = context["extension_limit"]


@bp.route("/cases/<reference>/extend", methods=["GET", "POST"])
@case_roles
def case_extend(reference: str):
    return _run_action(
        reference, ExtensionForm, title="Record an extension", page="extend",
        perform=lambda item, form: extend_stage(item, new_due_on=form.new_due_on.data, reason=form.reason.data,
                                                actor=_actor()) and
        f"Extension recorded. Reply now due {_format(item.current_stage.effective_due_on)}.",
        success="Extension recorded.", button="Record the extension", prefill=_prefill_extension,
        context=_extension_context)


def _configure_outcome(form: ResponseForm, item: FeedbackItem) -> None:
    at_ombudsman = item.current_stage is not None and item.current_stage.stage == "ombudsman"
    form.outcome.choices = _taxonomy_choices("ombudsman_outcomes" if at_ombudsman else "outcomes")


def _prefill_response(form: ResponseForm, item: FeedbackItem) -> None:
    stage = item.current_stage
    form.responded_on.data = stage.responded_on if stage and stage.responded_on else london_today()
    form.outcome.data = stage.outcome if stage else None


@bp.route("/cases/<reference>/response", methods=["GET", "POST"])
@case_roles
def case_response(reference: str):
    return _run_action(
        reference, ResponseForm, title="Record the response and outcome", page="response",
        perform=lambda item, form: record_response(item, responded_on=form.responded_on.data,
                                                   outcome=form.outcome.data, notes=form.notes.data or None,
                                                   actor=_actor()),
        success="Response recorded. The case is closed unless it is escalated.", button="Record the response",
        configure=_configure_outcome, prefill=_prefill_response)


@bp.route("/cases/<reference>/escalate/<slug>", methods=["GET", "POST"])
@case_roles
def case_escalate(reference: str, slug: str):
    to_stage = ESCALATION_SLUGS.get(slug)
    if to_stage is None:
        abort(404)
    return _run_action(
        reference, EscalateForm, title=f"Escalate to {STAGE_LABELS[to_stage].lower()}", page=f"escalate-{slug}",
        perform=lambda item, form: escalate(item, to_stage=to_stage, requested_on=form.requested_on.data,
                                            actor=_actor()) and
        f"Escalated to {STAGE_LABELS[to_stage].lower()}.", success="Escalated.",
        button="Escalate", prefill=_today("requested_on"), context=lambda item: {"to_stage": to_stage})


@bp.route("/cases/<reference>/statement-agreed", methods=["GET", "POST"])
@case_roles
def case_statement_agreed(reference: str):
    return _run_action(
        reference, StatementAgreedForm, title="Record when the statement of complaint was agreed",
        page="statement-agreed",
        perform=lambda item, form: record_statement_agreed(item, agreed_on=form.agreed_on.data, actor=_actor()),
        success="Date the statement was agreed recorded.", prefill=_today("agreed_on"))


def _prefill_panel(form: PanelForm, item: FeedbackItem) -> None:
    stage = item.current_stage
    if stage and stage.stage == "stage_three":
        form.panel_met_on.data = stage.panel_met_on
        form.panel_report_on.data = stage.panel_report_on


@bp.route("/cases/<reference>/panel", methods=["GET", "POST"])
@case_roles
def case_panel(reference: str):
    return _run_action(
        reference, PanelForm, title="Record the review panel", page="panel",
        perform=lambda item, form: record_panel(item, panel_met_on=form.panel_met_on.data,
                                                panel_report_on=form.panel_report_on.data, actor=_actor()) and
        f"Review panel recorded. Next date due: {_format(item.current_stage.due_on)}.",
        success="Review panel recorded.", prefill=_prefill_panel)


@bp.route("/cases/<reference>/ombudsman", methods=["GET", "POST"])
@case_roles
def case_ombudsman(reference: str):
    return _run_action(
        reference, OmbudsmanForm, title="Record the ombudsman's involvement", page="ombudsman",
        perform=lambda item, form: record_ombudsman(item, contacted_on=form.contacted_on.data, notes=form.notes.data,
                                                    actor=_actor()),
        success="The ombudsman's involvement is recorded.", prefill=_today("contacted_on"))


# --- Service improvement --------------------------------------------------------------------------

def _configure_lesson(form: LessonForm, item: FeedbackItem) -> None:
    form.service_area.choices = _team_choices("Choose a service")


@bp.route("/cases/<reference>/lessons/new", methods=["GET", "POST"])
@case_roles
def case_lesson(reference: str):
    def prefill(form, item):
        form.service_area.data = item.service_area or ""
    return _run_action(
        reference, LessonForm, title="Record a lesson learned", page="lesson",
        perform=lambda item, form: add_lesson(item, lesson=form.lesson.data, service_area=form.service_area.data,
                                              actor=_actor()),
        success="Lesson recorded.", configure=_configure_lesson, prefill=prefill)


@bp.route("/cases/<reference>/improvement-actions/new", methods=["GET", "POST"])
@case_roles
def case_improvement_action(reference: str):
    return _run_action(
        reference, ImprovementActionForm, title="Record an improvement action", page="improvement-action",
        perform=lambda item, form: add_improvement_action(item, description=form.description.data,
                                                          owner=form.owner.data, due_on=form.due_on.data,
                                                          actor=_actor()),
        success="Improvement action recorded.", field_params={"owner": {"classes": "govuk-!-width-one-half"}})


@bp.route("/cases/<reference>/improvement-actions/<int:action_id>/done", methods=["GET", "POST"])
@case_roles
def case_improvement_action_done(reference: str, action_id: int):
    item = _load_case(reference)
    action = dao_fetch_improvement_action(item, action_id)
    if action is None:
        abort(404)
    return _run_action(
        reference, CompleteActionForm, title="Mark the improvement action done", page="improvement-action-done",
        perform=lambda item, form: complete_improvement_action(
            item, dao_fetch_improvement_action(item, action_id), completed_on=form.completed_on.data,
            evidence=form.evidence.data, actor=_actor()),
        success="Improvement action marked done.", prefill=_today("completed_on"),
        context=lambda item: {"action": dao_fetch_improvement_action(item, action_id)})


@bp.route("/cases/<reference>/compensation", methods=["GET", "POST"])
@case_roles
def case_compensation(reference: str):
    def prefill(form, item):
        form.amount.data = f"{item.compensation_paid:.2f}" if item.compensation_paid is not None else ""
    return _run_action(
        reference, CompensationForm, title="Record compensation paid", page="compensation",
        perform=lambda item, form: record_compensation(item, amount=form.amount.amount, actor=_actor()),
        success="Compensation recorded.", prefill=prefill,
        field_params={"amount": {"classes": "govuk-input--width-10", "prefix": {"text": "£"},
                                 "spellcheck": False}})


# --- Messages and referrals -----------------------------------------------------------------------

@bp.route("/cases/<reference>/forward-compliment", methods=["GET", "POST"])
@case_roles
def case_forward_compliment(reference: str):
    def prefill(form, item):
        team = current_app.extensions["council"].team_for(item.service_area)
        form.manager_email.data = item.compliment_forwarded_to or (team.manager_email if team else "")
        form.summary.data = item.compliment_summary or ""
    return _run_action(
        reference, ForwardComplimentForm, title="Send the compliment on to the worker's manager",
        page="forward-compliment",
        perform=lambda item, form: forward_compliment(item, manager_email=form.manager_email.data,
                                                      worker_name=form.worker_name.data or None,
                                                      summary=form.summary.data, actor=_actor()) and
        f"Compliment sent on to {form.manager_email.data}.",
        success="Compliment sent on.", button="Send the compliment", prefill=prefill,
        context=lambda item: {"show_words": True})


def _configure_advocacy(form: AdvocacyReferralForm, item: FeedbackItem) -> None:
    form.shared.choices = as_choices(ADVOCACY_SHARE_CHOICES.items())


@bp.route("/cases/<reference>/advocacy-referral", methods=["GET", "POST"])
@case_roles
def case_advocacy_referral(reference: str):
    provider = current_app.extensions["council"].council["advocacy_provider"]
    return _run_action(
        reference, AdvocacyReferralForm, title="Refer the young person to the advocacy provider",
        page="advocacy-referral",
        perform=lambda item, form: refer_to_advocacy(item, shared=form.shared.data or [], actor=_actor()) and
        f"Referral sent to {provider['name']}.",
        success="Referral sent.", button="Send the referral", configure=_configure_advocacy,
        context=lambda item: {"provider": provider, "preview": advocacy_referral_body(item, [])[1]})


@bp.route("/cases/<reference>/advocate-arranged", methods=["GET", "POST"])
@case_roles
def case_advocate_arranged(reference: str):
    return _run_action(
        reference, AdvocateArrangedForm, title="Record when the advocate was arranged", page="advocate-arranged",
        perform=lambda item, form: record_advocate_arranged(item, arranged_on=form.arranged_on.data,
                                                            extend=bool(form.extend.data), actor=_actor()),
        success="Advocate arrangement recorded.", prefill=_today("arranged_on"))


@bp.route("/cases/<reference>/do-not-share", methods=["GET", "POST"])
@case_roles
def case_do_not_share(reference: str):
    def prefill(form, item):
        form.do_not_share.data = "yes" if item.do_not_share else "no"
    return _run_action(
        reference, DoNotShareForm, title="Do not share the names on this case", page="do-not-share",
        perform=lambda item, form: set_do_not_share(item, do_not_share=form.do_not_share.data == "yes",
                                                    actor=_actor()) or
        ("Names marked do not share." if form.do_not_share.data == "yes" else "Do not share removed."),
        success="Saved.", prefill=prefill)


def _configure_update(form: UpdateForm, item: FeedbackItem) -> None:
    templates = current_app.extensions["council"].messages["case_updates"]
    form.template.choices = as_choices((key, template["label"]) for key, template in templates.items())


def _update_context(item: FeedbackItem) -> dict:
    templates = current_app.extensions["council"].messages["case_updates"]
    route = update_channel(item)
    previews = [(template["label"], *render_update(item, key)) for key, template in templates.items()] if route else []
    return {"route": route, "previews": previews}


@bp.route("/cases/<reference>/send-update", methods=["GET", "POST"])
@case_roles
def case_send_update(reference: str):
    return _run_action(
        reference, UpdateForm, title="Send an update to the person", page="send-update",
        perform=lambda item, form: _send_and_describe(item, form.template.data),
        success="Update sent.", button="Send the update", configure=_configure_update, context=_update_context)


def _send_and_describe(item: FeedbackItem, template_id: str) -> str:
    notification = send_update(item, template_id=template_id, actor=_actor())
    how = "email" if notification.channel == "email" else "text message"
    if notification.status == "sent":
        return f"Update sent by {how}."
    return f"Update saved but not sent yet by {how}: it will be retried. Its status is on the case page."
