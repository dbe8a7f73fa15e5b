"""triage(): combine the model's heads with the rules and the person's own choices."""
import threading
from pathlib import Path

from triage import rules
from triage.config import Settings, Taxonomy, load_settings, load_taxonomy, model_dir
from triage.model import NONE_LABEL, TriageModel, load_model
from triage.normalise import normalise
from triage.result import TriageResult
from triage.safeguarding import detect_safeguarding

_LOCK = threading.Lock()
_CACHE: dict[str, TriageModel] = {}

NO_TYPE_CATEGORIES = ("compliment", "out_of_scope")


def get_model(directory: Path | None = None) -> TriageModel:
    """Load the model once per process and folder, checking its labels against the taxonomy."""
    key = str((directory or model_dir()).resolve())
    with _LOCK:
        if key not in _CACHE:
            model = load_model(Path(key))
            model.check_taxonomy(load_taxonomy())
            _CACHE[key] = model
        return _CACHE[key]


def clear_cache() -> None:
    """Forget loaded models (used after retraining in the same process)."""
    with _LOCK:
        _CACHE.clear()


def _top(probabilities: dict[str, float]) -> tuple[str, float]:
    label = max(probabilities, key=lambda key: (probabilities[key], key))
    return label, probabilities[label]


def _category(text: str, probs: dict[str, float], formal_complaint: bool, settings: Settings,
              taxonomy: Taxonomy) -> tuple[str, float, list[str]]:
    escalation = rules.escalation_cues(text)
    label, confidence = _top(probs)
    if escalation and "escalation" in taxonomy.categories:
        return "escalation", max(probs.get("escalation", 0.0), 0.9), [
            f"About an earlier complaint ({escalation[0]}), so escalation."]
    if label == "escalation":
        return label, confidence, [f"Reads like a request to take an earlier complaint further ({confidence:.0%})."]
    if formal_complaint:
        return "stage_one", 1.0, ["The person chose to make a formal complaint, so stage one (their right)."]
    if rules.asks_for_formal_complaint(text) and probs.get("out_of_scope", 0.0) < settings.formal_rule_max_out_of_scope:
        return "stage_one", max(probs.get("stage_one", 0.0), 0.9), [
            "The person says they want to complain, so stage one (their right)."]
    if label == "stage_one" and rules.declines_formal_complaint(text):
        return "concern", max(probs.get("concern", 0.0), 0.6), [
            "The person says this is not a formal complaint, so a concern."]
    return label, confidence, [f"Looks like {taxonomy.name('category', label).lower()} ({confidence:.0%})."]


def _role(text: str, given: str | None, probs: dict[str, float], settings: Settings,
          taxonomy: Taxonomy) -> tuple[str | None, float, list[str]]:
    if given in taxonomy.complainant_roles:
        return given, 1.0, ["Who is writing was given by the person."]
    cue = rules.role_cue(text)
    if cue and cue[0] in taxonomy.complainant_roles:
        return cue[0], max(probs.get(cue[0], 0.0), 0.9), [f"The text {cue[1]}."]
    label, confidence = _top(probs)
    if label != NONE_LABEL and confidence >= settings.role_model_threshold:
        return label, confidence, [(f"Writer is probably: {taxonomy.name('complainant_role', label)} "
                                   f"({confidence:.0%}).")]
    return None, probs.get(NONE_LABEL, 1.0 - confidence), []


def triage_text(text: str, *, channel: str | None = None, complainant_role: str | None = None,
                formal_complaint: bool = False, model: TriageModel | None = None) -> TriageResult:
    """Triage one piece of feedback; see triage.triage for the contract."""
    model = model or get_model()
    taxonomy, settings = load_taxonomy(), load_settings()
    thresholds = settings.thresholds
    normalised = normalise(text)
    probs = model.probabilities(text, channel)
    reasons: list[str] = []
    review_because: list[str] = []

    category, category_conf, why = _category(normalised, probs["category"], formal_complaint, settings, taxonomy)
    reasons += why
    confidences = [category_conf]
    if category_conf < thresholds["category"]:
        review_because.append("category")

    complaint_type = None
    if category not in NO_TYPE_CATEGORIES:
        complaint_type, type_conf = _top(probs["complaint_type"])
        confidences.append(type_conf)
        reasons.append(f"Type: {taxonomy.name('complaint_type', complaint_type).lower()} ({type_conf:.0%}).")
        if type_conf < thresholds["complaint_type"]:
            review_because.append("complaint type")

    ranked = sorted(probs["service_area"].items(), key=lambda item: (-item[1], item[0]))[:3]
    top3 = [(area, round(p, 4)) for area, p in ranked]
    service_area = None
    if category != "out_of_scope":
        service_area, area_conf = ranked[0]
        confidences.append(area_conf)
        reasons.append(f"Team: {taxonomy.name('service_area', service_area)} ({area_conf:.0%}).")
        if area_conf < thresholds["service_area"]:
            review_because.append("team")
    else:
        reasons.append("Not about children's social care: signpost the person elsewhere.")

    if category == "compliment" and rules.mixed_praise(normalised):
        reasons.append("Mostly thanks, but it also mentions a problem: check whether to log a concern.")
        review_because.append("mixed compliment")

    evidence = detect_safeguarding(text)
    p_harm = probs["safeguarding"].get("True", 0.0)
    if p_harm >= settings.safeguarding_model_threshold:
        evidence.append(f"model: reads like a disclosure of harm ({p_harm:.0%})")
    if evidence:
        reasons.insert(0, "Possible risk of harm to a child: tell the duty team now.")

    advocate_cues = rules.advocate_cues(normalised)
    p_advocate = probs["advocate_requested"].get("True", 0.0)
    advocate = bool(advocate_cues) or (p_advocate >= settings.advocate_model_threshold
                                       and not rules.declines_advocate(normalised))
    if advocate:
        reasons.append("Asks for an advocate or for help to complain: offer advocacy.")

    role, role_conf, why = _role(normalised, complainant_role, probs["complainant_role"], settings, taxonomy)
    reasons += why
    if role is not None and role_conf < thresholds["complainant_role"]:
        review_because.append("who is writing")

    needs_review = bool(evidence) or bool(review_because)
    if review_because:
        reasons.append("A person should check: " + ", ".join(review_because) + ".")
    return TriageResult(
        category=category, complaint_type=complaint_type, service_area=service_area, service_area_top3=top3,
        safeguarding=bool(evidence), safeguarding_evidence=evidence, advocate_requested=advocate,
        complainant_role=role, confidence=round(float(min(confidences)), 4), needs_review=needs_review,
        model_version=model.version, reasons=reasons)
