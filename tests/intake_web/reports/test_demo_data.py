from datetime import date

import pytest
import sqlalchemy as sa

from intake_web.demo import SEED_COUNTS
from intake_web.demo.generator import stage_counts
from intake_web.demo.loader import generate, read_seed
from intake_web.demo.narratives import FIRST_NAMES, SURNAMES
from intake_web.extensions import db
from intake_web.models import FeedbackItem, ReferenceCounter

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def seed():
    return read_seed(SEED_COUNTS)


def test_the_same_seed_gives_the_same_cases(app, seed):
    first = generate(seed, today=TODAY)
    second = generate(seed, today=TODAY)
    assert [(c.received_at, c.narrative, c.service_area) for c in first] == \
        [(c.received_at, c.narrative, c.service_area) for c in second]
    other = generate(seed, today=TODAY, random_seed=7)
    assert [c.narrative for c in other] != [c.narrative for c in first]


def test_generated_stages_match_the_seed_summary(app, seed):
    counts = stage_counts(generate(seed, today=TODAY))
    for year, summary in seed["summary_by_year"].items():
        for stage, expected in summary.items():
            assert counts[(year, stage)] == expected, (year, stage)


def test_demo_cases_are_realistic_and_anonymous(app, seed):
    cases = generate(seed, today=TODAY)
    complaints = [c for c in cases if c.category == "stage_one"]
    assert len({c.narrative for c in complaints}) > 0.8 * len(complaints)
    named = [c for c in cases if c.complainant_name]
    for case in named:
        first, surname = case.complainant_name.split(" ", 1)
        assert first in FIRST_NAMES and surname in SURNAMES
        assert case.complainant_name not in case.narrative
    assert 0 < sum(c.do_not_share for c in cases) < 0.1 * len(cases)
    assert {c.channel for c in cases} >= {"web", "email", "phone"}
    # A few cases are open now, so the console has work in it.
    assert any(c.status in ("open", "for-triage") and c.received_at.date() > date(2026, 10, 1) for c in cases)


def test_demo_load_fills_an_empty_database_and_refuses_a_full_one(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Loaded" in result.output and "report annual --year 2021" in result.output
    count = db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem))
    assert count > 900
    # References continue from the demo's numbers.
    assert db.session.scalar(sa.select(sa.func.max(ReferenceCounter.last_value))) > 100
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code != 0
    assert "--replace" in result.output
    result = runner.invoke(args=["demo", "load", "--replace", "--yes"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem)) == count


def test_demo_load_is_refused_in_production(app, monkeypatch):
    monkeypatch.setitem(app.config, "ENVIRONMENT", "production")
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code != 0
    assert "never loaded in production" in result.output
