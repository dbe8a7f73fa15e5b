"""The whole web form without JavaScript, through the test client with CSRF on."""
import re

import pytest
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.intake import format_date
from intake_web.models import FeedbackItem
from intake_web.public.drafts import FormDraft
from tests.intake_web.public.public_form_helpers import DEFAULT_ANSWERS, parse


def _only_item() -> FeedbackItem:
    items = db.session.scalars(sa.select(FeedbackItem)).all()
    assert len(items) == 1, f"expected one stored item, found {len(items)}"
    return items[0]


def test_start_page_explains_the_service_and_links_to_the_first_question(form_client, app):
    html = form_client.get("/").get_data(as_text=True)
    contacts = app.extensions["council"].contacts
    assert "Start now" in html and 'href="/feedback/who-are-you"' in html
    assert f"call {contacts['emergency_phone']}" in html
    assert contacts["out_of_hours_phone"] in html
    assert contacts["childline_phone"] in html
    assert "advocate" in html
    assert "10 working days" in html


def test_young_person_completes_the_form_and_gets_a_reference_and_reply_by_date(form_client):
    asked = form_client.walk()
    assert asked == ["who-are-you", "what-kind", "formal-complaint", "what-happened", "put-it-right", "advocate",
                     "your-name", "contact", "contact-details"]
    html = form_client.send().get_data(as_text=True)

    item = _only_item()
    assert item.reference in html
    assert item.channel == "web"
    assert item.complainant_role == "child_or_young_person"
    assert item.is_young_person is True
    assert item.feedback_kind == "something_wrong"
    assert item.formal_complaint_requested is True
    assert item.narrative == DEFAULT_ANSWERS["what-happened"]["what_happened"]
    assert item.desired_outcome == DEFAULT_ANSWERS["put-it-right"]["put_it_right"]
    assert item.advocate_requested is True
    assert item.complainant_name == "Sam Example"
    assert item.child_name is None
    assert item.contact_method == "email"
    assert item.contact_email == "sam@example.com"
    assert item.consent_to_contact is True
    assert item.anonymous is False
    assert item.client_submission_id.startswith("web-")
    assert item.current_stage.effective_due_on is not None
    assert f"We will reply by <strong>{format_date(item.current_stage.effective_due_on)}</strong>" in html


def test_sending_deletes_the_draft_and_keeps_only_the_reference_in_the_session(form_client, client):
    form_client.walk()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FormDraft)) == 1
    form_client.send()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FormDraft)) == 0
    with client.session_transaction() as session:
        assert set(session) <= {"csrf_token", "submitted_reference"}


@pytest.mark.parametrize("who, role, young", [
    ("young-person", "child_or_young_person", True),
    ("care-leaver", "care_leaver", True),
    ("parent-or-carer", "parent_or_carer", False),
    ("foster-carer", "foster_carer", False),
    ("someone-else", "other", False),
])
def test_who_are_you_is_stored_as_the_taxonomy_role(form_client, who, role, young):
    form_client.walk({"who-are-you": {"who": who}})
    form_client.send()
    item = _only_item()
    assert (item.complainant_role, item.is_young_person) == (role, young)


@pytest.mark.parametrize("who, offered", [
    ("young-person", True), ("care-leaver", True), ("parent-or-carer", False), ("foster-carer", False),
    ("someone-else", False),
])
def test_an_advocate_is_offered_to_every_young_person_and_care_leaver(form_client, who, offered):
    asked = form_client.walk({"who-are-you": {"who": who}})
    assert ("advocate" in asked) is offered
    # Adults are asked for the child's name; young people are asked only for their own.
    assert ("child-name" in asked) is (not offered)


def test_anyone_who_asks_for_an_advocate_is_asked_about_it_with_yes_chosen(form_client):
    form_client.walk({"who-are-you": {"who": "parent-or-carer"}, "what-kind": {"kind": "advocate"}},
                     stop_before="advocate")
    html = form_client.get("/feedback/advocate").get_data(as_text=True)
    assert 'value="yes" checked' in html
    form_client.walk({"who-are-you": {"who": "parent-or-carer"}, "what-kind": {"kind": "advocate"}},
                     start="/feedback/advocate")
    form_client.send()
    item = _only_item()
    assert item.feedback_kind == "advocate" and item.advocate_requested is True


def test_a_compliment_skips_what_would_put_it_right_and_is_passed_on(form_client, fake_triage):
    fake_triage(category="compliment")
    asked = form_client.walk({"what-kind": {"kind": "something-good"},
                              "what-happened": {"what_happened": "My foster carer helped me with my exams."}})
    assert "put-it-right" not in asked and "formal-complaint" not in asked
    html = form_client.send().get_data(as_text=True)
    item = _only_item()
    assert item.feedback_kind == "something_good"
    assert item.desired_outcome is None
    assert item.formal_complaint_requested is False
    assert "We will pass on your thanks" in html
    assert "We will reply by" not in html


def test_the_formal_complaint_question_is_asked_only_when_something_is_wrong(form_client):
    asked = form_client.walk({"what-kind": {"kind": "not-sure"}})
    assert "formal-complaint" not in asked
    form_client.send()
    item = _only_item()
    assert item.feedback_kind == "not_sure" and item.formal_complaint_requested is False


def test_saying_no_to_a_formal_complaint_is_stored(form_client):
    form_client.walk({"formal-complaint": {"formal": "no"}, "advocate": {"advocate": "no"}})
    form_client.send()
    item = _only_item()
    assert item.formal_complaint_requested is False and item.advocate_requested is False


def test_the_what_happened_question_matches_what_they_want_to_tell_us(form_client):
    form_client.walk({"what-kind": {"kind": "something-good"}}, stop_before="what-happened")
    html = form_client.get("/feedback/what-happened").get_data(as_text=True)
    assert parse(html).h1s == ["What was good?"]


@pytest.mark.parametrize("method, answers, expected", [
    ("email", {"contact_email": "  sam@example.com "}, {"contact_email": "sam@example.com", "contact_phone": None}),
    ("text", {"contact_mobile": "07700 900 982"}, {"contact_method": "sms", "contact_phone": "+447700900982"}),
    ("phone", {"contact_phone": "01632 960 001"}, {"contact_method": "phone", "contact_phone": "+441632960001"}),
    ("post", {"contact_address": "1 Example Street\nGrimsby\nDN31 1AA"},
     {"contact_method": "post", "contact_address": "1 Example Street\nGrimsby\nDN31 1AA"}),
])
def test_each_way_of_contacting_someone_is_stored_with_consent(form_client, method, answers, expected):
    asked = form_client.walk({"contact": {"contact_method": method}, "contact-details": answers})
    assert asked[-2:] == ["contact", "contact-details"]
    form_client.send()
    item = _only_item()
    assert item.consent_to_contact is True
    for field, value in expected.items():
        assert getattr(item, field) == value, field
    if method != "email":
        assert item.contact_email is None


@pytest.mark.parametrize("method, heading, field_id, box", [
    ("email", "What is your email address?", "contact_email", 'type="email"'),
    ("text", "What is your mobile phone number?", "contact_mobile", 'type="tel"'),
    ("phone", "What is your phone number?", "contact_phone", 'type="tel"'),
    ("post", "What is your address?", "contact_address", "<textarea"),
])
def test_the_details_page_asks_only_for_what_the_way_chosen_needs(form_client, method, heading, field_id, box):
    form_client.walk({"contact": {"contact_method": method}}, stop_before="contact-details")
    html = form_client.get("/feedback/contact-details").get_data(as_text=True)
    page = parse(html)
    assert page.h1s == [heading]
    # The question is the box's label, so a screen reader reads it with the box.
    assert f'<label class="govuk-label govuk-label--l" for="{field_id}">' in html
    assert box in html
    others = {"contact_email", "contact_mobile", "contact_phone", "contact_address"} - {field_id}
    assert not any(f'name="{other}"' in html for other in others)


def test_the_contact_page_asks_only_how_to_contact_them(form_client):
    form_client.walk(stop_before="contact")
    html = form_client.get("/feedback/contact").get_data(as_text=True)
    assert parse(html).h1s == ["How should we contact you?"]
    values = re.findall(r'<input class="govuk-radios__input" id="[^"]+" name="contact_method" type="radio" '
                        r'value="([^"]+)"', html)
    assert values == ["email", "text", "phone", "post", "none"]
    # No boxes for the details: the next page asks for the one the way chosen needs.
    assert set(re.findall(r'<input[^>]* type="([^"]+)"', html)) == {"radio", "hidden"}
    assert "<textarea" not in html


def test_choosing_no_contact_says_we_cannot_reply_skips_the_details_and_stores_none(form_client):
    form_client.walk({"contact": {"contact_method": "none"}}, stop_before="contact")
    contact_page = form_client.get("/feedback/contact").get_data(as_text=True)
    assert "We will not be able to reply to you, or tell you what we did about it." in contact_page
    asked = form_client.walk({"contact": {"contact_method": "none"}}, start="/feedback/contact")
    assert asked == ["contact"]
    html = form_client.send().get_data(as_text=True)
    item = _only_item()
    assert item.contact_method == "none"
    assert item.contact_email is None and item.contact_phone is None and item.contact_address is None
    assert item.consent_to_contact is False
    assert item.anonymous is False  # they gave their name
    assert "you asked us not to contact you" in html.lower()


def test_no_name_and_no_contact_is_anonymous(form_client):
    form_client.walk({"your-name": {"your_name": ""}, "contact": {"contact_method": "none"}})
    form_client.send()
    item = _only_item()
    assert item.anonymous is True and item.complainant_name is None


def test_a_parent_can_give_the_childs_name(form_client):
    form_client.walk({"who-are-you": {"who": "parent-or-carer"}, "child-name": {"child_name": "Alex Example"}})
    form_client.send()
    assert _only_item().child_name == "Alex Example"


def test_safeguarding_concern_shows_emergency_contacts_on_the_confirmation(form_client, fake_triage, app):
    fake_triage(category="stage_one", safeguarding=True)
    form_client.walk()
    html = form_client.send().get_data(as_text=True)
    contacts = app.extensions["council"].contacts
    item = _only_item()
    assert item.safeguarding is True
    banner = html.split('class="govuk-notification-banner', 1)[1].split("</main>")[0]
    assert "We have told a person in our team" in banner
    for number in (contacts["emergency_phone"], contacts["childline_phone"], contacts["out_of_hours_phone"]):
        assert number in banner
    # The banner comes before everything else on the page.
    assert html.index("govuk-notification-banner") < html.index("govuk-panel")


def test_no_safeguarding_banner_when_nothing_was_flagged(form_client, fake_triage):
    fake_triage(category="stage_one", safeguarding=False)
    form_client.walk()
    html = form_client.send().get_data(as_text=True)
    assert "govuk-notification-banner" not in html


def test_pressing_send_twice_makes_one_case(form_client, client):
    form_client.walk()
    form_client.get("/feedback/check-answers")
    token = form_client.token
    first = client.post("/feedback/check-answers", data={"csrf_token": token})
    second = client.post("/feedback/check-answers", data={"csrf_token": token})
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"].endswith("/feedback/confirmation")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem)) == 1


def test_confirmation_without_sending_goes_to_the_start(form_client):
    response = form_client.get("/feedback/confirmation", status=302)
    assert response.headers["Location"] == "/"


def test_short_feedback_address_goes_to_the_start(form_client):
    assert form_client.get("/feedback", status=302).headers["Location"] == "/"
