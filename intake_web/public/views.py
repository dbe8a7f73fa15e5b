"""The public feedback journey: a start page, one question per page, check answers, confirmation.

It works without JavaScript. Answers live in a FormDraft on the server; the session
cookie holds only the draft's id. Every page saves what the person typed before it
checks it, so nothing they wrote is lost to an error. A draft untouched for 24 hours
is deleted (drafts.py); the first question then says so, rather than starting again
without a word.
"""
from flask import current_app, redirect, render_template, request, session, url_for
from markupsafe import Markup
from werkzeug.wrappers import Response

from intake_web.constants import ACTOR_PUBLIC
from intake_web.dao.feedback_dao import dao_fetch_feedback_by_client_submission_id, dao_fetch_feedback_by_reference
from intake_web.intake import submit_feedback
from intake_web.public import bp, forms, journey
from intake_web.public.drafts import (FormDraft, dao_create_form_draft, dao_delete_form_draft, dao_fetch_form_draft,
                                      dao_update_form_draft)
from intake_web.public.messages import DRAFT_EXPIRED_NOTICE, WHAT_HAPPENED_REQUIRED

DRAFT_KEY = "draft_id"
SUBMITTED_KEY = "submitted_reference"
DRAFT_EXPIRED_KEY = "draft_expired"

WHAT_HAPPENED_HEADINGS = {
    "something-wrong": ("What happened?",
                        "Tell us in your own words. Say what happened, when it was and who was there."),
    "something-good": ("What was good?", "Tell us who helped and what they did. We will pass it on to them."),
    "advocate": ("What do you need help with?", "Tell us a bit about it. An advocate will talk to you about the rest."),
    "not-sure": ("What happened?", "Tell us in your own words. We will work out what to do next."),
}


CONTACT_DETAIL_HEADINGS = {
    "email": ("What is your email address?", "We will only use this to talk to you about what you told us."),
    "text": ("What is your mobile phone number?",
             "We will send you text messages about what you told us. For example, 07700 900 982."),
    "phone": ("What is your phone number?", "We will call you about what you told us. For example, 01632 960 001."),
    "post": ("What is your address?", "We will send you letters about what you told us. Put your postcode too."),
}
# How each detail is named on "Check your answers".
CONTACT_DETAIL_KEYS = {"email": "Your email address", "text": "Your mobile phone number",
                       "phone": "Your phone number", "post": "Your address"}


def _empty_draft_data() -> dict:
    return {"answers": {}, "done": []}


def _client_submission_id(draft_id: str) -> str:
    # The draft's id makes a repeated "Send" return the first case, not a second one.
    return f"web-{draft_id}"


def _fetch_draft() -> FormDraft | None:
    """Return this person's draft, or None; if theirs has gone, forget it and note why for the first question."""
    draft_id = session.get(DRAFT_KEY)
    draft = dao_fetch_form_draft(draft_id)
    if draft_id and draft is None:
        session.pop(DRAFT_KEY)
        sent = dao_fetch_feedback_by_client_submission_id(_client_submission_id(draft_id))
        if sent:
            session[SUBMITTED_KEY] = sent.reference  # a second click on "Send", with the cookie from before the first
        else:
            session[DRAFT_EXPIRED_KEY] = True
    return draft


def _changing() -> bool:
    """True when the person came from 'Check your answers' to change something."""
    return request.args.get("change") == "yes"


def _url(page: journey.Page | None, changing: bool = False) -> str:
    if page is None:
        return url_for("public.check_answers")
    return url_for(page.endpoint, change="yes") if changing else url_for(page.endpoint)


def _redirect_if_out_of_order(data: dict, page: journey.Page) -> str | None:
    """Send people to the right page if they skip ahead or this question is not for them."""
    pages = journey.applicable_pages(data)
    done = journey.done_pages(data)
    if page not in pages:
        return _url(journey.first_unfinished_page(data), _changing())
    for earlier in pages[:pages.index(page)]:
        if earlier.name not in done:
            return _url(earlier, _changing())
    return None


def _next_url(data: dict, page: journey.Page) -> str:
    if _changing():
        # Back to check answers, unless the change means a new question needs an answer.
        unfinished = journey.first_unfinished_page(data)
        return _url(unfinished, changing=True) if unfinished else url_for("public.check_answers")
    return _url(journey.page_after(data, page))


def _back_url(data: dict, page: journey.Page) -> str:
    if _changing():
        return url_for("public.check_answers")
    previous = journey.page_before(data, page)
    return _url(previous) if previous else url_for("public.start")


def _question(page_name: str, form_class, template: str, form_kwargs: dict | None = None,
              initial: dict | None = None, **context):
    page = journey.PAGES_BY_NAME[page_name]
    draft = _fetch_draft()
    draft_expired = False
    if session.get(DRAFT_EXPIRED_KEY):
        # Their answers have gone: say so on the first question, which is where they start again.
        first = journey.PAGES[0]
        if page != first or request.method == "POST" or _changing():
            return redirect(url_for(first.endpoint))
        draft_expired = session.pop(DRAFT_EXPIRED_KEY)
    data = draft.data if draft else _empty_draft_data()
    out_of_order = _redirect_if_out_of_order(data, page)
    if out_of_order:
        return redirect(out_of_order)

    stored = {field: data["answers"].get(field) for field in page.fields}
    if initial:
        stored = {field: stored[field] if stored[field] is not None else initial.get(field) for field in stored}
    if request.method == "POST":
        form = form_class(**(form_kwargs or {}))  # only what was sent: a missing answer must stay missing
    else:
        form = form_class(data=stored, **(form_kwargs or {}))
    if request.method == "POST":
        if draft is None:
            draft = dao_create_form_draft()
            session[DRAFT_KEY] = draft.id
        # Save what they typed first, then check it.
        typed = {field: form[field].data for field in page.fields if field in form}
        data = {**data, "answers": {**data["answers"], **typed},
                "done": [name for name in data["done"] if name != page.name]}
        dao_update_form_draft(draft, data)
        if form.validate():
            data = journey.mark_done(data, page)
            dao_update_form_draft(draft, data)
            return redirect(_next_url(data, page))
    answers = journey.done_answers(data)
    return render_template(template, form=form, page=page, answers=answers, back_url=_back_url(data, page),
                           action_url=_url(page, _changing()),
                           notice=DRAFT_EXPIRED_NOTICE if draft_expired else None, **context)


@bp.get("/")
def start():
    """Explain the service, who can use it, and what to do if a child is in danger."""
    return render_template("public/start.html", timescales=current_app.extensions["council"].timescales)


@bp.route("/feedback/who-are-you", methods=["GET", "POST"])
def who_are_you():
    """Ask who is giving feedback (a young person, a parent or carer, ...)."""
    return _question("who-are-you", forms.WhoAreYouForm, "public/who-are-you.html")


@bp.route("/feedback/what-kind", methods=["GET", "POST"])
def what_kind():
    """Ask whether something is wrong, something was good, or they want an advocate."""
    return _question("what-kind", forms.WhatKindForm, "public/what-kind.html")


@bp.route("/feedback/formal-complaint", methods=["GET", "POST"])
def formal_complaint():
    """Ask whether they want a formal complaint (only when something is wrong)."""
    return _question("formal-complaint", forms.FormalComplaintForm, "public/formal-complaint.html",
                     timescales=current_app.extensions["council"].timescales)


@bp.route("/feedback/what-happened", methods=["GET", "POST"])
def what_happened():
    """Ask what happened, in their own words, with a character count."""
    draft = _fetch_draft()
    kind = journey.done_answers(draft.data if draft else _empty_draft_data()).get("kind") or "something-wrong"
    heading, hint = WHAT_HAPPENED_HEADINGS.get(kind, WHAT_HAPPENED_HEADINGS["something-wrong"])
    required_message = WHAT_HAPPENED_REQUIRED.get(kind, WHAT_HAPPENED_REQUIRED["not-sure"])
    return _question("what-happened", forms.WhatHappenedForm, "public/what-happened.html",
                     form_kwargs={"required_message": required_message}, heading=heading, hint=hint)


@bp.route("/feedback/put-it-right", methods=["GET", "POST"])
def put_it_right():
    """Ask what would put it right (optional; not asked for compliments)."""
    return _question("put-it-right", forms.PutItRightForm, "public/put-it-right.html")


@bp.route("/feedback/advocate", methods=["GET", "POST"])
def advocate():
    """Offer an advocate to young people, care leavers and anyone who asked for one."""
    draft = _fetch_draft()
    asked = journey.done_answers(draft.data if draft else _empty_draft_data()).get("kind") == "advocate"
    # They have just said they want one: start from "yes", but let them change their mind.
    return _question("advocate", forms.AdvocateForm, "public/advocate.html",
                     initial={"advocate": "yes"} if asked else None)


@bp.route("/feedback/your-name", methods=["GET", "POST"])
def your_name():
    """Ask their name (optional)."""
    return _question("your-name", forms.YourNameForm, "public/your-name.html")


@bp.route("/feedback/child-name", methods=["GET", "POST"])
def child_name():
    """Ask the child's name (optional; not asked of young people themselves)."""
    return _question("child-name", forms.ChildNameForm, "public/child-name.html")


@bp.route("/feedback/contact", methods=["GET", "POST"])
def contact():
    """Ask how to contact them, or whether not to."""
    return _question("contact", forms.ContactForm, "public/contact.html")


@bp.route("/feedback/contact-details", methods=["GET", "POST"])
def contact_details():
    """Ask for the one detail the chosen way needs: an email address, a mobile or phone number, or an address."""
    draft = _fetch_draft()
    method = journey.done_answers(draft.data if draft else _empty_draft_data()).get("contact_method")
    if method not in forms.CONTACT_DETAIL_FORMS:
        # No way chosen yet, or "Do not contact me": _question sends them where they should be.
        method = "email"
    heading, hint = CONTACT_DETAIL_HEADINGS[method]
    return _question("contact-details", forms.CONTACT_DETAIL_FORMS[method], "public/contact-details.html",
                     method=method, field_name=journey.CONTACT_DETAIL_FIELD[method], heading=heading, hint=hint)


def _summary_rows(data: dict) -> list[dict]:
    """The rows of 'Check your answers', each with a link to change it."""
    answers = journey.done_answers(data)
    labels = {
        "who": dict(journey.WHO_CHOICES), "kind": dict(journey.KIND_CHOICES), "formal": dict(journey.YES_NO),
        "advocate": {"yes": "Yes, I would like an advocate", "no": "No, thank you"},
        "contact_method": dict(journey.CONTACT_CHOICES),
    }
    not_given = "You did not tell us"
    rows = []
    for page in journey.applicable_pages(data):
        multiline = False
        if page.name == "who-are-you":
            key, value = "Who you are", labels["who"][answers["who"]]
        elif page.name == "what-kind":
            key, value = "What you want to tell us", labels["kind"][answers["kind"]]
        elif page.name == "formal-complaint":
            key, value = "Formal complaint", labels["formal"][answers["formal"]]
        elif page.name == "what-happened":
            key = WHAT_HAPPENED_HEADINGS.get(answers["kind"], WHAT_HAPPENED_HEADINGS["not-sure"])[0].rstrip("?")
            value, multiline = answers["what_happened"], True
        elif page.name == "put-it-right":
            key, value, multiline = "What would put it right", answers.get("put_it_right") or not_given, True
        elif page.name == "advocate":
            key, value = "Advocate", labels["advocate"][answers["advocate"]]
        elif page.name == "your-name":
            key, value = "Your name", answers.get("your_name") or not_given
        elif page.name == "child-name":
            key, value = "The child's name", answers.get("child_name") or not_given
        elif page.name == "contact":
            method = answers["contact_method"]
            key = "How we contact you"
            if method == "none":
                value = "Do not contact me. We will not be able to reply to you."
            else:
                value = labels["contact_method"][method]
        else:
            method = answers["contact_method"]
            key = CONTACT_DETAIL_KEYS[method]
            value, multiline = answers[journey.CONTACT_DETAIL_FIELD[method]], method == "post"
        rows.append({
            "key": {"text": key},
            # Free text keeps its line breaks; Markup.format escapes what the person wrote.
            "value": {"html": Markup('<span class="app-multiline">{}</span>').format(value)} if multiline
            else {"text": value},
            "actions": {"items": [{"href": url_for(page.endpoint, change="yes"), "text": "Change",
                                   "visuallyHiddenText": key.lower()}]},
        })
    return rows


@bp.route("/feedback/check-answers", methods=["GET", "POST"])
def check_answers():
    """Show every answer with a link to change it; sending it makes the case."""
    draft = _fetch_draft()
    if draft is None:
        if request.method == "POST" and session.get(SUBMITTED_KEY):
            return redirect(url_for("public.confirmation"))  # a second click on "Send"
        return redirect(url_for("public.who_are_you"))
    unfinished = journey.first_unfinished_page(draft.data)
    if unfinished:
        return redirect(_url(unfinished))
    if request.method == "POST":
        return _send(draft)
    return render_template("public/check-answers.html", rows=_summary_rows(draft.data),
                           back_url=_url(journey.applicable_pages(draft.data)[-1]))


def _send(draft: FormDraft) -> Response:
    client_submission_id = _client_submission_id(draft.id)
    item = dao_fetch_feedback_by_client_submission_id(client_submission_id)
    if item is None:
        submission = journey.submission_from_answers(draft.data)
        submission.client_submission_id = client_submission_id
        item = submit_feedback(submission, actor=ACTOR_PUBLIC)
    dao_delete_form_draft(draft)
    session.pop(DRAFT_KEY, None)
    session[SUBMITTED_KEY] = item.reference
    return redirect(url_for("public.confirmation"))


@bp.get("/feedback/confirmation")
def confirmation():
    """Show the reference, the reply-by date and, if a child may be at risk, who to call now."""
    reference = session.get(SUBMITTED_KEY)
    item = dao_fetch_feedback_by_reference(reference) if reference else None
    if item is None:
        return redirect(url_for("public.start"))
    stage = item.current_stage
    return render_template("public/confirmation.html", item=item,
                           reply_by=stage.effective_due_on if stage else None)


@bp.get("/feedback")
def feedback():
    """Anyone who types the short address goes to the start page."""
    return redirect(url_for("public.start"))
