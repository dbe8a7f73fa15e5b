"""Which questions each person is asked, and how answers become a submission (pure functions)."""
import pytest

from intake_web.public import forms, journey


def _finished(answers: dict) -> dict:
    """A draft in which every question that applies has been answered."""
    data = {"answers": answers, "done": []}
    while (page := journey.first_unfinished_page(data)) is not None:
        data = journey.mark_done(data, page)
    return data


BASE = {"who": "young-person", "kind": "something-wrong", "formal": "yes", "what_happened": "It went wrong",
        "put_it_right": "", "advocate": "no", "your_name": "", "child_name": "", "contact_method": "none"}


def test_pages_after_an_unanswered_question_are_not_reached():
    data = {"answers": {}, "done": []}
    assert journey.first_unfinished_page(data).name == "who-are-you"
    assert [page.name for page in journey.applicable_pages(data)][:2] == ["who-are-you", "what-kind"]


def test_questions_for_a_parent_who_wants_to_say_thank_you():
    data = _finished({**BASE, "who": "parent-or-carer", "kind": "something-good"})
    assert [page.name for page in journey.applicable_pages(data)] == [
        "who-are-you", "what-kind", "what-happened", "your-name", "child-name", "contact"]


def test_page_before_and_after_skip_questions_that_do_not_apply():
    data = _finished({**BASE, "kind": "something-good"})
    what_happened = journey.PAGES_BY_NAME["what-happened"]
    assert journey.page_before(data, what_happened).name == "what-kind"
    assert journey.page_after(data, what_happened).name == "advocate"
    assert journey.page_after(data, journey.PAGES_BY_NAME["contact"]) is None


@pytest.mark.parametrize("method, asked", [("email", True), ("text", True), ("phone", True), ("post", True),
                                           ("none", False)])
def test_the_details_page_follows_the_contact_page_unless_they_want_no_contact(method, asked):
    data = _finished({**BASE, "contact_method": method, "contact_email": "sam@example.com"})
    names = [page.name for page in journey.applicable_pages(data)]
    assert names[-2:] == (["contact", "contact-details"] if asked else ["your-name", "contact"])


def test_a_detail_given_for_one_way_is_not_done_for_another():
    data = _finished({**BASE, "contact_method": "email", "contact_email": "sam@example.com"})
    assert journey.first_unfinished_page(data) is None
    changed = {**data, "answers": {**data["answers"], "contact_method": "text"}}
    assert journey.first_unfinished_page(changed).name == "contact-details"
    assert "contact-details" not in journey.done_pages(changed)
    assert "contact_mobile" not in journey.done_answers(changed)
    # Back to email: the email address given before counts again.
    assert journey.first_unfinished_page({**changed, "answers": data["answers"]}) is None


def test_every_way_that_needs_a_detail_has_a_form_for_it():
    assert set(forms.CONTACT_DETAIL_FORMS) == set(journey.CONTACT_DETAIL_FIELD)
    for method, form_class in forms.CONTACT_DETAIL_FORMS.items():
        assert hasattr(form_class, journey.CONTACT_DETAIL_FIELD[method]), method
    assert set(journey.CONTACT_DETAIL_FIELD) | {"none"} == {value for value, _ in journey.CONTACT_CHOICES}


@pytest.mark.parametrize("kind, feedback_kind", [("something-wrong", "something_wrong"),
                                                 ("something-good", "something_good"),
                                                 ("advocate", "advocate"), ("not-sure", "not_sure")])
def test_kinds_of_feedback_map_to_the_case_stores_ids(kind, feedback_kind):
    submission = journey.submission_from_answers(_finished({**BASE, "kind": kind}))
    assert submission.feedback_kind == feedback_kind
    assert submission.formal_complaint_requested is (kind == "something-wrong")


def test_answers_to_questions_that_no_longer_apply_are_ignored():
    data = _finished({**BASE, "who": "parent-or-carer", "kind": "something-good", "formal": "yes",
                      "put_it_right": "Sack them", "advocate": "yes", "child_name": "Alex"})
    submission = journey.submission_from_answers(data)
    assert submission.formal_complaint_requested is False
    assert submission.desired_outcome is None
    assert submission.advocate_requested is False
    assert submission.child_name == "Alex"


def test_only_the_chosen_contact_details_are_used_and_phone_numbers_are_normalised():
    submission = journey.submission_from_answers(_finished({
        **BASE, "contact_method": "text", "contact_mobile": "07700 900982", "contact_email": "x@example.com",
        "contact_address": "1 Street"}))
    assert (submission.contact_method, submission.contact_phone) == ("sms", "+447700900982")
    assert submission.contact_email is None and submission.contact_address is None
    assert submission.consent_to_contact is True and submission.anonymous is False


def test_no_contact_and_no_name_is_anonymous_without_consent():
    submission = journey.submission_from_answers(_finished(BASE))
    assert submission.contact_method == "none"
    assert submission.consent_to_contact is False and submission.anonymous is True
    assert submission.channel == "web"
