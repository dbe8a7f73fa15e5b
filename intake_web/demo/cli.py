"""`flask --app intake_web demo ...`: fill a development database with the demo dataset."""
import click
from flask import current_app

from intake_web.demo import SEED_COUNTS


@click.group("demo")
def demo_group() -> None:
    """Synthetic demo data (never in production)."""


@demo_group.command("load")
@click.option("--replace", is_flag=True, help="Delete every existing case first (asks to confirm).")
@click.option("--yes", is_flag=True, help="Do not ask to confirm --replace.")
@click.option("--seed", "random_seed", default=2022, show_default=True, help="Random seed: same seed, same cases.")
def load_command(replace: bool, yes: bool, random_seed: int) -> None:
    """Fill the database with synthetic cases whose counts match the published 2021/22 report."""
    from intake_web.demo.loader import case_store_is_empty, load_demo, wipe_case_store

    if current_app.config.get("ENVIRONMENT") == "production":
        raise click.UsageError("demo data is never loaded in production")
    if not case_store_is_empty():
        if not replace:
            raise click.UsageError("the database already has cases: add --replace to delete them and load the demo")
        if not yes:
            click.confirm("Delete every case in this database and load the demo data?", abort=True)
        wipe_case_store()
    written = load_demo(SEED_COUNTS, random_seed=random_seed)
    click.echo(f"Loaded {written:,} demo cases (2015/16 to 2021/22, plus a few open cases now).")
    click.echo("To see them in the console (/staff/), create an account if you have none:")
    click.echo("  flask --app intake_web users create you@example.gov.uk --role officer --password-stdin")
    click.echo("Generate the 2021/22 report from them:")
    click.echo("  flask --app intake_web report annual --year 2021 --out var/report "
               f"--compare-with {SEED_COUNTS.relative_to(SEED_COUNTS.parents[2])}")
