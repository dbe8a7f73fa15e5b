"""The report's own words (not what officers typed) are plain English."""
from datetime import date

import pytest
import textstat

from intake_web.demo.loader import load_demo
from intake_web.reports.annual import build_annual_report

READING_EASE = 60  # "plain English"; the report's own sentences score about 70


@pytest.fixture(autouse=True)
def _offline_syllables(monkeypatch):
    monkeypatch.setattr("textstat.backend.counts._count_syllables.get_cmudict", lambda lang: None)


def test_the_reports_own_sentences_are_plain_english(app):
    load_demo(today=date(2026, 11, 28))
    report = build_annual_report(2021, as_of=date(2026, 11, 28))
    sentences = list(report.headline) + list(report.counting_rules)
    for table in report.tables:
        sentences += [table.intro, *table.notes]
    text = " ".join(sentence for sentence in sentences if sentence)
    assert textstat.flesch_reading_ease(text) >= READING_EASE
    for word in ("utilise", "aforementioned", "pursuant", "in respect of", "LGSCO"):
        assert word not in text
