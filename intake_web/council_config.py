"""The council's editable settings, read from the YAML files in config/.

Everything a council might change without a developer (team names and inboxes,
contact numbers, timescales, the label taxonomy) lives there; this module loads
it once per application and checks that the files agree with each other.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PLACEHOLDER_OUT_OF_HOURS = "01632 960 999"


@dataclass(frozen=True)
class Team:
    service_area: str
    name: str
    inbox: str
    manager_email: str


@dataclass(frozen=True)
class CouncilConfig:
    council: dict[str, Any]
    taxonomy: dict[str, dict[str, str]]
    teams: dict[str, Team]
    timescales: dict[str, Any]
    messages: dict[str, Any]
    config_dir: Path

    @property
    def contacts(self) -> dict[str, str]:
        return self.council["contacts"]

    def label(self, group: str, label_id: str | None) -> str:
        """Return the human label for a taxonomy id, or the id itself if unknown."""
        if label_id is None:
            return ""
        return self.taxonomy.get(group, {}).get(label_id, label_id)

    def team_for(self, service_area: str | None) -> Team | None:
        return self.teams.get(service_area) if service_area else None


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_council_config(config_dir: Path) -> CouncilConfig:
    """Load and cross-check config/*.yaml; raise ValueError naming any mismatch."""
    config_dir = Path(config_dir)
    taxonomy = _read_yaml(config_dir / "taxonomy.yaml")
    raw_teams = _read_yaml(config_dir / "teams.yaml")
    unknown = set(raw_teams) - set(taxonomy["service_areas"])
    missing = set(taxonomy["service_areas"]) - set(raw_teams)
    if unknown or missing:
        raise ValueError(
            f"config/teams.yaml must have one team for each service area in taxonomy.yaml "
            f"(unknown: {sorted(unknown)}, missing: {sorted(missing)})"
        )
    teams = {area: Team(service_area=area, **values) for area, values in raw_teams.items()}
    return CouncilConfig(
        council=_read_yaml(config_dir / "council.yaml"),
        taxonomy=taxonomy,
        teams=teams,
        timescales=_read_yaml(config_dir / "timescales.yaml"),
        messages=_read_yaml(config_dir / "messages.yaml"),
        config_dir=config_dir,
    )
