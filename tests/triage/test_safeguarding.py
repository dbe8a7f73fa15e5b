"""Safeguarding rules: a table of disclosures that must fire and ordinary words that must not."""
import subprocess
import sys
from pathlib import Path

import pytest

from triage.safeguarding import detect_safeguarding

REPO_ROOT = Path(__file__).resolve().parents[2]

DISCLOSURES = [
    "kms",
    "honestly i just wanna die",
    "wana die tbh",
    "i want to kill myself",
    "he hits me",
    "my step dad hits me when mum is at work",
    "dont feel safe at home",
    "i dnt feel safe where i live",
    "i ran away from the home last night",
    "older boys give me stuff to carry",
    "theyre making me hold stuff for them",
    "i keep cutting myself",
    "been self harming again",
    "i took 20 paracetamol last night",
    "my mums boyfriend touched me",
    "a man online wants me to send him pics",
    "my daughter keeps going missing and comes back with new phones",
    "dad said if i tell anyone hell kill me",
    "the other kid keeps threatening me with a knife",
    "there is no food in the house and mum is drunk",
    "unalive myself is all i think about",
    "i wish i wasnt alive",
    "my foster dad hits me with his belt",
    "staff restrained me and my wrist is swollen",
    "I'm scared of my stepdad",
    "The children came back from their dad's with bruises on their legs.",
    "she keeps going off with older men in cars",
    "I've been sleeping in my car since I was kicked out",
    # Text-speak forms and plans the first rules missed (found by the assistant's NLU work).
    "im gonna end it tonight",
    "im gonna jump in front of a train",
    "i've written a goodbye note",
    "we havent had tea for 2 days",
    "there is nothing to eat at home and mum is out again",
]

ORDINARY = [
    "that comment hurt my feelings",
    "the decision killed me",
    "I am worried about delays",
    "this wait is killing me",
    "The closure hit us hard.",
    "dying to know when contact starts again",
    "his clothes keep going missing in the laundry",
    "review paperwork missing pages 3 and 4",
    "my social worker never came back to me about the passport",
    "The report accuses me of hitting my son. This is untrue, he fell off his bike.",
    "I was upset, not abusive.",
    "we got a non-molestation order last year",
    "social services said i cant go on the school trip",
    "The contact supervisor is lovely, thank you.",
    "Please pass on thanks to the social worker, she really touched my heart.",
    "my council tax bill is wrong",
    "we are going to end it with the council and go to the ombudsman",
    "the school has not had any lunch menus out this term",
    "someone jumped in front of the queue at the contact centre",
]


@pytest.mark.parametrize("text", DISCLOSURES)
def test_detect_safeguarding_fires_when_text_discloses_harm(text):
    assert detect_safeguarding(text), text


@pytest.mark.parametrize("text", ORDINARY)
def test_detect_safeguarding_stays_quiet_when_language_is_ordinary(text):
    assert detect_safeguarding(text) == [], text


def test_detect_safeguarding_returns_short_evidence_when_text_is_long():
    text = "I want to complain about many things. " * 50 + "My son said his dad punches him at weekends."
    evidence = detect_safeguarding(text)
    assert evidence
    assert all(len(item) <= 80 for item in evidence)


def test_safeguarding_module_imports_with_standard_library_only_when_sklearn_and_yaml_are_missing():
    script = (
        "import sys\n"
        "for name in ('sklearn', 'numpy', 'scipy', 'yaml', 'joblib'):\n"
        "    sys.modules[name] = None\n"
        "from triage.safeguarding import detect_safeguarding\n"
        "assert detect_safeguarding('kms')\n"
        "print('ok')\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
                               check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "ok"
