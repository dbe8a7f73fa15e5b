"""Small factories for report tests: cases with stages, written straight to the database."""
import itertools
from datetime import date, datetime, time, timezone
from decimal import Decimal

from intake_web.extensions import db
from intake_web.models import FeedbackItem, ImprovementAction, LessonLearned, ProcedureStage, YearFigures

_numbers = itertools.count(1)


def create_case(*, category: str | None = "stage_one", received: date | datetime = date(2021, 6, 1),
                service_area: str | None = "assessment_intervention", service_unit: str | None = None,
                complaint_type: str | None = "quality_of_service", stages=(), compensation: str | None = None,
                compliment_summary: str | None = None, actions: int = 0, lessons=(), **fields) -> FeedbackItem:
    """Create a case; `stages` are dicts of ProcedureStage fields (stage and started_on at least)."""
    received_at = received if isinstance(received, datetime) else datetime.combine(received, time(10),
                                                                                   tzinfo=timezone.utc)
    item = FeedbackItem(reference=f"CF-TEST-{next(_numbers):05d}", received_at=received_at, channel="web",
                        narrative="Test narrative.", category=category, service_area=service_area,
                        service_unit=service_unit, complaint_type=complaint_type,
                        compensation_paid=Decimal(compensation) if compensation else None,
                        compliment_summary=compliment_summary, **fields)
    for stage in stages:
        item.stages.append(ProcedureStage(**stage))
    for number in range(actions):
        item.improvement_actions.append(ImprovementAction(description=f"Action {number}", owner="Manager",
                                                          due_on=date(2021, 7, 1)))
    for area, lesson, recorded in lessons:
        item.lessons.append(LessonLearned(service_area=area, lesson=lesson, recorded_by="officer@example.com",
                                          created_at=datetime.combine(recorded, time(12), tzinfo=timezone.utc)))
    db.session.add(item)
    db.session.commit()
    return item


def stage_one(started_on: date, responded_on: date | None = None, outcome: str | None = "upheld", **fields) -> dict:
    return {"stage": "stage_one", "started_on": started_on, "responded_on": responded_on, "outcome": outcome,
            **fields}


def set_year_figures(year: int, open_cases: int | None, looked_after: int | None) -> None:
    db.session.add(YearFigures(financial_year=year, open_cases=open_cases, looked_after_children=looked_after))
    db.session.commit()
