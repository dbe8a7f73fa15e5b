"""Hold many web-chat conversations against the running stack; print reply latency and memory.

    make run                                   (in another terminal)
    .venv/bin/python benchmarks/chat_load.py   [--url http://127.0.0.1:5000] [--conversations 200]
                                               [--concurrency 8] [--pause SECONDS] [--submit]

Each conversation is a person on /chat: the page (the assistant's hello), then a
question, a complaint told step by step, and a change of mind. By default it ends
with "stop", so the benchmark leaves no cases behind; --submit sends each one
instead (the reply then also covers the intake API and triage).

By default each conversation sends its next message as soon as the reply comes, which
is far harder than people are: --pause gives each person a pause before every message
(random, between half and one and a half times SECONDS), as someone reading and typing
on a phone; with --concurrency equal to --conversations all of them talk at once.

The latency is the time for POST /chat/messages to return the assistant's replies,
which includes the web application, Rasa and the action server. Target: p95 under
200 ms on two cores. A benchmark, not a test: it only reports.
"""
import argparse
import os
import random
import re
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

SCRIPT = [
    "what is an advocate",
    "/complain",
    "my social worker keeps cancelling our visits and nobody tells me why",
    "my social worker",
    "for them to tell me when visits are cancelled",
    "/deny",
    "i want to change my answer",
    '/change_answer{"change_field": "who"}',
    "the contact team",
    "/deny",
]
ENDING = {False: "stop", True: "/affirm"}

# How to recognise each part of the stack among the machine's processes.
PROCESSES = {
    "web (gunicorn)": re.compile(r"gunicorn.*intake_web|flask.*intake_web"),
    "rasa": re.compile(r"rasa run\b"),
    "action server": re.compile(r"-m actions\b|rasa_sdk|rasa run actions"),
}


def conversation(url: str, submit: bool, pause: float, latencies: list[float], errors: list[str],
                 lock: threading.Lock) -> None:
    http = requests.Session()
    try:
        page = http.get(f"{url}/chat", timeout=60)
        sender = re.search(r'data-sender="([^"]+)"', page.text).group(1)
        for text in [*SCRIPT, ENDING[submit]]:
            time.sleep(pause * random.uniform(0.5, 1.5))
            started = time.perf_counter()
            response = http.post(f"{url}/chat/messages", json={"sender": sender, "text": text}, timeout=60)
            elapsed = time.perf_counter() - started
            if response.status_code != 200 or not response.json().get("messages"):
                raise RuntimeError(f"HTTP {response.status_code} for {text!r}")
            with lock:
                latencies.append(elapsed)
    except Exception as error:  # noqa: BLE001 - count it and carry on
        with lock:
            errors.append(f"{type(error).__name__}: {error}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def memory_by_process() -> dict[str, list[tuple[int, int]]]:
    """RSS in MiB of every process of the stack, from /proc (Linux)."""
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in PROCESSES}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            status = (entry / "status").read_text()
        except OSError:
            continue
        rss = re.search(r"VmRSS:\s+(\d+) kB", status)
        for name, pattern in PROCESSES.items():
            if rss and pattern.search(command):
                found[name].append((int(entry.name), int(rss.group(1)) // 1024))
                break
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5000")
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8, help="conversations at the same time")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="mean seconds a person takes before each message (default 0: no pause)")
    parser.add_argument("--submit", action="store_true", help="send each complaint instead of stopping")
    args = parser.parse_args()

    try:
        requests.get(f"{args.url}/healthz", timeout=5).raise_for_status()
    except requests.RequestException as error:
        print(f"The web application is not answering at {args.url} ({error}): start it with `make run`.")
        return 2

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        for _ in range(args.conversations):
            pool.submit(conversation, args.url, args.submit, args.pause, latencies, errors, lock)
    wall = time.perf_counter() - started

    print(f"{args.conversations} conversations, {args.concurrency} at a time, pause {args.pause:g} s, {len(latencies)} replies "
          f"in {wall:.1f} s ({len(latencies) / wall:.1f} replies/s), {len(errors)} failed conversations")
    if latencies:
        print(f"reply latency: p50 {percentile(latencies, 0.50) * 1000:.0f} ms, "
              f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms, "
              f"mean {statistics.mean(latencies) * 1000:.0f} ms (target: p95 under 200 ms)")
    for error in sorted(set(errors))[:5]:
        print(f"  error: {error}")
    print("memory (resident):")
    for name, processes in memory_by_process().items():
        if processes:
            detail = ", ".join(f"pid {pid} {mib} MiB" for pid, mib in processes)
            print(f"  {name}: {sum(mib for _, mib in processes)} MiB ({detail})")
        else:
            print(f"  {name}: not found on this machine")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
