"""Build the model artefact from the training split (and any officers' corrections)."""
import json
import os
import time
from functools import partial
from pathlib import Path

import sklearn

from triage.config import METRICS_NAME, TEST_FILE, TRAIN_FILE, load_settings, load_taxonomy, model_dir
from triage.corpus import label_counts, read_jsonl, validate
from triage.evaluate import evaluate_rows
from triage.model import TriageModel, model_version
from triage.predict import clear_cache, triage_text


def load_training_rows(train_file: Path = TRAIN_FILE, includes: tuple[Path, ...] = ()) -> list[dict]:
    """Read the training split plus extra labelled files, validating every label against the taxonomy."""
    taxonomy = load_taxonomy()
    rows = []
    for path in (train_file, *includes):
        for number, row in enumerate(read_jsonl(path), start=1):
            validate(row, taxonomy, where=f"{path}:{number}")
            rows.append(row)
    return rows


def train(*, train_file: Path = TRAIN_FILE, includes: tuple[Path, ...] = (), out_dir: Path | None = None,
          seed: int | None = None, test_file: Path | None = TEST_FILE) -> dict:
    """Train, save the artefact and metrics.json into `out_dir`, and return the metrics."""
    settings = load_settings()
    seed = settings.seed if seed is None else seed
    out_dir = Path(out_dir or model_dir())
    started = time.perf_counter()
    rows = load_training_rows(train_file, tuple(Path(p) for p in includes))
    model = TriageModel.fit(rows, seed=seed)
    train_seconds = round(time.perf_counter() - started, 2)
    model.meta = {"model_version": model_version(rows, seed), "seed": seed, "n_train": len(rows),
                  "sklearn_version": sklearn.__version__, "train_seconds": train_seconds}
    out_dir.mkdir(parents=True, exist_ok=True)
    # Write beside the final name, then rename: a process loading the model never sees half a file.
    staging = out_dir / ".staging"
    path = model.save(staging)
    os.replace(path, out_dir / path.name)
    staging.rmdir()
    clear_cache()

    report = {**model.meta, "includes": [str(p) for p in includes], "train_label_counts": label_counts(rows)}
    if test_file is not None and Path(test_file).exists():
        test_rows = list(read_jsonl(test_file))
        metrics, _ = evaluate_rows(test_rows, partial(triage_text, model=model))
        report["test_file"] = str(test_file)
        report["test_metrics"] = metrics
    (out_dir / METRICS_NAME).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report
