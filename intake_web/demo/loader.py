"""Write generated demo cases to the database."""
import zlib
from collections import defaultdict
from datetime import date, datetime, timezone
from pathlib import Path

import sqlalchemy as sa
import yaml
from flask import current_app

from intake_web.clock import WorkingDayCalendar
from intake_web.constants import REFERENCE_PREFIX, TRIAGE_DONE, TRIAGE_PENDING
from intake_web.demo import SEED_COUNTS
from intake_web.demo.generator import DEMO_OFFICER, CaseSpec, DemoGenerator, plans_from_seed
from intake_web.extensions import db
from intake_web.models import (
    AuditEvent,
    FeedbackItem,
    ImprovementAction,
    LessonLearned,
    Notification,
    ProcedureStage,
    ReferenceCounter,
    TriageCorrection,
    YearFigures,
)

DEMO_MODEL_VERSION = "demo-data"


def read_seed(path: Path = SEED_COUNTS) -> dict:
    with Path(path).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def generate(seed: dict, *, random_seed: int = 2022, today: date | None = None,
             with_current: bool = True) -> list[CaseSpec]:
    """Return the demo cases for `seed` (a parsed seed_counts.yaml), without touching the database."""
    council = current_app.extensions["council"]
    calendar = WorkingDayCalendar(council.timescales.get("extra_closed_days") or ())
    teams = {area: team.name for area, team in council.teams.items()}
    generator = DemoGenerator(calendar, teams, seed.get("action_examples") or [], seed=random_seed, today=today)
    return generator.build(plans_from_seed(seed), with_current=with_current)


def case_store_is_empty() -> bool:
    return not db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem))


def wipe_case_store() -> None:
    """Delete every case and everything hanging off it (not staff accounts)."""
    for model in (AuditEvent, Notification, TriageCorrection, LessonLearned, ImprovementAction, ProcedureStage,
                  FeedbackItem, ReferenceCounter, YearFigures):
        db.session.execute(sa.delete(model))
    db.session.commit()


def write_cases(cases: list[CaseSpec], *, batch_size: int = 2000) -> int:
    """Insert the cases with references CF-<year>-<number> in order of receipt; return how many."""
    existing = {year: value for year, value in db.session.execute(
        sa.select(ReferenceCounter.year, ReferenceCounter.last_value)).all()}
    counters: dict[int, int] = defaultdict(int, existing)
    pending = []
    for case in cases:
        year = case.received_at.year
        counters[year] += 1
        pending.append(_item(case, f"{REFERENCE_PREFIX}-{year}-{counters[year]:05d}"))
        if len(pending) >= batch_size:
            db.session.add_all(pending)
            db.session.flush()
            pending = []
    db.session.add_all(pending)
    for year, value in counters.items():
        counter = db.session.get(ReferenceCounter, year)
        if counter is None:
            db.session.add(ReferenceCounter(year=year, last_value=value))
        else:
            counter.last_value = max(counter.last_value, value)
    db.session.flush()
    return len(cases)


def _item(case: CaseSpec, reference: str) -> FeedbackItem:
    item = FeedbackItem(
        reference=reference, received_at=case.received_at, channel=case.channel,
        feedback_kind="something_good" if case.category == "compliment" else "something_wrong",
        formal_complaint_requested=case.category == "stage_one" and case.channel != "sms",
        complainant_role=case.complainant_role, complainant_name=case.complainant_name, child_name=case.child_name,
        narrative=case.narrative, desired_outcome=case.desired_outcome, anonymous=case.anonymous,
        contact_method=case.contact_method, consent_to_contact=case.contact_method != "none",
        contact_email=_email(case) if case.contact_method == "email" else None,
        contact_phone="07700 900" + str(zlib.crc32(case.narrative.encode()) % 1000).zfill(3)
        if case.contact_method in ("sms", "phone") else None,
        triage_status=TRIAGE_DONE if case.triaged else TRIAGE_PENDING, category=case.category,
        complaint_type=case.complaint_type, service_area=case.service_area, service_unit=case.service_unit,
        triage_confidence=0.9 if case.triaged else None, needs_review=not case.triaged,
        triage_model_version=DEMO_MODEL_VERSION if case.triaged else None, status=case.status,
        do_not_share=case.do_not_share, compliment_summary=case.compliment_summary,
        compensation_paid=case.compensation_paid, created_at=case.received_at, updated_at=case.received_at,
    )
    for stage in case.stages:
        item.stages.append(ProcedureStage(
            stage=stage.stage, started_on=stage.started_on, due_on=stage.due_on,
            extended_due_on=stage.extended_due_on, extension_reason=stage.extension_reason,
            responded_on=stage.responded_on, outcome=stage.outcome, statement_agreed_on=stage.statement_agreed_on,
            panel_met_on=stage.panel_met_on, panel_report_on=stage.panel_report_on, notes=stage.notes))
    for action in case.actions:
        item.improvement_actions.append(ImprovementAction(
            description=action.description, owner=action.owner, due_on=action.due_on,
            completed_on=action.completed_on))
    for lesson in case.lessons:
        item.lessons.append(LessonLearned(service_area=lesson.service_area, lesson=lesson.lesson,
                                          recorded_by=DEMO_OFFICER, created_at=lesson.created_at))
    return item


def _email(case: CaseSpec) -> str:
    local = (case.complainant_name or "someone").lower().replace(" ", ".")
    return f"{local}@example.com"


def write_year_figures(seed: dict) -> None:
    for year, figures in (seed.get("open_cases") or {}).items():
        row = db.session.get(YearFigures, int(year)) or YearFigures(financial_year=int(year))
        row.open_cases = figures.get("open_cases")
        row.looked_after_children = figures.get("looked_after_children")
        row.entered_by = DEMO_OFFICER
        row.updated_at = datetime.now(timezone.utc)
        db.session.add(row)


def load_demo(seed_path: Path = SEED_COUNTS, *, random_seed: int = 2022, today: date | None = None,
              with_current: bool = True) -> int:
    """Generate the demo dataset and commit it; return the number of cases written."""
    seed = read_seed(seed_path)
    cases = generate(seed, random_seed=random_seed, today=today, with_current=with_current)
    written = write_cases(cases)
    write_year_figures(seed)
    db.session.commit()
    return written
