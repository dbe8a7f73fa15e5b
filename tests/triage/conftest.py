"""Build (or reuse) one model for the whole triage test session."""
import os
from pathlib import Path

import pytest

from triage.config import ARTEFACT_NAME, PACKAGE_DIR


@pytest.fixture(scope="session")
def sample_model_dir(tmp_path_factory) -> Path:
    """Return a folder holding a model: triage/artefacts if built, else one trained now into a temp folder."""
    existing = Path(os.environ.get("TRIAGE_MODEL_DIR") or PACKAGE_DIR / "artefacts")
    if (existing / ARTEFACT_NAME).is_file():
        return existing
    from triage.train import train

    directory = tmp_path_factory.mktemp("triage-model")
    train(out_dir=directory, test_file=None)
    return directory


@pytest.fixture(scope="session")
def sample_model(sample_model_dir):
    """Return the loaded model used by the behaviour tests."""
    from triage.predict import get_model

    return get_model(sample_model_dir)


@pytest.fixture
def classify(sample_model):
    """Return triage() bound to the session's model."""
    from functools import partial

    from triage.predict import triage_text

    return partial(triage_text, model=sample_model)
