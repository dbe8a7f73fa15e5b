"""The SQL that reads the case store for reports. Counting happens in the database (GROUP BY).

Every function takes a Period and returns plain Python values. What counts as a complaint:
a procedure stage (concern, stage one, two, three or ombudsman) whose case is not a compliment
or out of scope; it counts in the period its stage started (ProcedureStage.started_on).
"""
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import FeedbackItem, ImprovementAction, LessonLearned, ProcedureStage, YearFigures
from intake_web.reports.periods import Period

STAGES = ("concern", "stage_one", "stage_two", "stage_three", "ombudsman")
NOT_COMPLAINTS = ("compliment", "out_of_scope")


def _is_complaint():
    return sa.or_(FeedbackItem.category.is_(None), FeedbackItem.category.not_in(NOT_COMPLAINTS))


def _stages_in(period: Period, stage: str | None = None):
    """Select-from for complaint stages that started in `period`."""
    conditions = [ProcedureStage.started_on >= period.start, ProcedureStage.started_on <= period.end, _is_complaint()]
    if stage:
        conditions.append(ProcedureStage.stage == stage)
    return conditions


def _join_items(select: sa.Select) -> sa.Select:
    return select.select_from(ProcedureStage).join(FeedbackItem, ProcedureStage.feedback_item_id == FeedbackItem.id)


def stage_counts(period: Period) -> dict[str, int]:
    """Return how many stages of each kind started in the period."""
    rows = db.session.execute(
        _join_items(sa.select(ProcedureStage.stage, sa.func.count()))
        .where(*_stages_in(period)).group_by(ProcedureStage.stage)
    ).all()
    counts = dict.fromkeys(STAGES, 0)
    counts.update({stage: n for stage, n in rows if stage in counts})
    return counts


def first_stage_date() -> date | None:
    """Return the earliest date any complaint stage started (None when there are none)."""
    return db.session.scalar(_join_items(sa.select(sa.func.min(ProcedureStage.started_on))).where(_is_complaint()))


def service_area_counts(period: Period, stage: str = "stage_one") -> Counter:
    """Return {(service_area, service_unit): count} for stages of `stage` that started in the period."""
    rows = db.session.execute(
        _join_items(sa.select(FeedbackItem.service_area, FeedbackItem.service_unit, sa.func.count()))
        .where(*_stages_in(period, stage))
        .group_by(FeedbackItem.service_area, FeedbackItem.service_unit)
    ).all()
    return Counter({(area, unit or None): n for area, unit, n in rows})


def complaint_type_counts(period: Period, stage: str = "stage_one") -> Counter:
    rows = db.session.execute(
        _join_items(sa.select(FeedbackItem.complaint_type, sa.func.count()))
        .where(*_stages_in(period, stage)).group_by(FeedbackItem.complaint_type)
    ).all()
    return Counter({complaint_type: n for complaint_type, n in rows})


def outcome_counts(period: Period) -> dict[str, Counter]:
    """Return {stage: {outcome or None: count}} for stages that started in the period."""
    rows = db.session.execute(
        _join_items(sa.select(ProcedureStage.stage, ProcedureStage.outcome, sa.func.count()))
        .where(*_stages_in(period)).group_by(ProcedureStage.stage, ProcedureStage.outcome)
    ).all()
    outcomes: dict[str, Counter] = {stage: Counter() for stage in STAGES}
    for stage, outcome, n in rows:
        if stage in outcomes:
            outcomes[stage][outcome or None] += n
    return outcomes


@dataclass(frozen=True)
class StageDates:
    """Stages sharing the same dates, stage, team and withdrawal, with how many there are."""

    stage: str
    service_area: str | None
    started_on: date
    responded_on: date | None
    withdrawn: bool
    extended: bool
    panel_report_on: date | None
    count: int


TIMED_STAGES = ("stage_one", "stage_two", "stage_three")


def stage_dates(period: Period, stages: tuple[str, ...] = TIMED_STAGES) -> list[StageDates]:
    """Return the dates the timescale bands need, grouped so equal rows come back once with a count."""
    withdrawn = sa.case((ProcedureStage.outcome == "withdrawn", True), else_=False)
    extended = sa.case((ProcedureStage.extended_due_on.is_not(None), True), else_=False)
    columns = (ProcedureStage.stage, FeedbackItem.service_area, ProcedureStage.started_on, ProcedureStage.responded_on,
               withdrawn, extended, ProcedureStage.panel_report_on)
    rows = db.session.execute(
        _join_items(sa.select(*columns, sa.func.count()))
        .where(*_stages_in(period), ProcedureStage.stage.in_(stages))
        .group_by(*columns)
    ).all()
    return [StageDates(stage, area, started, responded, bool(is_withdrawn), bool(is_extended), panel_report, n)
            for stage, area, started, responded, is_withdrawn, is_extended, panel_report, n in rows]


def untriaged_count(period: Period) -> int:
    """Stage one complaints in the period that no person has yet triaged (no category)."""
    return db.session.scalar(
        _join_items(sa.select(sa.func.count()))
        .where(*_stages_in(period, "stage_one"), FeedbackItem.category.is_(None))
    ) or 0


def _concluded_on():
    """Per case: the last date any stage was responded to (its conclusion)."""
    return (sa.select(ProcedureStage.feedback_item_id.label("item_id"),
                      sa.func.max(ProcedureStage.responded_on).label("concluded_on"))
            .group_by(ProcedureStage.feedback_item_id).subquery())


def compensation(period: Period) -> tuple[Decimal, int, int]:
    """Return (total paid, cases paid) for cases concluded in the period, and cases paid but not concluded.

    A case's conclusion is the last response date on any of its stages. The third number counts
    cases received in the period with compensation recorded but no response date: not counted.
    """
    concluded = _concluded_on()
    total, cases = db.session.execute(
        sa.select(sa.func.coalesce(sa.func.sum(FeedbackItem.compensation_paid), 0), sa.func.count())
        .select_from(FeedbackItem).join(concluded, concluded.c.item_id == FeedbackItem.id)
        .where(FeedbackItem.compensation_paid > 0,
               concluded.c.concluded_on >= period.start, concluded.c.concluded_on <= period.end)
    ).one()
    start, end = period.utc_bounds()
    unconcluded = db.session.scalar(
        sa.select(sa.func.count()).select_from(FeedbackItem)
        .outerjoin(concluded, concluded.c.item_id == FeedbackItem.id)
        .where(FeedbackItem.compensation_paid > 0, concluded.c.concluded_on.is_(None),
               FeedbackItem.received_at >= start, FeedbackItem.received_at < end)
    ) or 0
    return Decimal(total).quantize(Decimal("0.01")), cases, unconcluded


def _received_in(period: Period):
    start, end = period.utc_bounds()
    return [FeedbackItem.received_at >= start, FeedbackItem.received_at < end]


def compliment_counts(period: Period) -> Counter:
    rows = db.session.execute(
        sa.select(FeedbackItem.service_area, sa.func.count())
        .where(FeedbackItem.category == "compliment", *_received_in(period))
        .group_by(FeedbackItem.service_area)
    ).all()
    return Counter({area: n for area, n in rows})


def compliment_summaries(period: Period) -> dict[str | None, list[str]]:
    """Return each service area's compliment summaries, oldest first (compliments without one are left out)."""
    rows = db.session.execute(
        sa.select(FeedbackItem.service_area, FeedbackItem.compliment_summary)
        .where(FeedbackItem.category == "compliment", FeedbackItem.compliment_summary.is_not(None),
               FeedbackItem.compliment_summary != "", *_received_in(period))
        .order_by(FeedbackItem.received_at, FeedbackItem.id)
    ).all()
    summaries: dict[str | None, list[str]] = {}
    for area, summary in rows:
        summaries.setdefault(area, []).append(summary.strip())
    return summaries


def complaints_with_action(period: Period) -> tuple[int, int]:
    """Return (stage one complaints in the period with at least one improvement action, all of them)."""
    has_action = sa.exists().where(ImprovementAction.feedback_item_id == FeedbackItem.id)
    with_action, total = db.session.execute(
        _join_items(sa.select(sa.func.sum(sa.case((has_action, 1), else_=0)), sa.func.count()))
        .where(*_stages_in(period, "stage_one"))
    ).one()
    return with_action or 0, total or 0


def lessons(period: Period) -> dict[str | None, list[str]]:
    """Return lessons recorded in the period, by service area (the lesson's own, else its case's)."""
    start, end = period.utc_bounds()
    area = sa.func.coalesce(LessonLearned.service_area, FeedbackItem.service_area)
    rows = db.session.execute(
        sa.select(area, LessonLearned.lesson)
        .select_from(LessonLearned).join(FeedbackItem, LessonLearned.feedback_item_id == FeedbackItem.id)
        .where(LessonLearned.created_at >= start, LessonLearned.created_at < end)
        .order_by(LessonLearned.created_at, LessonLearned.id)
    ).all()
    grouped: dict[str | None, list[str]] = {}
    for service_area, lesson in rows:
        grouped.setdefault(service_area, []).append(lesson.strip())
    return grouped


def year_figures(financial_year: int) -> YearFigures | None:
    return db.session.get(YearFigures, financial_year)
