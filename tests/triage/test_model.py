"""The model artefact: fast single-item path, taxonomy checks and loading."""
import pytest

from triage.config import Taxonomy
from triage.errors import ModelNotBuilt, TaxonomyMismatch
from triage.model import load_model

TEXTS = [("contact got cancelled AGAIN", "chat"),
         ("I wish to make a formal complaint about my son's assessment.", "web"),
         ("", None), ("Thank you!!! x", "sms"), ("kms", "chat")]


@pytest.mark.parametrize("text, channel", TEXTS)
def test_probabilities_match_sklearn_predict_proba_when_using_the_fast_path(sample_model, text, channel):
    fast = sample_model.probabilities(text, channel)
    slow = sample_model.sklearn_probabilities(text, channel)
    assert fast.keys() == slow.keys()
    for head in fast:
        assert fast[head] == pytest.approx(slow[head], abs=1e-9)
        assert sum(fast[head].values()) == pytest.approx(1.0)


def test_check_taxonomy_raises_when_config_no_longer_has_a_trained_label(sample_model):
    shrunk = Taxonomy(categories={"concern": "", "stage_one": ""}, complaint_types={}, service_areas={},
                      complainant_roles={})
    with pytest.raises(TaxonomyMismatch, match="python -m triage train"):
        sample_model.check_taxonomy(shrunk)


def test_load_model_raises_model_not_built_when_artefact_is_corrupt(tmp_path):
    (tmp_path / "model.joblib").write_bytes(b"not a model")
    with pytest.raises(ModelNotBuilt, match="python -m triage train"):
        load_model(tmp_path)
