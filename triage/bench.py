"""Measure single-item latency, throughput and training time on this machine (a benchmark, not a test)."""
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from triage.config import METRICS_NAME, TEST_FILE, model_dir
from triage.corpus import read_jsonl
from triage.predict import get_model, triage_text


def bench(*, n: int = 1000, warmup: int = 50, retrain: bool = False) -> dict:
    """Time `n` single-item triage() calls over the test texts; optionally time a fresh training too."""
    model = get_model()
    rows = list(read_jsonl(TEST_FILE))
    texts = [(row["text"], row.get("channel")) for row in rows]
    for text, channel in texts[:warmup]:
        triage_text(text, channel=channel, model=model)
    wall, cpu = [], []
    for i in range(n):
        text, channel = texts[i % len(texts)]
        started, started_cpu = time.perf_counter(), time.process_time()
        triage_text(text, channel=channel, model=model)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    seconds, cpu_seconds = np.array(wall), np.array(cpu)
    # Wall-clock time includes waiting for a core when other processes are busy; CPU time
    # is the work one call costs. Both are reported, with the load average at the start.
    report = {
        "items": n, "model_version": model.version, "load_average_1min": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
        "latency_ms_p50": round(float(np.percentile(seconds, 50)) * 1000, 3),
        "latency_ms_p99": round(float(np.percentile(seconds, 99)) * 1000, 3),
        "latency_ms_max": round(float(seconds.max()) * 1000, 3),
        "cpu_ms_p50": round(float(np.percentile(cpu_seconds, 50)) * 1000, 3),
        "cpu_ms_p99": round(float(np.percentile(cpu_seconds, 99)) * 1000, 3),
        "items_per_second": round(n / float(seconds.sum()), 1),
        "mean_text_chars": round(sum(len(t) for t, _ in texts) / len(texts), 1),
    }
    metrics_path = model_dir() / METRICS_NAME
    if metrics_path.exists():
        report["train_seconds_recorded"] = json.loads(metrics_path.read_text(encoding="utf-8")).get("train_seconds")
    if retrain:
        from triage.train import train  # only needed for this option

        with tempfile.TemporaryDirectory() as scratch:
            started = time.perf_counter()
            train(out_dir=Path(scratch), test_file=None)
            report["train_seconds_measured"] = round(time.perf_counter() - started, 2)
    return report
