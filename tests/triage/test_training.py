"""Training is deterministic, and the held-out split meets the issue's targets."""
import json
import subprocess
import sys
from functools import partial
from pathlib import Path

from triage.config import TEST_FILE
from triage.corpus import read_jsonl, write_jsonl
from triage.evaluate import TARGETS, evaluate_rows
from triage.model import TriageModel
from triage.predict import triage_text

REPO_ROOT = Path(__file__).resolve().parents[2]
PROBE_TEXTS = ["contact cancelled again", "i want to make a formal complaint", "thank you so much", "kms"]


def test_training_gives_identical_predictions_when_run_twice_with_the_same_seed():
    rows = [row for row in read_jsonl(REPO_ROOT / "triage/data/train.jsonl") if not row["augmented"]][::3]
    first = TriageModel.fit(rows, seed=7)
    second = TriageModel.fit(rows, seed=7)
    assert [first.probabilities(t) for t in PROBE_TEXTS] == [second.probabilities(t) for t in PROBE_TEXTS]


def test_held_out_split_meets_every_target_when_evaluated(sample_model):
    metrics, _ = evaluate_rows(list(read_jsonl(TEST_FILE)), partial(triage_text, model=sample_model))
    missed = {name: target for name, target in metrics["targets"].items() if not target["met"]}
    assert set(metrics["targets"]) == set(TARGETS)
    assert not missed, missed


def test_evaluate_cli_prints_all_metric_keys_when_given_small_jsonl(tmp_path, sample_model_dir):
    small = tmp_path / "small.jsonl"
    write_jsonl(small, [
        {"text": "i dont feel safe at home, he hits me", "channel": "chat", "category": "concern",
         "complaint_type": None, "service_area": "integrated_front_door", "safeguarding": True,
         "advocate_requested": False, "complainant_role": "child_or_young_person"},
        {"text": "Thank you to our social worker, she has been brilliant.", "channel": "web",
         "category": "compliment", "complaint_type": None, "service_area": "assessment_intervention",
         "safeguarding": False, "advocate_requested": False, "complainant_role": None},
        {"text": "I want to make a formal complaint and I need an advocate.", "channel": "web",
         "category": "stage_one", "complaint_type": "quality_of_service", "service_area": None,
         "safeguarding": None, "advocate_requested": True, "complainant_role": None},
    ])
    report = tmp_path / "report.html"
    completed = subprocess.run(
        [sys.executable, "-m", "triage", "evaluate", str(small), "--report", str(report)], cwd=REPO_ROOT,
        capture_output=True, text=True, check=False, env={**_env(), "TRIAGE_MODEL_DIR": str(sample_model_dir)})
    assert completed.returncode == 0, completed.stderr
    metrics = json.loads(completed.stdout)
    for key in ("n", "category_macro_f1", "complaint_type_macro_f1", "service_area_accuracy",
                "service_area_top3_accuracy", "safeguarding_recall", "safeguarding_precision", "advocate_recall",
                "advocate_precision", "per_label", "confusion"):
        assert key in metrics, key
    assert metrics["n"] == 3
    assert set(metrics["per_label"]) == set(metrics["confusion"])
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert '<th scope="col">' in page and "<caption>" in page


def test_classify_cli_prints_result_json_when_given_text(sample_model_dir):
    completed = subprocess.run([sys.executable, "-m", "triage", "classify", "contact got cancelled again"],
                               cwd=REPO_ROOT, capture_output=True, text=True, check=False,
                               env={**_env(), "TRIAGE_MODEL_DIR": str(sample_model_dir)})
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["category"]


def test_classify_cli_exits_with_instructions_when_model_is_missing(tmp_path):
    completed = subprocess.run([sys.executable, "-m", "triage", "classify", "hello"], cwd=REPO_ROOT,
                               capture_output=True, text=True, check=False,
                               env={**_env(), "TRIAGE_MODEL_DIR": str(tmp_path)})
    assert completed.returncode == 2
    assert "python -m triage train" in completed.stderr


def _env() -> dict:
    import os

    return {key: value for key, value in os.environ.items() if key != "TRIAGE_MODEL_DIR"}


def test_load_training_rows_adds_included_corrections_when_given(tmp_path):
    from triage.train import load_training_rows

    base = tmp_path / "train.jsonl"
    extra = tmp_path / "corrections.jsonl"
    row = {"text": "contact cancelled", "channel": "sms", "category": "concern", "complaint_type": None,
           "service_area": "contact_services", "safeguarding": False, "advocate_requested": False,
           "complainant_role": None}
    write_jsonl(base, [row])
    write_jsonl(extra, [{**row, "text": "officer corrected this one", "category": "stage_one"}])
    rows = load_training_rows(base, (extra,))
    assert [r["category"] for r in rows] == ["concern", "stage_one"]


def test_load_training_rows_refuses_labels_missing_from_taxonomy_when_included(tmp_path):
    import pytest

    from triage.errors import CorpusError
    from triage.train import load_training_rows

    bad = tmp_path / "bad.jsonl"
    write_jsonl(bad, [{"text": "x", "channel": "web", "category": "complaint", "complaint_type": None,
                       "service_area": None, "safeguarding": False, "advocate_requested": False,
                       "complainant_role": None}])
    with pytest.raises(CorpusError, match="taxonomy"):
        load_training_rows(bad)
