"""The labelled corpus: parse the hand-written sources, split them once, and read the JSONL files.

The split is by a hash of each example's text, so it never changes when examples are added
elsewhere: an example in test.jsonl stays there. Typo and slang variants are made only from
training examples, so nothing derived from a test example can reach training.
"""
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from triage.config import SOURCES_DIR, TEST_FILE, TRAIN_FILE, Taxonomy, load_settings, load_taxonomy
from triage.errors import CorpusError

LABEL_KEYS = ("category", "complaint_type", "service_area", "safeguarding", "advocate_requested", "complainant_role")

CATEGORY_CODES = {"concern": "concern", "s1": "stage_one", "esc": "escalation", "comp": "compliment",
                  "oos": "out_of_scope"}
TYPE_CODES = {"dec": "unwelcome_decision", "acm": "assessment_care_management", "att": "staff_attitude",
              "qos": "quality_of_service", "del": "delay", "dos": "delivery_of_service", "qc": "quantity_cost"}
AREA_CODES = {"ai": "assessment_intervention", "ccp": "court_child_protection", "cic": "children_in_care_new_futures",
              "ifd": "integrated_front_door", "fa": "fostering_adoption", "cds": "childrens_disability",
              "cs": "contact_services", "sr": "safeguarding_reviewing", "ru": "residential_units", "graft": "graft"}
ROLE_CODES = {"yp": "child_or_young_person", "par": "parent_or_carer", "fc": "foster_carer", "cl": "care_leaver",
              "sgo": "special_guardian", "adopt": "adoption", "other": "other"}
CHANNELS = ("web", "sms", "chat", "phone", "email", "staff")
INFORMAL_CHANNELS = ("chat", "sms")


def _code(table: dict[str, str], code: str, where: str) -> str | None:
    if code == "-":
        return None
    if code not in table:
        raise CorpusError(f"{where}: unknown code {code!r}")
    return table[code]


def parse_source(path: Path) -> list[dict]:
    """Parse one hand-written source file into labelled examples."""
    examples: list[dict] = []
    channel = "web"
    header: dict | None = None
    lines: list[str] = []

    def flush() -> None:
        if header is not None:
            text = "\n".join(lines).strip()
            if not text:
                raise CorpusError(f"{header['_where']}: example has no text")
            examples.append({**{k: v for k, v in header.items() if k != "_where"}, "text": text})

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{number}"
        if line.startswith("%%"):
            flush()
            fields = line[2:].split()
            if len(fields) < 4:
                raise CorpusError(f"{where}: header needs CATEGORY TYPE AREA ROLE")
            flags = fields[4:]
            own_channel = next((flag[1:] for flag in flags if flag.startswith("@")), channel)
            if own_channel not in CHANNELS:
                raise CorpusError(f"{where}: unknown channel {own_channel!r}")
            unknown = [flag for flag in flags if not flag.startswith("@") and flag not in ("SG", "ADV")]
            if unknown:
                raise CorpusError(f"{where}: unknown flags {unknown}")
            header = {
                "_where": where, "voice": path.stem, "channel": own_channel,
                "category": _code(CATEGORY_CODES, fields[0], where),
                "complaint_type": _code(TYPE_CODES, fields[1], where),
                "service_area": _code(AREA_CODES, fields[2], where),
                "complainant_role": _code(ROLE_CODES, fields[3], where),
                "safeguarding": "SG" in flags, "advocate_requested": "ADV" in flags,
            }
            lines = []
        elif header is None:
            match = re.match(r"#\s*channel:\s*(\w+)", line)
            if match:
                channel = match.group(1)
        else:
            lines.append(line)
    flush()
    return examples


def validate(example: dict, taxonomy: Taxonomy, where: str = "") -> None:
    """Raise CorpusError unless every label of `example` is a taxonomy id (or null where allowed)."""
    if not str(example.get("text") or "").strip():
        raise CorpusError(f"{where}: empty text")
    allowed = {"category": taxonomy.categories, "complaint_type": taxonomy.complaint_types,
               "service_area": taxonomy.service_areas, "complainant_role": taxonomy.complainant_roles}
    for key, ids in allowed.items():
        value = example.get(key)
        if value is not None and value not in ids:
            raise CorpusError(f"{where}: {key} {value!r} is not in taxonomy.yaml")
    for key in ("safeguarding", "advocate_requested"):
        if example.get(key) is not None and not isinstance(example[key], bool):
            raise CorpusError(f"{where}: {key} must be true, false or null")
    if example.get("category") in ("compliment", "out_of_scope") and example.get("complaint_type"):
        raise CorpusError(f"{where}: compliments and out-of-scope items have no complaint type")


def example_id(text: str) -> str:
    """Return a stable id for an example: the start of the SHA-256 of its whitespace-normalised text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def in_test_split(text: str, test_share: float) -> bool:
    """True when the example belongs to the held-out test split (decided by its hash alone)."""
    return int(example_id(text), 16) % 1000 < round(test_share * 1000)


# --- Variants for training only ---------------------------------------------------------------------

_SLANG_SWAPS = (("you", "u"), ("your", "ur"), ("because", "coz"), ("please", "pls"), ("social worker", "sw"),
                ("don't", "dont"), ("do not", "dont"), ("i'm", "im"), ("i am", "im"), ("going to", "gonna"),
                ("want to", "wanna"), ("really", "rly"), ("people", "ppl"), ("thanks", "thx"), ("can't", "cant"),
                ("tonight", "2nite"), ("mum", "mam"), ("isn't", "isnt"), ("before", "b4"), ("to be honest", "tbh"))


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("drop", "swap", "double"))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def make_variant(example: dict, rng: random.Random) -> dict:
    """Return a copy of a training example with light typos, and slang and lower case if it is informal."""
    text = example["text"]
    if example["channel"] in INFORMAL_CHANNELS or example.get("complainant_role") == "child_or_young_person":
        lowered = text.lower()
        for formal, informal in _SLANG_SWAPS:
            if rng.random() < 0.6:
                lowered = re.sub(rf"\b{re.escape(formal)}\b", informal, lowered)
        text = re.sub(r"[.,!']", "", lowered) if rng.random() < 0.5 else lowered
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(words))
        words[position] = _typo(words[position], rng)
    variant = {**example, "text": " ".join(words), "augmented": True}
    variant["id"] = example["id"] + "v"
    return variant


# --- Building and reading the split -----------------------------------------------------------------

def load_sources(sources_dir: Path = SOURCES_DIR) -> list[dict]:
    """Parse every source file, validate labels and give each example its id."""
    taxonomy = load_taxonomy()
    examples, seen = [], {}
    for path in sorted(sources_dir.glob("*.txt")):
        for example in parse_source(path):
            example["id"] = example_id(example["text"])
            if example["id"] in seen:
                raise CorpusError(f"{path.name}: duplicate of an example in {seen[example['id']]}")
            seen[example["id"]] = path.name
            validate(example, taxonomy, where=f"{path.name} {example['id']}")
            examples.append(example)
    return examples


def build_split(sources_dir: Path = SOURCES_DIR, train_file: Path = TRAIN_FILE, test_file: Path = TEST_FILE) -> dict:
    """Write train.jsonl (with variants) and test.jsonl from the sources; return counts."""
    settings = load_settings()
    examples = load_sources(sources_dir)
    train, test = [], []
    for example in examples:
        example["augmented"] = False
        (test if in_test_split(example["text"], settings.test_share) else train).append(example)
    variants = []
    for example in train:
        rng = random.Random(f"{settings.seed}-{example['id']}")
        if rng.random() < settings.augment_share:
            variants.append(make_variant(example, rng))
    write_jsonl(train_file, train + variants)
    write_jsonl(test_file, test)
    return {"sources": len(examples), "train": len(train), "train_variants": len(variants), "test": len(test)}


_KEY_ORDER = ("id", "voice", "channel", "text") + LABEL_KEYS + ("augmented",)


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    """Write rows as JSON lines with a stable key order."""
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            ordered = {key: row.get(key) for key in _KEY_ORDER if key in row}
            handle.write(json.dumps(ordered, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> Iterator[dict]:
    """Yield one dict per non-empty line of a JSONL file."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise CorpusError(f"{path}:{number}: not valid JSON ({error.msg})") from None


def label_counts(rows: Iterable[dict]) -> dict[str, dict[str, int]]:
    """Count examples per label of every head (null labels counted as 'null')."""
    counts: dict[str, Counter] = {key: Counter() for key in LABEL_KEYS}
    for row in rows:
        for key in LABEL_KEYS:
            counts[key][str(row.get(key)) if row.get(key) is not None else "null"] += 1
    return {key: dict(sorted(counter.items())) for key, counter in counts.items()}
