"""The assistant's words: easy to read, short, with buttons where there is a choice.

Every response in bot/domain.yml (every variation) is filled in the way the actions
fill it, from config/ and with realistic answers, and must score at least 80 on the
Flesch reading ease (about a 9-year-old's reading age). textstat would download
NLTK's CMU dictionary for syllables; like the web form's reading-age test, we use
its offline fallback (Pyphen hyphenation), so no test makes a network request.
"""
import re
import string
from pathlib import Path

import pytest
import textstat
import yaml

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
READING_EASE = 80
LONGEST_MESSAGE = 320  # characters: one screen on a small phone, two text messages at most

# Realistic values for everything the actions put into a response.
COUNCIL = yaml.safe_load((ROOT / "config" / "council.yaml").read_text())
TIMESCALES = yaml.safe_load((ROOT / "config" / "timescales.yaml").read_text())
SAMPLES = {
    **{key: value for key, value in COUNCIL["contacts"].items()},
    "stage_one_days": TIMESCALES["stage_one"],
    "stage_one_extended_days": TIMESCALES["stage_one_extended"],
    "concern_days": TIMESCALES["concern"],
    "reference": "CF-2026-00042",
    "reply_by": "6 January 2027",
    # The read-back quotes the person's own words; these are typical answers.
    "what_happened": "my social worker never rings me back",
    "who": "my social worker",
    "make_better": "for her to ring me back",
    "advocate": "yes please",
    "contact": "by text, 07700 900123",
}

# Responses that offer a choice, and so must have quick-reply buttons.
CHOICES = {
    "utter_greet", "utter_menu", "utter_anything_else", "utter_ask_advocate_wanted", "utter_ask_contact_ok",
    "utter_ask_contact_method", "utter_ask_complaint_confirmed", "utter_ask_complaint_form_change_field",
    "utter_ask_compliment_form_change_field", "utter_ask_advocate_form_change_field", "utter_start_again",
    "utter_fallback", "utter_default", "utter_out_of_scope", "utter_ask_complaint_who",
    "utter_ask_complaint_make_better", "utter_ask_advocate_about",
}


@pytest.fixture(autouse=True)
def _offline_syllables(monkeypatch):
    monkeypatch.setattr("textstat.backend.counts._count_syllables.get_cmudict", lambda lang: None)


def _domain() -> dict:
    return yaml.safe_load((BOT / "domain.yml").read_text())


def _variations():
    for name, variations in _domain()["responses"].items():
        for index, variation in enumerate(variations):
            yield pytest.param(name, variation, id=f"{name}[{index}]")


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _filled(text: str) -> str:
    return text.format(**SAMPLES)


def _as_read(variation: dict) -> str:
    """The message as a person reads it: the text, then each button's words."""
    return ". ".join([_filled(variation["text"]), *(button["title"] for button in variation.get("buttons", []))])


@pytest.mark.parametrize("name, variation", list(_variations()))
def test_every_response_is_easy_to_read(name, variation):
    text = _as_read(variation)
    score = textstat.flesch_reading_ease(text)
    assert score >= READING_EASE, f"{name} scores {score:.0f} (< {READING_EASE}): {text!r}"


@pytest.mark.parametrize("name, variation", list(_variations()))
def test_every_response_is_short(name, variation):
    text = _filled(variation["text"])
    assert len(text) <= LONGEST_MESSAGE, f"{name} is {len(text)} characters: {text!r}"
    for button in variation.get("buttons", []):
        assert len(button["title"]) <= 25, f"{name}: button {button['title']!r} is too long for a phone"


@pytest.mark.parametrize("name, variation", list(_variations()))
def test_every_placeholder_is_one_the_actions_fill(name, variation):
    assert _placeholders(variation["text"]) <= set(SAMPLES), name


def test_every_choice_has_buttons():
    responses = _domain()["responses"]
    missing = [name for name in CHOICES if not all(v.get("buttons") for v in responses[name])]
    assert not missing, f"these offer a choice but have no buttons: {missing}"


def test_buttons_send_intents_the_assistant_knows():
    domain = _domain()
    for name, variations in domain["responses"].items():
        for variation in variations:
            for button in variation.get("buttons", []):
                intent = re.match(r"^/(\w+)", button["payload"]).group(1)
                assert intent in domain["intents"], f"{name}: {button['payload']}"


def test_the_safeguarding_reply_gives_every_number_and_says_a_person_is_told():
    [variation] = _domain()["responses"]["utter_safeguarding"]
    text = _filled(variation["text"])
    for number in ("999", "0800 1111", COUNCIL["contacts"]["out_of_hours_phone"]):
        assert number in text
    assert "telling a person now" in text


def test_the_introduction_says_it_is_a_computer_who_reads_and_that_names_are_optional():
    responses = _domain()["responses"]
    intro = " ".join(_filled(responses[name][0]["text"]) for name in
                     ("utter_intro_computer", "utter_intro_can_do", "utter_intro_who_reads"))
    assert "computer, not a person" in intro
    assert "People in our team read" in intro
    assert "do not have to tell us your name" in intro


def test_every_response_is_sent_by_a_rule_a_story_a_form_or_an_action():
    domain = _domain()
    sources = "\n".join(path.read_text() for path in [*BOT.glob("data/**/*.yml"), *BOT.glob("actions/*.py")])
    forms = domain["forms"]
    asked_by_forms = {f"utter_ask_{slot}" for form in forms.values() for slot in form["required_slots"]}
    asked_by_forms |= {f"utter_ask_{form}_{slot}" for form, spec in forms.items() for slot in spec["required_slots"]}
    unused = [name for name in domain["responses"]
              if name not in asked_by_forms and not re.search(rf"\b{name}\b", sources)
              and name != "utter_default"]  # Rasa's own action_default_fallback sends utter_default
    assert not unused, f"never sent: {unused}"
