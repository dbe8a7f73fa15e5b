"""Everything a young person reads on the form should suit a 9-year-old reader.

A Flesch reading ease of 80 or more is "easy to read" (about 9 to 10 years old in the
UK). textstat counts syllables with NLTK's CMU dictionary, which it would download; we
use its offline fallback (Pyphen hyphenation) so the tests make no network requests.
"""
import pytest
import textstat

from intake_web.public import messages
from tests.intake_web.public.public_form_helpers import parse

READING_EASE = 80


@pytest.fixture(autouse=True)
def _offline_syllables(monkeypatch):
    monkeypatch.setattr("textstat.backend.counts._count_syllables.get_cmudict", lambda lang: None)


CONTACT_DETAILS = {"email": {"contact_email": "sam@example.com"}, "text": {"contact_mobile": "07700 900 982"},
                   "phone": {"contact_phone": "01632 960 001"}, "post": {"contact_address": "1 Example Street"},
                   "none": {}}


def _young_person_pages(form_client, contact_method: str) -> dict[str, str]:
    """The text of <main> on every page a young person sees, including each question's error."""
    pages = {"start": form_client.get("/").get_data(as_text=True)}
    path = "/feedback/who-are-you"
    answers = {"who-are-you": {"who": "young-person"}, "what-kind": {"kind": "something-wrong"},
               "formal-complaint": {"formal": "yes"}, "what-happened": {"what_happened": "It went wrong."},
               "put-it-right": {"put_it_right": ""}, "advocate": {"advocate": "yes"}, "your-name": {"your_name": ""},
               "contact": {"contact_method": contact_method}, "contact-details": CONTACT_DETAILS[contact_method]}
    while not path.endswith("check-answers"):
        name = path.rsplit("/", 1)[-1]
        pages[name] = form_client.get(path).get_data(as_text=True)
        errors = form_client.answer(name, {})
        if errors.status_code == 200:
            pages[f"{name} (error)"] = errors.get_data(as_text=True)
        path = form_client.answer(name, answers[name]).headers["Location"]
    assert ("contact-details" in pages) is (contact_method != "none")
    pages["check-answers"] = form_client.get(path).get_data(as_text=True)
    pages["confirmation"] = form_client.send().get_data(as_text=True)
    return {name: parse(html).text for name, html in pages.items()}


@pytest.mark.parametrize("contact_method", list(CONTACT_DETAILS))
def test_every_page_a_young_person_sees_is_easy_to_read(form_client, contact_method):
    pages = _young_person_pages(form_client, contact_method)
    scores = {name: textstat.flesch_reading_ease(text) for name, text in pages.items()}
    hard = {name: score for name, score in scores.items() if score < READING_EASE}
    assert not hard, f"pages harder to read than Flesch {READING_EASE}: {hard} (all: {scores})"


def test_every_error_message_is_short_and_plain():
    texts = [value for name, value in vars(messages).items()
             if name.isupper() and isinstance(value, str) and not name.endswith("_NOTICE")]
    texts += list(messages.WHAT_HAPPENED_REQUIRED.values())
    for text in texts:
        assert len(text.split()) <= 12, text
    joined = ". ".join(text.format(limit=20_000) for text in texts)
    assert textstat.flesch_reading_ease(joined) >= READING_EASE


def test_the_notice_that_answers_were_deleted_is_short_and_plain():
    # It is two sentences, so each one is held to the rule for error messages.
    for sentence in messages.DRAFT_EXPIRED_NOTICE.split(". "):
        assert len(sentence.split()) <= 12, sentence
    assert textstat.flesch_reading_ease(messages.DRAFT_EXPIRED_NOTICE) >= READING_EASE
