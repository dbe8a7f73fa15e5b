"""The answer triage() gives for one piece of feedback. Standard library only."""
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class TriageResult:
    """Advisory labels for one item; a person checks anything with needs_review set."""

    category: str
    complaint_type: str | None
    service_area: str | None
    service_area_top3: list[tuple[str, float]]
    safeguarding: bool
    safeguarding_evidence: list[str]
    advocate_requested: bool
    complainant_role: str | None
    confidence: float
    needs_review: bool
    model_version: str
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-serialisable data with the same keys as the attributes."""
        data = asdict(self)
        data["service_area_top3"] = [[area, round(float(p), 4)] for area, p in self.service_area_top3]
        data["confidence"] = round(float(self.confidence), 4)
        return data
