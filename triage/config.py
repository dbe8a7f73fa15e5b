"""Where triage finds its configuration, labels, corpus and model artefact."""
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SOURCES_DIR = DATA_DIR / "sources"
TRAIN_FILE = DATA_DIR / "train.jsonl"
TEST_FILE = DATA_DIR / "test.jsonl"
ARTEFACT_NAME = "model.joblib"
METRICS_NAME = "metrics.json"

HEADS = ("category", "complaint_type", "service_area", "safeguarding", "advocate_requested", "complainant_role")


def config_dir() -> Path:
    """Return the config folder: $INTAKE_CONFIG_DIR, or the repository's config/."""
    return Path(os.environ.get("INTAKE_CONFIG_DIR") or REPO_ROOT / "config")


def model_dir() -> Path:
    """Return the artefact folder: $TRIAGE_MODEL_DIR, or triage/artefacts/."""
    return Path(os.environ.get("TRIAGE_MODEL_DIR") or PACKAGE_DIR / "artefacts")


@dataclass(frozen=True)
class Taxonomy:
    """Label ids for each head, exactly as config/taxonomy.yaml spells them, with their display names."""

    categories: dict[str, str]
    complaint_types: dict[str, str]
    service_areas: dict[str, str]
    complainant_roles: dict[str, str]

    def ids(self, head: str) -> tuple[str, ...]:
        """Return the label ids of a head (booleans for the two yes/no heads)."""
        return {"category": tuple(self.categories), "complaint_type": tuple(self.complaint_types),
                "service_area": tuple(self.service_areas), "complainant_role": tuple(self.complainant_roles),
                "safeguarding": ("False", "True"), "advocate_requested": ("False", "True")}[head]

    def name(self, head: str, label: str) -> str:
        """Return the display name of a label, without any explanation after a colon."""
        names = {"category": self.categories, "complaint_type": self.complaint_types,
                 "service_area": self.service_areas, "complainant_role": self.complainant_roles}.get(head, {})
        return str(names.get(label, label)).split(":")[0].split(" (")[0]


@dataclass(frozen=True)
class Settings:
    """Thresholds and training options from config/triage.yaml."""

    thresholds: dict[str, float]
    safeguarding_model_threshold: float
    advocate_model_threshold: float
    role_model_threshold: float
    formal_rule_max_out_of_scope: float
    seed: int
    augment_share: float
    test_share: float


def _read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


@lru_cache(maxsize=8)
def _taxonomy(path: str) -> Taxonomy:
    raw = _read_yaml(Path(path))
    return Taxonomy(categories=dict(raw["categories"]), complaint_types=dict(raw["complaint_types"]),
                    service_areas=dict(raw["service_areas"]), complainant_roles=dict(raw["complainant_roles"]))


def load_taxonomy() -> Taxonomy:
    """Load label ids from taxonomy.yaml in the config folder (cached per path)."""
    return _taxonomy(str(config_dir() / "taxonomy.yaml"))


@lru_cache(maxsize=8)
def _settings(path: str) -> Settings:
    raw = _read_yaml(Path(path)) if Path(path).exists() else {}
    thresholds = {"category": 0.5, "complaint_type": 0.35, "service_area": 0.4, "complainant_role": 0.5}
    thresholds.update({key: float(value) for key, value in (raw.get("review_thresholds") or {}).items()})
    model = raw.get("model") or {}
    training = raw.get("training") or {}
    return Settings(
        thresholds=thresholds,
        safeguarding_model_threshold=float(model.get("safeguarding_threshold", 0.6)),
        advocate_model_threshold=float(model.get("advocate_threshold", 0.5)),
        role_model_threshold=float(model.get("complainant_role_threshold", 0.5)),
        formal_rule_max_out_of_scope=float(model.get("formal_request_max_out_of_scope", 0.5)),
        seed=int(training.get("seed", 20220908)),
        augment_share=float(training.get("augment_share", 0.35)),
        test_share=float(training.get("test_share", 0.2)),
    )


def load_settings() -> Settings:
    """Load thresholds and training options from triage.yaml in the config folder (cached per path)."""
    return _settings(str(config_dir() / "triage.yaml"))
