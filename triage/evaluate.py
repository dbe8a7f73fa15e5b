"""Score triage against labelled JSONL and write a readable HTML report."""
import html
from collections.abc import Callable, Iterable
from pathlib import Path

from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from triage.corpus import read_jsonl
from triage.result import TriageResult

NONE = "none"  # shown where triage gave no label

# The targets from the issue; evaluate() reports each with whether it was met.
TARGETS = {"category_macro_f1": 0.85, "complaint_type_macro_f1": 0.75, "service_area_accuracy": 0.80,
           "service_area_top3_accuracy": 0.95, "safeguarding_recall": 1.0, "safeguarding_precision": 0.80,
           "advocate_recall": 0.95}

_HEAD_ATTR = {"category": "category", "complaint_type": "complaint_type", "service_area": "service_area",
              "safeguarding": "safeguarding", "advocate_requested": "advocate_requested",
              "complainant_role": "complainant_role"}


def _label(value) -> str:
    if value is None:
        return NONE
    return str(bool(value)) if isinstance(value, bool) else str(value)


def _per_label(gold: list[str], pred: list[str]) -> tuple[dict, dict]:
    labels = sorted(set(gold) | set(pred))
    precision, recall, f1, support = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    table = {label: {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4),
                     "support": int(s)} for label, p, r, f, s in zip(labels, precision, recall, f1, support)}
    matrix = confusion_matrix(gold, pred, labels=labels).tolist()
    return table, {"labels": labels, "matrix": matrix}


def _macro_f1(gold: list[str], pred: list[str]) -> float | None:
    if not gold:
        return None
    return round(float(f1_score(gold, pred, labels=sorted(set(gold)), average="macro", zero_division=0)), 4)


def _binary(gold: list[str], pred: list[str]) -> tuple[float | None, float | None]:
    true_pos = sum(g == "True" and p == "True" for g, p in zip(gold, pred))
    gold_pos = sum(g == "True" for g in gold)
    pred_pos = sum(p == "True" for p in pred)
    recall = round(true_pos / gold_pos, 4) if gold_pos else None
    precision = round(true_pos / pred_pos, 4) if pred_pos else None
    return recall, precision


def score(rows: list[dict], results: list[TriageResult]) -> dict:
    """Compute every metric from labelled rows and triage's results for them (null labels are not scored)."""
    metrics: dict = {"n": len(rows), "per_label": {}, "confusion": {}}
    pairs: dict[str, tuple[list[str], list[str]]] = {}
    for head, attr in _HEAD_ATTR.items():
        scored = [(row.get(head), getattr(result, attr)) for row, result in zip(rows, results)
                  if row.get(head) is not None]
        gold, pred = [_label(g) for g, _ in scored], [_label(p) for _, p in scored]
        pairs[head] = (gold, pred)
        metrics["per_label"][head], metrics["confusion"][head] = _per_label(gold, pred)
        metrics[f"{head}_n"] = len(gold)

    metrics["category_macro_f1"] = _macro_f1(*pairs["category"])
    metrics["complaint_type_macro_f1"] = _macro_f1(*pairs["complaint_type"])
    gold_areas = [(row["service_area"], result) for row, result in zip(rows, results) if row.get("service_area")]
    metrics["service_area_accuracy"] = round(sum(r.service_area == g for g, r in gold_areas) / len(gold_areas), 4) \
        if gold_areas else None
    metrics["service_area_top3_accuracy"] = round(
        sum(g in [area for area, _ in r.service_area_top3] for g, r in gold_areas) / len(gold_areas), 4) \
        if gold_areas else None
    metrics["safeguarding_recall"], metrics["safeguarding_precision"] = _binary(*pairs["safeguarding"])
    metrics["advocate_recall"], metrics["advocate_precision"] = _binary(*pairs["advocate_requested"])
    role_gold, role_pred = pairs["complainant_role"]
    metrics["complainant_role_accuracy"] = round(sum(g == p for g, p in zip(role_gold, role_pred)) / len(role_gold),
                                                 4) if role_gold else None
    metrics["complainant_role_macro_f1"] = _macro_f1(role_gold, role_pred)
    metrics["needs_review_rate"] = round(sum(r.needs_review for r in results) / len(results), 4) if results else None
    metrics["targets"] = {name: {"target": target, "value": metrics.get(name),
                                 "met": metrics.get(name) is not None and metrics[name] >= target}
                          for name, target in TARGETS.items()}
    metrics["model_version"] = results[0].model_version if results else None
    # Headline numbers first, the long tables last, so the printed JSON reads top-down.
    tables = ("per_label", "confusion")
    return {**{k: v for k, v in metrics.items() if k not in tables}, **{k: metrics[k] for k in tables}}


def evaluate_rows(rows: Iterable[dict], classify: Callable[..., TriageResult]) -> tuple[dict, list[TriageResult]]:
    """Run `classify` on each row's text (with its channel) and score the results."""
    rows = list(rows)
    results = [classify(row["text"], channel=row.get("channel")) for row in rows]
    return score(rows, results), results


def evaluate_file(path: Path, classify: Callable[..., TriageResult]) -> tuple[dict, list[dict], list[TriageResult]]:
    """Read a labelled JSONL file, triage every line and return (metrics, rows, results)."""
    rows = list(read_jsonl(path))
    metrics, results = evaluate_rows(rows, classify)
    return metrics, rows, results


# --- HTML report ---------------------------------------------------------------------------------

_CSS = """
body{font-family:arial,sans-serif;color:#0b0c0c;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.4}
table{border-collapse:collapse;margin:0 0 2em}caption{text-align:left;font-weight:bold;padding:.5em 0}
th,td{border:1px solid #b1b4b6;padding:.3em .6em;text-align:right}th[scope=row],td.text{text-align:left}
thead th{background:#f3f2f1}.met{color:#00703c;font-weight:bold}.missed{color:#d4351c;font-weight:bold}
.diag{background:#e8f1f8;font-weight:bold}
"""


def _cell(value) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else html.escape(str(value))


def render_html(metrics: dict, rows: list[dict], results: list[TriageResult], source: str) -> str:
    """Return a self-contained, accessible HTML page of the metrics, per-label scores, confusions and misses."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>Triage evaluation: {html.escape(source)}</title><style>{_CSS}</style></head><body><main>",
           f"<h1>Triage evaluation: {html.escape(source)}</h1>",
           (f"<p>{metrics['n']} examples, model {html.escape(str(metrics.get('model_version')))}. "
           "Labels left empty in the file are not scored.</p>"),
           ("<table><caption>Targets</caption><thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Value</th>"
           "<th scope=\"col\">Target</th><th scope=\"col\">Met</th></tr></thead><tbody>")]
    for name, target in metrics["targets"].items():
        met = '<span class="met">yes</span>' if target["met"] else '<span class="missed">no</span>'
        out.append(f'<tr><th scope="row">{name}</th><td>{_cell(target["value"])}</td><td>{target["target"]}</td>'
                   f"<td>{met}</td></tr>")
    out.append("</tbody></table>")
    out.append('<table><caption>Other measures</caption><tbody>')
    for name in ("safeguarding_precision", "advocate_precision", "complainant_role_accuracy",
                 "complainant_role_macro_f1", "needs_review_rate"):
        out.append(f'<tr><th scope="row">{name}</th><td>{_cell(metrics.get(name))}</td></tr>')
    out.append("</tbody></table><h2>Per label</h2>")
    for head, table in metrics["per_label"].items():
        out.append(f"<table><caption>{head}: precision, recall and F1 per label</caption><thead><tr>"
                   '<th scope="col">Label</th><th scope="col">Precision</th><th scope="col">Recall</th>'
                   '<th scope="col">F1</th><th scope="col">Support</th></tr></thead><tbody>')
        for label, values in table.items():
            out.append(f'<tr><th scope="row">{html.escape(label)}</th><td>{_cell(values["precision"])}</td>'
                       f'<td>{_cell(values["recall"])}</td><td>{_cell(values["f1"])}</td>'
                       f'<td>{values["support"]}</td></tr>')
        out.append("</tbody></table>")
    out.append("<h2>Confusion matrices</h2><p>Rows are the labels in the file; columns are triage's answers.</p>")
    for head, confusion in metrics["confusion"].items():
        labels = confusion["labels"]
        out.append(f"<table><caption>{head}: confusion matrix</caption><thead><tr>"
                   '<td></td>' + "".join(f'<th scope="col">{html.escape(label)}</th>' for label in labels)
                   + "</tr></thead><tbody>")
        for i, (label, counts) in enumerate(zip(labels, confusion["matrix"])):
            cells = "".join(f'<td class="diag">{c}</td>' if j == i else f"<td>{c}</td>" for j, c in enumerate(counts))
            out.append(f'<tr><th scope="row">{html.escape(label)}</th>{cells}</tr>')
        out.append("</tbody></table>")
    misses = [(row, result) for row, result in zip(rows, results)
              if (row.get("category") and row["category"] != result.category)
              or (row.get("safeguarding") is True and not result.safeguarding)]
    out.append(f"<h2>Category errors and missed disclosures ({len(misses)})</h2>")
    if misses:
        out.append('<table><caption>First 100, text cut to 160 characters</caption><thead><tr>'
                   '<th scope="col">Text</th><th scope="col">Label</th><th scope="col">Triage</th>'
                   '<th scope="col">Safeguarding (label / triage)</th></tr></thead><tbody>')
        for row, result in misses[:100]:
            text = row["text"] if len(row["text"]) <= 160 else row["text"][:157] + "..."
            out.append(f'<tr><td class="text">{html.escape(text)}</td><td>{_cell(row.get("category"))}</td>'
                       f"<td>{_cell(result.category)}</td><td>{_cell(row.get('safeguarding'))} / "
                       f"{_cell(result.safeguarding)}</td></tr>")
        out.append("</tbody></table>")
    out.append("</main></body></html>")
    return "\n".join(out)
