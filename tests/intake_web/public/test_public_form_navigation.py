"""Moving around the web form: back links, change links, skipping ahead, and drafts kept on the server."""
import re
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import FeedbackItem
from intake_web.public import journey, messages
from intake_web.public.drafts import (FormDraft, dao_create_form_draft, dao_delete_expired_form_drafts,
                                      dao_fetch_form_draft)
from tests.intake_web.public.public_form_helpers import JOURNEY_START, parse


def _back_link(html: str) -> str:
    return re.search(r'<a href="([^"]+)" class="govuk-back-link"', html).group(1)


def _change_links(html: str) -> dict[str, str]:
    pattern = r'<a class="govuk-link" href="([^"]+)">Change<span class="govuk-visually-hidden">([^<]+)</span>'
    return {hidden.strip(): href for href, hidden in re.findall(pattern, html)}


def test_back_links_go_to_the_previous_question_asked(form_client):
    form_client.walk({"what-kind": {"kind": "something-good"}}, stop_before="advocate")
    assert _back_link(form_client.get("/feedback/who-are-you").get_data(as_text=True)) == "/"
    # A compliment skips "what would put it right", so the back link skips it too.
    assert _back_link(form_client.get("/feedback/advocate").get_data(as_text=True)) == "/feedback/what-happened"
    assert _back_link(form_client.get("/feedback/what-happened").get_data(as_text=True)) == "/feedback/what-kind"


def test_check_answers_has_a_change_link_for_every_answer(form_client):
    form_client.walk()
    html = form_client.get("/feedback/check-answers").get_data(as_text=True)
    links = _change_links(html)
    assert links == {
        "who you are": "/feedback/who-are-you?change=yes",
        "what you want to tell us": "/feedback/what-kind?change=yes",
        "formal complaint": "/feedback/formal-complaint?change=yes",
        "what happened": "/feedback/what-happened?change=yes",
        "what would put it right": "/feedback/put-it-right?change=yes",
        "advocate": "/feedback/advocate?change=yes",
        "your name": "/feedback/your-name?change=yes",
        "how we contact you": "/feedback/contact?change=yes",
        "your email address": "/feedback/contact-details?change=yes",
    }
    assert "sam@example.com" in html and "Sam Example" in html


def _summary(html: str) -> dict[str, str]:
    """Check answers as {question: answer}."""
    pattern = (r'<dt class="govuk-summary-list__key">\s*(.*?)\s*</dt>\s*'
               r'<dd class="govuk-summary-list__value">\s*(.*?)\s*</dd>')
    return {key: " ".join(re.sub(r"<[^>]+>", " ", value).split()) for key, value in re.findall(pattern, html, re.S)}


def test_check_answers_shows_how_to_contact_them_and_the_detail_on_separate_rows(form_client):
    form_client.walk({"contact": {"contact_method": "text"}})
    summary = _summary(form_client.get("/feedback/check-answers").get_data(as_text=True))
    assert summary["How we contact you"] == "Text message"
    assert summary["Your mobile phone number"] == "07700 900 982"


@pytest.mark.parametrize("old, new, detail, row, shown", [
    ("email", "text", {"contact_mobile": "07700 900 123"}, "Your mobile phone number", "07700 900 123"),
    ("text", "post", {"contact_address": "2 New Road\nGrimsby"}, "Your address", "2 New Road Grimsby"),
    ("none", "phone", {"contact_phone": "01632 960 123"}, "Your phone number", "01632 960 123"),
])
def test_changing_how_to_contact_them_asks_for_the_new_detail_then_returns_to_check_answers(
        form_client, old, new, detail, row, shown):
    form_client.walk({"contact": {"contact_method": old}})
    response = form_client.post("/feedback/contact?change=yes", {"contact_method": new})
    assert response.headers["Location"] == "/feedback/contact-details?change=yes"
    # Check answers cannot be reached until the new detail is given.
    assert form_client.get("/feedback/check-answers", status=302).headers["Location"] == "/feedback/contact-details"
    page = form_client.get("/feedback/contact-details?change=yes").get_data(as_text=True)
    assert _back_link(page) == "/feedback/check-answers"
    response = form_client.post("/feedback/contact-details?change=yes", detail)
    assert response.headers["Location"] == "/feedback/check-answers"
    summary = _summary(form_client.get("/feedback/check-answers").get_data(as_text=True))
    assert summary[row] == shown
    assert summary["How we contact you"] == dict(journey.CONTACT_CHOICES)[new]
    form_client.send()
    item = db.session.scalar(sa.select(FeedbackItem))
    assert item.contact_method == journey.CONTACT_METHOD_FOR[new] and item.consent_to_contact is True
    stored = {"text": item.contact_phone, "phone": item.contact_phone, "post": item.contact_address}[new]
    assert stored == {"text": "+447700900123", "phone": "+441632960123", "post": "2 New Road\nGrimsby"}[new]
    assert item.contact_email is None  # the old way's detail is not sent


def test_changing_to_no_contact_skips_the_details_and_drops_them(form_client):
    form_client.walk()
    response = form_client.post("/feedback/contact?change=yes", {"contact_method": "none"})
    assert response.headers["Location"] == "/feedback/check-answers"
    html = form_client.get("/feedback/check-answers").get_data(as_text=True)
    assert "sam@example.com" not in html and "contact-details" not in html
    assert _back_link(html) == "/feedback/contact"
    assert form_client.get("/feedback/contact-details", status=302).headers["Location"] == "/feedback/check-answers"
    form_client.send()
    item = db.session.scalar(sa.select(FeedbackItem))
    assert item.contact_method == "none" and item.contact_email is None and item.consent_to_contact is False


def test_keeping_the_same_way_to_contact_them_keeps_the_detail(form_client):
    form_client.walk()
    # Even after a mistake on the way: the detail was given for email, and email it is again.
    assert form_client.post("/feedback/contact?change=yes", {}).status_code == 200
    response = form_client.post("/feedback/contact?change=yes", {"contact_method": "email"})
    assert response.headers["Location"] == "/feedback/check-answers"
    assert "sam@example.com" in form_client.get("/feedback/check-answers").get_data(as_text=True)


def test_the_details_page_comes_after_the_contact_page_and_before_check_answers(form_client):
    form_client.walk()
    assert _back_link(form_client.get("/feedback/contact-details").get_data(as_text=True)) == "/feedback/contact"
    check_answers = form_client.get("/feedback/check-answers").get_data(as_text=True)
    assert _back_link(check_answers) == "/feedback/contact-details"


def test_changing_an_answer_returns_to_check_answers(form_client):
    form_client.walk()
    page = form_client.get("/feedback/what-happened?change=yes").get_data(as_text=True)
    assert _back_link(page) == "/feedback/check-answers"
    assert "My social worker keeps missing our meetings." in page  # the saved answer is shown
    assert 'action="/feedback/what-happened?change=yes"' in page
    response = form_client.post("/feedback/what-happened?change=yes", {"what_happened": "A new account"})
    assert response.headers["Location"] == "/feedback/check-answers"
    assert "A new account" in form_client.get("/feedback/check-answers").get_data(as_text=True)


def test_a_change_that_needs_a_new_answer_asks_it_then_returns_to_check_answers(form_client):
    form_client.walk({"who-are-you": {"who": "parent-or-carer"}})
    response = form_client.post("/feedback/who-are-you?change=yes", {"who": "young-person"})
    # Young people are offered an advocate, which a parent was not asked about.
    assert response.headers["Location"] == "/feedback/advocate?change=yes"
    response = form_client.post("/feedback/advocate?change=yes", {"advocate": "yes"})
    assert response.headers["Location"] == "/feedback/check-answers"
    html = form_client.get("/feedback/check-answers").get_data(as_text=True)
    assert "child&#39;s name" not in html.lower()  # no longer asked of a young person
    form_client.send()
    item = db.session.scalar(sa.select(FeedbackItem))
    assert item.complainant_role == "child_or_young_person" and item.advocate_requested is True
    assert item.child_name is None  # given as a parent, but not a question for a young person


def test_answers_that_no_longer_apply_are_not_sent(form_client):
    form_client.walk({"formal-complaint": {"formal": "yes"}})
    form_client.post("/feedback/what-kind?change=yes", {"kind": "something-good"})
    form_client.send()
    item = db.session.scalar(sa.select(FeedbackItem))
    assert item.formal_complaint_requested is False and item.desired_outcome is None


@pytest.mark.parametrize("path", ["/feedback/what-kind", "/feedback/contact", "/feedback/contact-details",
                                  "/feedback/check-answers", "/feedback/formal-complaint"])
def test_skipping_ahead_goes_to_the_first_question_not_answered(form_client, path):
    response = form_client.get(path, status=302)
    assert response.headers["Location"] == JOURNEY_START


def test_a_question_that_is_not_for_them_is_skipped(form_client):
    form_client.walk({"what-kind": {"kind": "something-good"}}, stop_before="what-happened")
    response = form_client.get("/feedback/put-it-right", status=302)
    assert response.headers["Location"] == "/feedback/what-happened"


def test_what_they_typed_is_saved_even_when_it_has_an_error(form_client, app):
    form_client.walk(stop_before="what-happened")
    too_long = "x" * (app.config["MAX_TEXT_LENGTH"] + 1)
    response = form_client.answer("what-happened", {"what_happened": too_long})
    assert response.status_code == 200
    draft = db.session.scalar(sa.select(FormDraft))
    assert draft.data["answers"]["what_happened"] == too_long
    assert "what-happened" not in draft.data["done"]
    # Coming back later shows it again, to be shortened.
    assert too_long in form_client.get("/feedback/what-happened").get_data(as_text=True)


def test_answers_survive_going_back_and_are_shown_again(form_client):
    form_client.walk(stop_before="contact")
    html = form_client.get("/feedback/who-are-you").get_data(as_text=True)
    assert 'value="young-person" checked' in html
    assert 'value="Sam Example"' in form_client.get("/feedback/your-name").get_data(as_text=True)


def test_the_session_cookie_holds_only_the_draft_id(form_client, client):
    form_client.walk(stop_before="contact")
    with client.session_transaction() as session:
        assert set(session) == {"csrf_token", "draft_id"}
        draft = dao_fetch_form_draft(session["draft_id"])
    assert draft is not None and draft.data["answers"]["your_name"] == "Sam Example"
    cookie = client.get_cookie("session")
    assert "Sam" not in cookie.value and len(cookie.value) < 400


def test_each_person_has_their_own_draft(app, form_client):
    form_client.walk(stop_before="what-happened")
    other = app.test_client()
    response = other.get("/feedback/what-happened")
    assert response.status_code == 302 and response.headers["Location"] == JOURNEY_START


def test_drafts_expire_after_24_hours(app):
    old, fresh = dao_create_form_draft(), dao_create_form_draft()
    old.updated_at = datetime.now(timezone.utc) - timedelta(hours=25)
    db.session.commit()
    assert dao_fetch_form_draft(old.id) is None
    assert dao_fetch_form_draft(fresh.id) is not None
    assert dao_delete_expired_form_drafts() == 1
    assert db.session.get(FormDraft, old.id) is None


def test_starting_a_new_draft_deletes_expired_ones(app):
    old = dao_create_form_draft()
    old.updated_at = datetime.now(timezone.utc) - timedelta(days=2)
    db.session.commit()
    old_id = old.id
    dao_create_form_draft()
    db.session.expire_all()
    assert db.session.get(FormDraft, old_id) is None


def _expire_the_draft() -> None:
    draft = db.session.scalar(sa.select(FormDraft))
    draft.updated_at = datetime.now(timezone.utc) - timedelta(hours=25)
    db.session.commit()


def _notice(html: str) -> str | None:
    banner = re.search(r'<div class="govuk-notification-banner__content">(.*?)</div>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", banner.group(1)).split()) if banner else None


@pytest.mark.parametrize("path", ["/feedback/contact", "/feedback/what-happened", "/feedback/check-answers"])
def test_an_expired_draft_starts_again_and_the_first_question_says_why(form_client, client, path):
    form_client.walk(stop_before="contact")
    _expire_the_draft()
    response = form_client.get(path, status=302)
    assert response.headers["Location"] == JOURNEY_START
    html = form_client.get(JOURNEY_START).get_data(as_text=True)
    assert _notice(html) == messages.DRAFT_EXPIRED_NOTICE
    assert 'value="young-person" checked' not in html  # the old answers really have gone
    # Said once: the page is quiet when they come back to it.
    assert _notice(form_client.get(JOURNEY_START).get_data(as_text=True)) is None
    with client.session_transaction() as session:
        assert set(session) == {"csrf_token"}


def test_an_answer_sent_after_the_draft_expired_goes_to_the_first_question_with_the_notice(form_client):
    form_client.walk(stop_before="what-happened")
    _expire_the_draft()
    response = form_client.answer("what-happened", {"what_happened": "It went wrong."})
    assert response.headers["Location"] == JOURNEY_START
    assert _notice(form_client.get(JOURNEY_START).get_data(as_text=True)) == messages.DRAFT_EXPIRED_NOTICE
    asked = form_client.walk()
    assert asked[0] == "who-are-you" and asked[-1] == "contact-details"


def test_an_expired_draft_on_the_first_question_shows_the_notice_there(form_client):
    form_client.walk(stop_before="what-kind")
    _expire_the_draft()
    assert _notice(form_client.get(JOURNEY_START).get_data(as_text=True)) == messages.DRAFT_EXPIRED_NOTICE


def test_no_notice_for_someone_new_or_someone_who_has_sent_their_answers(form_client):
    assert _notice(form_client.get(JOURNEY_START).get_data(as_text=True)) is None
    form_client.walk()
    form_client.send()
    assert _notice(form_client.get(JOURNEY_START).get_data(as_text=True)) is None


def test_a_second_send_with_the_cookie_from_before_the_first_shows_the_confirmation(form_client, client):
    form_client.walk()
    form_client.get("/feedback/check-answers")
    cookie = client.get_cookie("session").value
    form_client.post("/feedback/check-answers", {})
    client.set_cookie("session", cookie)  # as when "Send" is pressed twice before the first answer comes
    response = form_client.post("/feedback/check-answers", {})
    assert response.headers["Location"] == "/feedback/confirmation"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem)) == 1
    assert _notice(form_client.get(JOURNEY_START).get_data(as_text=True)) is None


def test_draft_ids_are_random_uuids(app):
    ids = {dao_create_form_draft().id for _ in range(3)}
    assert len(ids) == 3
    uuid4 = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"
    assert all(re.fullmatch(uuid4, draft_id) for draft_id in ids)


def test_every_page_of_the_journey_has_one_h1_matching_its_title(form_client):
    # FormClient.get checks each page; this walks every question, including the adult-only one.
    asked = form_client.walk({"who-are-you": {"who": "parent-or-carer"}})
    assert "child-name" in asked
    page = parse(form_client.get("/feedback/check-answers").get_data(as_text=True))
    assert page.h1s == ["Check your answers"]
