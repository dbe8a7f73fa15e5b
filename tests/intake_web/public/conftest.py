"""Fixtures for the web form's tests. Helpers are in public_form_helpers.py."""
import subprocess
from pathlib import Path

import pytest

from intake_web.triage_adapter import TriageOutcome
from tests.intake_web.public.public_form_helpers import FormClient

PROJECT_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def form_client(client) -> FormClient:
    return FormClient(client)


@pytest.fixture
def fake_triage(monkeypatch):
    """Make triage give a chosen answer, so a test does not depend on the trained model.

    Call it with TriageOutcome fields: fake_triage(category="compliment").
    """

    def use(**fields):
        outcome = TriageOutcome(ok=True, needs_review=False, confidence=0.9, model_version="test", **fields)
        monkeypatch.setattr("intake_web.intake.run_triage", lambda *args, **kwargs: outcome)
        return outcome

    return use


@pytest.fixture(scope="session")
def built_assets() -> Path:
    """Build the CSS and JavaScript (the script does nothing when they are up to date)."""
    subprocess.run([str(PROJECT_ROOT / "scripts" / "build_assets.sh")], check=True, cwd=PROJECT_ROOT,
                   stdout=subprocess.DEVNULL)
    return PROJECT_ROOT / "intake_web" / "static" / "dist"
