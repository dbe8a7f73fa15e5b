"""Category, advocate and role cues."""
import pytest

from triage import rules
from triage.normalise import normalise


@pytest.mark.parametrize("text", [
    "I want to make a formal complaint about my social worker.",
    "i wanna complain coz they moved me",
    "Please treat this as a formal complaint.",
    "Complaint. The supervisor wrote that my son didnt want to see me.",
])
def test_asks_for_formal_complaint_is_true_when_person_asks_to_complain(text):
    assert rules.asks_for_formal_complaint(normalise(text))


@pytest.mark.parametrize("text", [
    "I'm not making a formal complaint, I just need the minutes.",
    "I don't want to make a formal complaint because it might affect our case.",
    "Not a complaint but review minutes still not arrived.",
    "Contact cancelled again today.",
])
def test_asks_for_formal_complaint_is_false_when_person_declines_or_does_not_ask(text):
    assert not rules.asks_for_formal_complaint(normalise(text))


@pytest.mark.parametrize("text", [
    "I am not satisfied with the stage one response and want stage 2.",
    "Got the reply to my complaint. It's all lies.",
    "how do i go to the ombudsman",
    "My complaint was not upheld and I want someone independent to look at it.",
])
def test_escalation_cues_found_when_text_is_about_an_earlier_complaint(text):
    assert rules.escalation_cues(normalise(text))


def test_escalation_cues_empty_when_text_is_a_first_complaint():
    assert rules.escalation_cues(normalise("I want to make a stage one complaint about contact.")) == []


@pytest.mark.parametrize("text, expected", [
    ("can i get an advocate pls", True),
    ("i need an avocate to help me", True),
    ("Can someone help me write a complaint?", True),
    ("I know I can ask for an advocate but I don't want one.", False),
    ("She has been a fierce advocate for the children in our care.", False),
    ("Contact was cancelled again.", False),
])
def test_advocate_cues_match_when_person_asks_for_an_advocate(text, expected):
    assert bool(rules.advocate_cues(normalise(text))) is expected


@pytest.mark.parametrize("text, role", [
    ("We are foster carers and our allowance is late.", "foster_carer"),
    ("I left care last year and my PA never rings.", "care_leaver"),
    ("I am the special guardian of my grandson.", "special_guardian"),
    ("We adopted our son four years ago.", "adoption"),
    ("im 14 and my foster carer reads my diary", "child_or_young_person"),
    ("My son's social worker never calls back.", "parent_or_carer"),
    ("I am a teacher at a local primary school.", "other"),
    ("Contact cancelled again.", None),
])
def test_role_cue_names_the_writer_when_text_reveals_it(text, role):
    cue = rules.role_cue(normalise(text))
    assert (cue[0] if cue else None) == role
