"""Every error: a GOV.UK error summary linking to the field, and the same message next to it."""
import logging

import pytest
import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import FeedbackItem
from intake_web.public import messages
from intake_web.public.drafts import FormDraft
from tests.intake_web.public.public_form_helpers import check_page, error_summary, inline_errors, parse

LIMIT = 20_000

EMAIL, TEXT, PHONE, POST = ({"contact": {"contact_method": method}} for method in ("email", "text", "phone", "post"))

CASES = [
    # (page, answers given before it, what is sent, field id, message)
    ("who-are-you", {}, {}, "who", messages.WHO_REQUIRED),
    ("who-are-you", {}, {"who": "the-queen"}, "who", messages.WHO_REQUIRED),
    ("what-kind", {}, {}, "kind", messages.KIND_REQUIRED),
    ("formal-complaint", {}, {}, "formal", messages.FORMAL_REQUIRED),
    ("what-happened", {}, {"what_happened": "   "}, "what_happened", "Tell us what happened"),
    ("what-happened", {"what-kind": {"kind": "something-good"}}, {}, "what_happened", "Tell us what was good"),
    ("what-happened", {"what-kind": {"kind": "advocate"}}, {}, "what_happened", "Tell us what you need help with"),
    ("what-happened", {}, {"what_happened": "x" * (LIMIT + 1)}, "what_happened",
     "What you wrote is too long. Use 20,000 characters or less."),
    ("put-it-right", {}, {"put_it_right": "x" * (LIMIT + 1)}, "put_it_right",
     "What you wrote is too long. Use 20,000 characters or less."),
    ("advocate", {}, {}, "advocate", messages.ADVOCATE_REQUIRED),
    ("your-name", {}, {"your_name": "x" * 201}, "your_name", messages.NAME_TOO_LONG),
    ("child-name", {"who-are-you": {"who": "foster-carer"}}, {"child_name": "x" * 201}, "child_name",
     messages.CHILD_NAME_TOO_LONG),
    ("contact", {}, {}, "contact_method", messages.CONTACT_REQUIRED),
    ("contact", {}, {"contact_method": "pigeon"}, "contact_method", messages.CONTACT_REQUIRED),
    ("contact-details", EMAIL, {"contact_email": ""}, "contact_email", messages.EMAIL_REQUIRED),
    ("contact-details", EMAIL, {"contact_email": "sam at example"}, "contact_email", messages.EMAIL_INVALID),
    ("contact-details", EMAIL, {"contact_email": "sam@" + "x" * 320 + ".com"}, "contact_email",
     messages.EMAIL_INVALID),
    ("contact-details", TEXT, {"contact_mobile": ""}, "contact_mobile", messages.MOBILE_REQUIRED),
    ("contact-details", TEXT, {"contact_mobile": "01632 960 001"}, "contact_mobile", messages.MOBILE_INVALID),
    ("contact-details", PHONE, {"contact_phone": " "}, "contact_phone", messages.PHONE_REQUIRED),
    ("contact-details", PHONE, {"contact_phone": "12345"}, "contact_phone", messages.PHONE_INVALID),
    ("contact-details", POST, {"contact_address": " "}, "contact_address", messages.ADDRESS_REQUIRED),
    ("contact-details", POST, {"contact_address": "x" * 1001}, "contact_address", messages.ADDRESS_TOO_LONG),
]


@pytest.mark.parametrize("page_name, before, sent, field_id, message", CASES,
                         ids=[f"{case[0]}-{case[4][:40]}" for case in CASES])
def test_each_error_is_in_the_summary_and_next_to_the_field(form_client, page_name, before, sent, field_id, message):
    form_client.walk(before, stop_before=page_name)
    response = form_client.answer(page_name, sent)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert error_summary(html) == [(f"#{field_id}", message)]
    assert inline_errors(html) == {field_id: message}
    # The link target exists, so the summary link moves focus to the field.
    assert f'id="{field_id}"' in html
    page = parse(html)
    assert page.title.startswith("Error: ")


def test_an_error_keeps_what_they_typed(form_client):
    form_client.walk(stop_before="contact-details")
    response = form_client.answer("contact-details", {"contact_email": "sam at example"})
    assert 'value="sam at example"' in response.get_data(as_text=True)


def test_the_details_page_checks_and_keeps_only_the_detail_for_the_way_chosen(form_client):
    form_client.walk({"contact": {"contact_method": "phone"}}, stop_before="contact-details")
    response = form_client.answer("contact-details", {"contact_phone": "01632 960 001",
                                                      "contact_email": "not an email"})
    assert response.status_code == 302
    draft = db.session.scalar(sa.select(FormDraft))
    assert draft.data["answers"]["contact_phone"] == "01632 960 001"
    assert "contact_email" not in draft.data["answers"]


def test_a_post_without_the_csrf_token_is_refused_with_a_page_that_says_what_to_do(form_client):
    response = form_client.post("/feedback/who-are-you", {"who": "young-person"}, with_token=False)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Go back" in html or "go back" in html
    assert "CSRF" not in html
    check_page(html)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem)) == 0


def test_a_very_large_request_is_refused(form_client, app):
    form_client.get("/feedback/who-are-you")
    response = form_client.post("/feedback/who-are-you", {"who": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert response.status_code == 413


def test_an_unknown_page_gets_a_helpful_not_found_page(form_client):
    response = form_client.client.get("/feedback/no-such-page")
    assert response.status_code == 404
    assert "We cannot find this page" in response.get_data(as_text=True)
    check_page(response.get_data(as_text=True))


def test_script_in_any_answer_is_shown_as_text_never_run(form_client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    form_client.walk({"what-happened": {"what_happened": attack}, "put-it-right": {"put_it_right": attack},
                      "your-name": {"your_name": attack}})
    html = form_client.get("/feedback/check-answers").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    error_page = form_client.answer("your-name", {"your_name": attack + "x" * 200}).get_data(as_text=True)
    assert "<script>alert" not in error_page
    form_client.answer("your-name", {"your_name": attack})
    form_client.send()
    item = db.session.scalar(sa.select(FeedbackItem))
    # intake.py cleans stored text with bleach: no live markup reaches the case store.
    assert "<script>" not in item.narrative and "<img" not in item.narrative


def test_no_personal_data_is_written_to_the_logs(form_client, caplog):
    caplog.set_level(logging.DEBUG)
    form_client.walk({"what-happened": {"what_happened": "Secret words about Tolliver"},
                      "your-name": {"your_name": "Persephone Example"},
                      "contact": {"contact_method": "text"}, "contact-details": {"contact_mobile": "07700 900 982"}})
    form_client.send()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for personal in ("Tolliver", "Persephone", "07700", "7700900982"):
        assert personal not in logged
