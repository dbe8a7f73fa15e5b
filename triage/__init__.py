"""Advisory triage of children's social care feedback: category, type, team, safeguarding, advocacy, who is writing.

    import triage
    result = triage.triage("contact got cancelled again", channel="sms")

Importing this package loads nothing heavy: scikit-learn and the model artefact are only
loaded on the first call to triage(), so `triage.safeguarding` can be used by itself with
the standard library alone.
"""
from triage.errors import ModelNotBuilt, TaxonomyMismatch
from triage.result import TriageResult

__all__ = ["ModelNotBuilt", "TaxonomyMismatch", "TriageResult", "triage"]


def triage(text: str, *, channel: str | None = None, complainant_role: str | None = None,
           formal_complaint: bool = False) -> TriageResult:
    """Triage one piece of feedback; raises ModelNotBuilt if `python -m triage train` has not been run."""
    from triage.predict import triage_text  # deferred so that importing triage stays light

    return triage_text(text, channel=channel, complainant_role=complainant_role, formal_complaint=formal_complaint)
