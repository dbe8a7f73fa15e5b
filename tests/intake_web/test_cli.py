def test_due_date_command_prints_iso_date_over_christmas(app):
    result = app.test_cli_runner().invoke(args=["due-date", "stage_one", "2026-12-18"])
    assert result.exit_code == 0
    assert result.output.strip() == "2027-01-06"


def test_due_date_command_uses_extended_timescale_when_asked(app):
    result = app.test_cli_runner().invoke(args=["due-date", "stage_two", "2026-11-02", "--extended"])
    assert result.output.strip() == "2027-02-04"


def test_due_date_command_explains_a_date_it_cannot_read(app):
    result = app.test_cli_runner().invoke(args=["due-date", "stage_one", "18/12/2026"])
    assert result.exit_code != 0
    assert "write it as YYYY-MM-DD" in result.output


def test_due_date_command_lists_stages_when_stage_is_unknown(app):
    result = app.test_cli_runner().invoke(args=["due-date", "stage_nine", "2026-12-18"])
    assert result.exit_code != 0
    assert "stage_three_panel" in result.output


def test_due_date_command_refuses_extension_for_concern(app):
    result = app.test_cli_runner().invoke(args=["due-date", "concern", "2026-12-18", "--extended"])
    assert result.exit_code != 0
    assert "can be extended" in result.output
