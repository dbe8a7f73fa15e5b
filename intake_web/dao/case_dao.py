"""Reads and writes for case handling in the officers' console, the overdue digest and the corrections export.

"Current stage" is the newest ProcedureStage of an item; earlier stages are closed. Its due date is
`extended_due_on` when an extension was recorded, otherwise `due_on`.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from intake_web.constants import OPEN_STATUSES, STATUS_CLOSED
from intake_web.dao.audit_dao import dao_record_audit_event
from intake_web.extensions import db
from intake_web.models import FeedbackItem, ImprovementAction, ProcedureStage, TriageCorrection


@dataclass
class QueueFilters:
    """What the queue shows; every field is optional."""

    category: str | None = None
    team: str | None = None
    stage: str | None = None
    # "" or None: every open status; "all": open and closed; otherwise one status.
    status: str | None = None
    overdue: bool = False
    due_soon: bool = False
    needs_review: bool = False
    search: str | None = None
    # "newest" (safeguarding, urgent, then newest) or "due" (soonest due first).
    sort: str = "newest"


@dataclass
class QueueRow:
    item: FeedbackItem
    stage: ProcedureStage | None

    @property
    def due_on(self) -> date | None:
        return self.stage.effective_due_on if self.stage else None


def _current_stage_alias():
    return aliased(ProcedureStage)


def _join_current_stage(query, stage):
    """Join each item's current stage (or nothing) onto a query over FeedbackItem."""
    latest = (sa.select(ProcedureStage.feedback_item_id, sa.func.max(ProcedureStage.id).label("stage_id"))
              .group_by(ProcedureStage.feedback_item_id).subquery())
    return (query.outerjoin(latest, latest.c.feedback_item_id == FeedbackItem.id)
            .outerjoin(stage, stage.id == latest.c.stage_id))


def _current_stage_query():
    stage = _current_stage_alias()
    return _join_current_stage(sa.select(FeedbackItem, stage).select_from(FeedbackItem), stage), stage


def _due(stage):
    return sa.func.coalesce(stage.extended_due_on, stage.due_on)


def _awaiting_reply(stage):
    """The current stage has a clock running: a due date, no response yet, and the case is open."""
    return sa.and_(_due(stage).is_not(None), stage.responded_on.is_(None),
                   FeedbackItem.status.in_(OPEN_STATUSES))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _apply_filters(query, stage, filters: QueueFilters, *, today: date, due_soon_limit: date,
                   team_only: str | None):
    if team_only is not None:
        query = query.where(FeedbackItem.service_area == team_only)
    if filters.category:
        query = query.where(FeedbackItem.category == filters.category)
    if filters.team:
        query = query.where(FeedbackItem.service_area == filters.team)
    if filters.stage == "none":
        query = query.where(stage.id.is_(None))
    elif filters.stage:
        query = query.where(stage.stage == filters.stage)
    if filters.status == "all":
        pass
    elif filters.status:
        query = query.where(FeedbackItem.status == filters.status)
    else:
        query = query.where(FeedbackItem.status.in_(OPEN_STATUSES))
    if filters.overdue and filters.due_soon:
        query = query.where(_awaiting_reply(stage), _due(stage) <= due_soon_limit)
    elif filters.overdue:
        query = query.where(_awaiting_reply(stage), _due(stage) < today)
    elif filters.due_soon:
        query = query.where(_awaiting_reply(stage), _due(stage) >= today, _due(stage) <= due_soon_limit)
    if filters.needs_review:
        query = query.where(FeedbackItem.needs_review.is_(True))
    if filters.search:
        text = filters.search.strip()
        pattern = f"%{_escape_like(text.lower())}%"
        query = query.where(sa.or_(
            FeedbackItem.reference == text.upper(),
            sa.func.lower(FeedbackItem.reference).like(pattern, escape="\\"),
            sa.func.lower(FeedbackItem.narrative).like(pattern, escape="\\"),
        ))
    return query


def dao_fetch_queue_page(filters: QueueFilters, *, today: date, due_soon_limit: date, team_only: str | None,
                         page: int = 1, per_page: int = 50) -> tuple[list[QueueRow], int]:
    """Return one page of the queue and the number of items matching the filters."""
    query, stage = _current_stage_query()
    query = _apply_filters(query, stage, filters, today=today, due_soon_limit=due_soon_limit, team_only=team_only)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery())) or 0
    if filters.sort == "due":
        order = [FeedbackItem.safeguarding.desc(), _due(stage).is_(None), _due(stage), FeedbackItem.received_at.desc()]
    else:
        order = [FeedbackItem.safeguarding.desc(), FeedbackItem.urgent.desc(), FeedbackItem.received_at.desc()]
    rows = db.session.execute(query.order_by(*order, FeedbackItem.id.desc())
                              .limit(per_page).offset((max(page, 1) - 1) * per_page)).all()
    return [QueueRow(item, current) for item, current in rows], total


def dao_fetch_open_safeguarding_items(*, team_only: str | None) -> list[QueueRow]:
    """Return every open safeguarding item (what the queue's banner lists), newest first."""
    query, _ = _current_stage_query()
    query = query.where(FeedbackItem.safeguarding.is_(True), FeedbackItem.status.in_(OPEN_STATUSES))
    if team_only is not None:
        query = query.where(FeedbackItem.service_area == team_only)
    rows = db.session.execute(query.order_by(FeedbackItem.received_at.desc(), FeedbackItem.id.desc())).all()
    return [QueueRow(item, current) for item, current in rows]


def dao_count_queue_alerts(*, today: date, due_soon_limit: date, team_only: str | None) -> dict[str, int]:
    """Count open items that are overdue, due within the limit, or waiting for a person to review the triage."""
    stage = _current_stage_alias()
    query = _join_current_stage(sa.select(
        sa.func.count().filter(sa.and_(_awaiting_reply(stage), _due(stage) < today)),
        sa.func.count().filter(sa.and_(_awaiting_reply(stage), _due(stage) >= today, _due(stage) <= due_soon_limit)),
        sa.func.count().filter(sa.and_(FeedbackItem.needs_review.is_(True), FeedbackItem.status.in_(OPEN_STATUSES))),
        sa.func.count().filter(sa.and_(FeedbackItem.safeguarding.is_(True), FeedbackItem.status.in_(OPEN_STATUSES))),
    ).select_from(FeedbackItem), stage)
    if team_only is not None:
        query = query.where(FeedbackItem.service_area == team_only)
    row = db.session.execute(query).one()
    return {"overdue": row[0], "due_soon": row[1], "needs_review": row[2], "safeguarding": row[3]}


def dao_fetch_items_with_deadlines(*, due_on_or_before: date) -> list[QueueRow]:
    """Return open items whose current stage awaits a reply due on or before a date, soonest first (the digest)."""
    query, stage = _current_stage_query()
    query = query.where(_awaiting_reply(stage), _due(stage) <= due_on_or_before)
    rows = db.session.execute(query.order_by(_due(stage), FeedbackItem.reference)).all()
    return [QueueRow(item, current) for item, current in rows]


def dao_fetch_case_by_reference(reference: str) -> FeedbackItem | None:
    """Return the item with this reference (any case), or None."""
    return db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.reference == reference.strip().upper()))


def dao_fetch_improvement_action(item: FeedbackItem, action_id: int) -> ImprovementAction | None:
    """Return one of the case's improvement actions, or None."""
    return db.session.scalar(sa.select(ImprovementAction).where(
        ImprovementAction.id == action_id, ImprovementAction.feedback_item_id == item.id))


def dao_add_to_case(*objects: Any) -> None:
    """Add new rows (a stage, a lesson, an action, a correction) to the current transaction."""
    db.session.add_all(objects)


def dao_remove_stage(stage: ProcedureStage) -> None:
    """Delete a stage opened by mistake (the triage put the item on the wrong route)."""
    stage.feedback_item.stages.remove(stage)
    db.session.delete(stage)


def dao_save_case_change(actor: str, action: str, item: FeedbackItem | None, detail: dict[str, Any] | None = None):
    """Record the audit event for a change and commit the change with it."""
    event = dao_record_audit_event(actor, action, item, detail)
    db.session.commit()
    return event


def dao_record_case_view(actor: str, item: FeedbackItem, page: str) -> None:
    """Audit that a member of staff looked at a case."""
    dao_record_audit_event(actor, "viewed", item, {"page": page})
    db.session.commit()


def dao_rollback() -> None:
    """Forget unsaved changes (a rule refused them)."""
    db.session.rollback()


def dao_fetch_latest_corrections() -> Iterable[tuple[TriageCorrection, FeedbackItem]]:
    """Yield the newest triage correction of each item with its item (the labelled examples for training)."""
    latest = (sa.select(sa.func.max(TriageCorrection.id).label("id"))
              .group_by(TriageCorrection.feedback_item_id).subquery())
    query = (sa.select(TriageCorrection, FeedbackItem)
             .join(latest, latest.c.id == TriageCorrection.id)
             .join(FeedbackItem, FeedbackItem.id == TriageCorrection.feedback_item_id)
             .order_by(TriageCorrection.id))
    yield from db.session.execute(query).tuples()


def dao_fetch_audit_trail(item: FeedbackItem):
    """Return the case's audit events, newest first."""
    from intake_web.models import AuditEvent

    return list(db.session.scalars(sa.select(AuditEvent).where(AuditEvent.feedback_item_id == item.id)
                                   .order_by(AuditEvent.id.desc())))


def dao_is_closed(item: FeedbackItem) -> bool:
    return item.status == STATUS_CLOSED
