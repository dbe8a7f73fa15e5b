"""Logging that keeps personal data out.

Code logs ids, references and error types, never what a person wrote or their
contact details. Werkzeug's request line is kept, but without the query string,
which could carry a search term typed by an officer.
"""
import logging


class _DropQueryString(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "werkzeug" and isinstance(record.args, tuple) and record.args:
            first = record.args[0]
            if isinstance(first, str) and "?" in first:
                record.args = (first.split("?", 1)[0] + " [query removed]",) + record.args[1:]
        return True


def init_logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").addFilter(_DropQueryString())
