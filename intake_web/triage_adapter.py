"""Calls the triage library and turns its answer into case fields.

Triage is advisory: if it cannot run (no model built, a bug, bad input), the item is
still stored and is marked for a person to triage. The failure is logged by its
exception type only, never with what the person wrote.
"""
import logging
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class TriageOutcome:
    ok: bool
    category: str | None = None
    complaint_type: str | None = None
    service_area: str | None = None
    confidence: float | None = None
    needs_review: bool = True
    safeguarding: bool = False
    advocate_requested: bool = False
    complainant_role: str | None = None
    model_version: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


def run_triage(text: str, *, channel: str | None, complainant_role: str | None,
               formal_complaint: bool = False) -> TriageOutcome:
    """Triage `text`; never raises."""
    try:
        import triage  # imported here so the web app starts even when no model is built yet

        result = triage.triage(text, channel=channel, complainant_role=complainant_role,
                               formal_complaint=formal_complaint)
        details = result.to_dict()
        return TriageOutcome(
            ok=True,
            category=result.category,
            complaint_type=result.complaint_type,
            service_area=result.service_area,
            confidence=float(result.confidence),
            needs_review=bool(result.needs_review),
            safeguarding=bool(result.safeguarding),
            advocate_requested=bool(result.advocate_requested),
            complainant_role=result.complainant_role,
            model_version=result.model_version,
            details=details,
        )
    except Exception as error:  # noqa: BLE001 - any failure means "a person triages it"
        log.error("triage failed (%s); item marked for manual triage", type(error).__name__)
        return TriageOutcome(ok=False, details={"error": type(error).__name__})
