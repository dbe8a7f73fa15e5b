"""Custom actions for the children's social care feedback assistant (rasa-sdk 3.6).

    actions.py        the actions the stories and rules name (coordination only)
    validation.py     the forms' validators (one class per form)
    intake_client.py  the one client of the intake service's API, behind the outbox
    outbox.py         a durable SQLite outbox: nothing a young person sends is lost
    parsing.py        pure helpers: yes/no, contact details, references
    submission.py     builds API payloads from the conversation's slots
    settings.py       environment variables and the council's YAML (contact numbers)

Run the action server with `python -m actions` from bot/ (see __main__.py).
"""
