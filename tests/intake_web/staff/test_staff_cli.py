"""Console commands: creating users and exporting officers' corrections for training."""
import json

import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import StaffUser
from intake_web.staff.auth import verify_password
from tests.intake_web.staff.staff_factories import create_case, post_form


def _user(email):
    return db.session.scalar(sa.select(StaffUser).where(StaffUser.email == email))


def test_first_administrator_is_created_from_the_command_line(app, client):
    result = app.test_cli_runner().invoke(args=["users", "create", "--role", "admin", "Boss@Example.gov.uk"],
                                          input="a long enough password\na long enough password\n")
    assert result.exit_code == 0, result.output
    assert "created admin boss@example.gov.uk" in result.output
    user = _user("boss@example.gov.uk")
    assert user.role == "admin" and user.password_hash.startswith("$argon2id$")
    assert verify_password(user, "a long enough password")
    from tests.intake_web.staff.staff_factories import sign_in

    assert sign_in(client, "boss@example.gov.uk", "a long enough password").headers["Location"] == \
        "/staff/admin/users"


def test_create_user_reads_the_password_from_stdin(app):
    result = app.test_cli_runner().invoke(args=["users", "create", "--role", "team_manager", "--team", "graft",
                                                "--name", "Gail", "--password-stdin", "gail@example.gov.uk"],
                                          input="another long password\n")
    assert result.exit_code == 0, result.output
    user = _user("gail@example.gov.uk")
    assert (user.role, user.team, user.name) == ("team_manager", "graft", "Gail")


def test_create_user_explains_mistakes(app):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["users", "create", "--role", "admin", "--password-stdin", "a@example.gov.uk"],
                          input="short\n")
    assert short.exit_code != 0 and "12 characters or more" in short.output
    no_team = runner.invoke(args=["users", "create", "--role", "team_manager", "--password-stdin",
                                  "b@example.gov.uk"], input="long enough password\n")
    assert no_team.exit_code != 0 and "a team manager needs --team" in no_team.output
    bad_email = runner.invoke(args=["users", "create", "--role", "officer", "--password-stdin", "not-an-email"],
                              input="long enough password\n")
    assert bad_email.exit_code != 0 and "is not an email address" in bad_email.output
    runner.invoke(args=["users", "create", "--role", "officer", "--password-stdin", "c@example.gov.uk"],
                  input="long enough password\n")
    again = runner.invoke(args=["users", "create", "--role", "officer", "--password-stdin", "c@example.gov.uk"],
                          input="long enough password\n")
    assert again.exit_code != 0 and "already an account" in again.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StaffUser)) == 1


def test_set_password_and_list_users(app):
    runner = app.test_cli_runner()
    runner.invoke(args=["users", "create", "--role", "officer", "--password-stdin", "d@example.gov.uk"],
                  input="long enough password\n")
    result = runner.invoke(args=["users", "set-password", "--password-stdin", "d@example.gov.uk"],
                           input="a different password\n")
    assert result.exit_code == 0, result.output
    assert verify_password(_user("d@example.gov.uk"), "a different password")
    listing = runner.invoke(args=["users", "list"])
    assert "d@example.gov.uk\tofficer\t-\tactive" in listing.output


def test_export_corrections_writes_training_examples_without_names_or_contact_details(app, officer_client,
                                                                                       tmp_path):
    item = create_case(narrative="The IRO never listened to my son at his review.", channel="phone",
                       complainant_name="Kerry Smith", contact_email="kerry@example.com", contact_method="email",
                       consent_to_contact=True, child_name="Jayden", do_not_share=True, advocate_requested=True)
    triage = {"category": "stage_one", "complaint_type": "staff_attitude", "service_area": "safeguarding_reviewing",
              "complainant_role": "parent_or_carer", "safeguarding": "no"}
    post_form(officer_client, f"/staff/cases/{item.reference}/triage", {**triage, "service_area": "graft"})
    post_form(officer_client, f"/staff/cases/{item.reference}/triage", triage)  # the newest correction wins
    create_case()  # never corrected: not an example
    path = tmp_path / "corrections.jsonl"
    result = app.test_cli_runner().invoke(args=["triage", "export-corrections", str(path)])
    assert result.exit_code == 0, result.output
    assert "wrote 1 labelled example to" in result.output
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    example = json.loads(lines[0])
    assert example == {"text": "The IRO never listened to my son at his review.", "channel": "phone",
                       "category": "stage_one", "complaint_type": "staff_attitude",
                       "service_area": "safeguarding_reviewing", "safeguarding": False,
                       "advocate_requested": True, "complainant_role": "parent_or_carer"}
    for secret in ("Kerry", "kerry@example.com", "Jayden"):
        assert secret not in lines[0]


def test_exported_corrections_pass_the_triage_librarys_own_checks(app, officer_client, tmp_path):
    from triage.train import load_training_rows

    item = create_case(narrative="Thank you to Sam for all the help", category="compliment", complaint_type=None)
    post_form(officer_client, f"/staff/cases/{item.reference}/triage", {
        "category": "compliment", "complaint_type": "delay", "service_area": "fostering_adoption",
        "complainant_role": "", "safeguarding": "no"})
    path = tmp_path / "corrections.jsonl"
    assert app.test_cli_runner().invoke(args=["triage", "export-corrections", str(path)]).exit_code == 0
    [row] = load_training_rows(train_file=path)
    assert row["category"] == "compliment" and row["complaint_type"] is None
