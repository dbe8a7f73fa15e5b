"""The labelled corpus: size, coverage of every label, and a test split training never sees."""
from triage.config import TEST_FILE, TRAIN_FILE, load_taxonomy
from triage.corpus import LABEL_KEYS, load_sources, read_jsonl, validate

MIN_PER_LABEL = 40


def test_corpus_has_enough_examples_of_every_label_when_counted():
    examples = load_sources()
    assert len(examples) >= 1200
    taxonomy = load_taxonomy()
    for head in ("category", "complaint_type", "service_area", "complainant_role"):
        for label in taxonomy.ids(head):
            count = sum(example[head] == label for example in examples)
            assert count >= MIN_PER_LABEL, f"{head}={label} has {count}"
    for head in ("safeguarding", "advocate_requested"):
        assert sum(example[head] for example in examples) >= MIN_PER_LABEL


def test_split_files_match_the_sources_when_compared():
    sources = {example["id"] for example in load_sources()}
    train = [row for row in read_jsonl(TRAIN_FILE) if not row["augmented"]]
    test = list(read_jsonl(TEST_FILE))
    assert {row["id"] for row in train} | {row["id"] for row in test} == sources


def test_training_split_shares_nothing_with_test_split_when_variants_are_included():
    test_ids = {row["id"] for row in read_jsonl(TEST_FILE)}
    test_texts = {row["text"] for row in read_jsonl(TEST_FILE)}
    for row in read_jsonl(TRAIN_FILE):
        assert row["id"].rstrip("v") not in test_ids
        assert row["text"] not in test_texts


def test_every_line_has_all_label_keys_and_valid_labels_when_read():
    taxonomy = load_taxonomy()
    for path in (TRAIN_FILE, TEST_FILE):
        for row in read_jsonl(path):
            assert all(key in row for key in LABEL_KEYS + ("text", "channel"))
            validate(row, taxonomy, where=str(path))
