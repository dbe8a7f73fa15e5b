"""Command line: python -m triage {train,classify,evaluate,bench,corpus}."""
import argparse
import json
import sys
from pathlib import Path

from triage.errors import CorpusError, ModelNotBuilt


def _print(data) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _train(args) -> int:
    from triage.train import train

    report = train(includes=tuple(args.include or ()), out_dir=args.out, seed=args.seed)
    summary = {key: report[key] for key in ("model_version", "n_train", "seed", "train_seconds")}
    if "test_metrics" in report:
        metrics = report["test_metrics"]
        summary["test"] = {key: metrics[key] for key in (
            "n", "category_macro_f1", "complaint_type_macro_f1", "service_area_accuracy",
            "service_area_top3_accuracy", "safeguarding_recall", "safeguarding_precision", "advocate_recall",
            "advocate_precision", "complainant_role_accuracy")}
    _print(summary)
    return 0


def _classify(args) -> int:
    import triage

    result = triage.triage(args.text, channel=args.channel, complainant_role=args.role,
                           formal_complaint=args.formal_complaint)
    _print(result.to_dict())
    return 0


def _evaluate(args) -> int:
    import triage
    from triage.evaluate import evaluate_file, render_html

    metrics, rows, results = evaluate_file(Path(args.file), triage.triage)
    if args.report:
        Path(args.report).write_text(render_html(metrics, rows, results, Path(args.file).name), encoding="utf-8")
    _print(metrics)
    return 0


def _bench(args) -> int:
    from triage.bench import bench

    _print(bench(n=args.n, retrain=args.train))
    return 0


def _corpus(args) -> int:
    from triage.config import TEST_FILE, TRAIN_FILE
    from triage.corpus import build_split, label_counts, read_jsonl

    if args.counts:
        rows = list(read_jsonl(TRAIN_FILE)) + list(read_jsonl(TEST_FILE))
        _print({"all": label_counts(r for r in rows if not r.get("augmented")),
                "test": label_counts(read_jsonl(TEST_FILE))})
        return 0
    _print(build_split())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m triage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser("train", help="train the model from triage/data/train.jsonl and save the artefact")
    train.add_argument("--include", action="append", type=Path, metavar="FILE.jsonl",
                       help="extra labelled examples (officers' corrections), added to training only; repeatable")
    train.add_argument("--out", type=Path, help="artefact folder (default $TRIAGE_MODEL_DIR or triage/artefacts)")
    train.add_argument("--seed", type=int, help="random seed (default from config/triage.yaml)")
    train.set_defaults(run=_train)

    classify = commands.add_parser("classify", help="triage one text and print the result as JSON")
    classify.add_argument("text")
    classify.add_argument("--channel", help="web, sms, chat, phone, email or staff")
    classify.add_argument("--role", help="complainant role id, if the person gave it")
    classify.add_argument("--formal-complaint", action="store_true", help="the person ticked 'formal complaint'")
    classify.set_defaults(run=_classify)

    evaluate = commands.add_parser("evaluate", help="score triage against a labelled JSONL file")
    evaluate.add_argument("file", metavar="FILE.jsonl")
    evaluate.add_argument("--report", metavar="FILE.html", help="also write a self-contained HTML report")
    evaluate.set_defaults(run=_evaluate)

    bench = commands.add_parser("bench", help="print latency p50/p99, items per second and training time")
    bench.add_argument("--n", type=int, default=1000, help="number of single-item calls to time")
    bench.add_argument("--train", action="store_true", help="also time a fresh training run")
    bench.set_defaults(run=_bench)

    corpus = commands.add_parser("corpus", help="rebuild train.jsonl and test.jsonl from triage/data/sources")
    corpus.add_argument("--counts", action="store_true", help="only print label counts of the current split")
    corpus.set_defaults(run=_corpus)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (ModelNotBuilt, CorpusError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
