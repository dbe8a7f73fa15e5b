"""Behaviour of triage(): the contract the intake service relies on."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import triage
from triage.config import load_taxonomy
from triage.result import TriageResult

REPO_ROOT = Path(__file__).resolve().parents[2]

RESULT_KEYS = {"category", "complaint_type", "service_area", "service_area_top3", "safeguarding",
               "safeguarding_evidence", "advocate_requested", "complainant_role", "confidence", "needs_review",
               "model_version", "reasons"}


def test_triage_result_has_contract_fields_when_classifying(classify):
    result = classify("Contact was cancelled again with 20 minutes notice.", channel="sms")
    assert isinstance(result, TriageResult)
    taxonomy = load_taxonomy()
    assert result.category in taxonomy.categories
    assert result.complaint_type in taxonomy.complaint_types
    assert result.service_area in taxonomy.service_areas
    assert len(result.service_area_top3) == 3
    assert all(area in taxonomy.service_areas and 0.0 <= p <= 1.0 for area, p in result.service_area_top3)
    assert result.service_area == result.service_area_top3[0][0]
    assert 0.0 <= result.confidence <= 1.0
    assert isinstance(result.needs_review, bool) and isinstance(result.safeguarding, bool)
    assert result.model_version.startswith("triage-")
    assert result.reasons and all(isinstance(reason, str) and len(reason) < 200 for reason in result.reasons)


def test_to_dict_is_json_serialisable_with_the_same_keys_when_called(classify):
    data = classify("my sw never txts me back", channel="chat").to_dict()
    assert set(data) == RESULT_KEYS
    assert json.loads(json.dumps(data)) == data


def test_triage_takes_keyword_only_arguments_when_called():
    with pytest.raises(TypeError):
        triage.triage("text", *["sms"])


def test_triage_gives_stage_one_when_person_ticks_formal_complaint(classify):
    result = classify("Can someone ring me back about the contact times?", formal_complaint=True)
    assert result.category == "stage_one"


def test_triage_gives_stage_one_when_text_asks_for_a_formal_complaint(classify):
    result = classify("I want to make a formal complaint. Nobody returns my calls about my son.")
    assert result.category == "stage_one"


def test_triage_gives_concern_when_issue_is_simple_and_no_complaint_requested(classify):
    result = classify("Hi, could the family time on Saturday be moved to the morning? My daughter has a party.",
                      channel="sms")
    assert result.category == "concern"


def test_triage_gives_escalation_when_text_is_about_an_earlier_response_even_if_formal_ticked(classify):
    text = "I am not happy with the response to my complaint and I want it to go to stage two."
    assert classify(text).category == "escalation"
    assert classify(text, formal_complaint=True).category == "escalation"


def test_triage_gives_compliment_and_flags_review_when_praise_has_a_small_complaint(classify):
    result = classify("Our social worker has been brilliant, thank you so much. Only thing is the letters always "
                      "arrive late, but she is a star.")
    assert result.category == "compliment"
    assert result.complaint_type is None
    assert result.needs_review


def test_triage_gives_no_team_when_item_is_out_of_scope(classify):
    result = classify("My green bin has not been emptied for three weeks.")
    assert result.category == "out_of_scope"
    assert result.complaint_type is None and result.service_area is None


def test_triage_sets_safeguarding_and_review_when_young_person_discloses_harm(classify):
    result = classify("i dont feel safe at home my step dad hits me", channel="chat")
    assert result.safeguarding and result.needs_review
    assert result.safeguarding_evidence
    assert all(len(item) <= 80 for item in result.safeguarding_evidence)


def test_triage_does_not_set_safeguarding_when_feelings_are_hurt(classify):
    assert not classify("That comment from the social worker really hurt my feelings.").safeguarding


def test_triage_sets_advocate_requested_when_young_person_asks_for_one(classify):
    assert classify("i want to complain about my placement and i want an advocate", channel="chat").advocate_requested


def test_triage_keeps_given_role_when_person_stated_it(classify):
    assert classify("Contact cancelled again.", complainant_role="special_guardian").complainant_role \
        == "special_guardian"


def test_triage_reads_role_from_text_when_text_reveals_it(classify):
    assert classify("We are foster carers and our allowance hasn't been paid.").complainant_role == "foster_carer"


def test_triage_raises_model_not_built_when_artefact_folder_is_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAGE_MODEL_DIR", str(tmp_path))
    with pytest.raises(triage.ModelNotBuilt, match="python -m triage train"):
        triage.triage("Contact was cancelled.")


def test_importing_triage_loads_no_web_database_or_chatbot_modules_when_used():
    script = (
        "import sys, triage\n"
        "loaded_at_import = [m for m in ('sklearn', 'joblib') if m in sys.modules]\n"
        "from triage import predict, train, evaluate, bench\n"
        "banned = [m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'rasa', 'rasa_sdk',"
        " 'flask_sqlalchemy', 'intake_web')]\n"
        "print(loaded_at_import, banned)\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
                               check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[] []"
