"""`make run`'s email catcher, the Procfile's `mail` process: it listens where development email goes,
writes each message to a file, and prints nothing (message bodies hold people's words)."""
import os
import shlex
import smtplib
import socket
import subprocess
import sys
import time
from email.message import EmailMessage

import pytest

from intake_web.settings import PROJECT_ROOT, Config
from tests.fakes import free_port


def _mail_process() -> list[str]:
    for line in (PROJECT_ROOT / "Procfile").read_text().splitlines():
        if line.startswith("mail:"):
            return shlex.split(line.removeprefix("mail:"))
    raise AssertionError("the Procfile has no mail process")


def _wait_for_port(port: int, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


def test_the_catcher_listens_where_development_email_goes():
    if os.environ.get("SMTP_HOST") or os.environ.get("SMTP_PORT"):
        pytest.skip("SMTP_HOST or SMTP_PORT is set in this environment")
    command = _mail_process()
    assert command[command.index("-l") + 1] == f"{Config.SMTP_HOST}:{Config.SMTP_PORT}"
    assert command[-1] == "var/mail"


def test_the_catcher_writes_each_message_to_a_file_and_prints_nothing(tmp_path):
    command = _mail_process()
    port = free_port()
    command[0] = sys.executable
    command[command.index("-l") + 1] = f"127.0.0.1:{port}"
    command[-1] = str(tmp_path / "mail")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for_port(port)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "service@example.gov.uk", "team@example.gov.uk", "New"
        message.set_content("My foster carer shouts at me.")
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
            smtp.send_message(message)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    [saved] = (tmp_path / "mail" / "new").iterdir()
    assert "My foster carer shouts at me." in saved.read_text()
    assert "shouts" not in output and "team@example.gov.uk" not in output
