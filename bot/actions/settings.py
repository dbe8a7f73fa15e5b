"""Settings for the action server: environment variables and the council's own YAML.

Contact numbers and timescales come from config/council.yaml and
config/timescales.yaml, the same files the web application reads, so a council
changes a number in one place and no model needs retraining.
"""
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BotSettings:
    intake_api_url: str
    intake_api_token: str
    outbox_path: Path
    outbox_retry_seconds: float
    config_dir: Path


def bot_settings() -> BotSettings:
    """Read the settings from the environment (not cached: tests change them)."""
    return BotSettings(
        intake_api_url=os.environ.get("INTAKE_API_URL", "http://127.0.0.1:5000").rstrip("/"),
        intake_api_token=os.environ.get("INTAKE_API_TOKEN", "development-api-token"),
        outbox_path=Path(os.environ.get("BOT_OUTBOX_PATH", REPO_ROOT / "var" / "bot_outbox.sqlite3")),
        outbox_retry_seconds=float(os.environ.get("BOT_OUTBOX_RETRY_SECONDS", "30")),
        config_dir=Path(os.environ.get("INTAKE_CONFIG_DIR", REPO_ROOT / "config")),
    )


@lru_cache(maxsize=4)
def _load_council(config_dir: str) -> dict:
    directory = Path(config_dir)
    with (directory / "council.yaml").open(encoding="utf-8") as handle:
        council = yaml.safe_load(handle)
    with (directory / "timescales.yaml").open(encoding="utf-8") as handle:
        timescales = yaml.safe_load(handle)
    return {"council": council, "timescales": timescales}


def council_values() -> dict:
    """Return the values responses may use: phone numbers, email, website, timescales."""
    loaded = _load_council(str(bot_settings().config_dir))
    contacts = loaded["council"]["contacts"]
    timescales = loaded["timescales"]
    return {
        "emergency_phone": contacts["emergency_phone"],
        "childline_phone": contacts["childline_phone"],
        "out_of_hours_phone": contacts["out_of_hours_phone"],
        "complaints_phone": contacts["complaints_phone"],
        "complaints_email": contacts["complaints_email"],
        "website": contacts["website"],
        "concern_days": timescales["concern"],
        "stage_one_days": timescales["stage_one"],
        "stage_one_extended_days": timescales["stage_one_extended"],
    }
