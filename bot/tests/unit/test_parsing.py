import pytest

from actions import parsing


@pytest.mark.parametrize("text, intent, expected", [
    ("yes", None, True), ("Y", None, True), ("yeah sure", None, True), ("ok", None, True),
    ("no", None, False), ("nah", None, False), ("N", None, False), ("no thanks", None, False),
    ("/affirm", "affirm", True), ("/deny", "deny", False),
    ("maybe later", None, None), ("my social worker", None, None), ("", None, None),
])
def test_parse_yes_no_reads_short_and_button_answers(text, intent, expected):
    assert parsing.parse_yes_no(text, intent) is expected


@pytest.mark.parametrize("text, expected", [
    ("text me", "sms"), ("by txt please", "sms"), ("SMS", "sms"), ("email", "email"),
    ("e-mail me", "email"), ("jo@example.com", "email"), ("ring me", "phone"), ("phone call", "phone"),
    ("carrier pigeon", None),
])
def test_parse_contact_method_understands_everyday_words(text, expected):
    assert parsing.parse_contact_method(text) == expected


def test_find_email_takes_the_address_out_of_a_sentence():
    assert parsing.find_email("it's jo.smith@example.com thanks") == "jo.smith@example.com"
    assert parsing.find_email("jo at example dot com") is None


@pytest.mark.parametrize("text, expected", [
    ("07700 900123", "+447700900123"), ("my number is 07700900123", "+447700900123"),
    ("+44 7700 900123", "+447700900123"), ("01472 496000", "+441472496000"),
    ("12345", None), ("+1 202 555 0100", None),
])
def test_find_uk_phone_matches_the_intake_services_rules(text, expected):
    assert parsing.find_uk_phone(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("CF-2026-00042", "CF-2026-00042"), ("where is cf 2026 42", "CF-2026-00042"),
    ("cf2026-7", "CF-2026-00007"), ("my ref is CF/2025/310", "CF-2025-00310"), ("2026 42", None),
])
def test_find_reference_normalises_how_people_type_it(text, expected):
    assert parsing.find_reference(text) == expected


@pytest.mark.parametrize("text", [
    "i want to make a complaint", "I want to complain about my social worker", "something is wrong",
    "ok i want to complain", "hi i have a complaint", "complaint", "/complain", "i'm not happy",
])
def test_narrative_in_opener_ignores_messages_that_only_say_what_kind_of_thing(text):
    assert parsing.narrative_in_opener(text) is None


@pytest.mark.parametrize("text", [
    "my foster carer keeps reading my private messages on my phone",
    "i want to complain that my social worker never visits me any more",
    "they cancelled my contact with my mum again and nobody told me",
])
def test_narrative_in_opener_keeps_messages_that_say_what_happened(text):
    assert parsing.narrative_in_opener(text) == text


@pytest.mark.parametrize("text, expected", [
    ("change who it's about", "who"), ("i want to change what happened", "what_happened"),
    ("change my email", "contact"), ("the advocate one", "advocate"), ("change my answer", None),
])
def test_parse_change_field_finds_the_answer_named(text, expected):
    allowed = ("what_happened", "who", "make_better", "advocate", "contact")
    assert parsing.parse_change_field(text, allowed) == expected


def test_is_too_short_wants_a_few_words_about_what_happened():
    assert parsing.is_too_short("ok")
    assert not parsing.is_too_short("they never ring me back")
