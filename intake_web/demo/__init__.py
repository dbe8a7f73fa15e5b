"""Demo data: a realistic, synthetic case store whose counts are those of the published 2021/22 report.

    flask --app intake_web demo load          fill an empty database (refused in production)

seed_counts.yaml holds the published figures, generator.py turns them into cases (deterministic:
the same seed always gives the same cases) and loader.py writes them to the database.
"""
from pathlib import Path

SEED_COUNTS = Path(__file__).with_name("seed_counts.yaml")
