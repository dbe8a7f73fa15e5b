"""Words the web application itself says in the chat and by text, when the assistant cannot.

They follow the assistant's rules (bot/domain.yml): short, and easy to read for a
9-year-old. tests/intake_web/chat/test_chat_messages.py checks them.
"""

# Rasa (the assistant) is down: the message is kept for the officers.
ASSISTANT_DOWN = ("Sorry, our chat helper is not working right now. We have kept your message, "
                  "and a person will read it.")
ASSISTANT_DOWN_WEB_FORM = "You can also use our web form. Go to {web_form_url}"
# The same, when the chat page opens and nothing has been sent yet.
ASSISTANT_DOWN_AT_START = ("Sorry, our chat helper is not working right now. "
                           "You can tell us on our web form: {web_form_url}")
# The same, by text message (one short message with the web form's address).
SMS_ASSISTANT_DOWN = ("Sorry, our text helper is not working right now. We have kept your message, and a person "
                      "will read it. You can also use our web form: {web_form_url}")
# Rasa is down and the message discloses danger: the safety numbers come first.
SAFETY_NUMBERS = ("If you are in danger now, call {emergency_phone}. You can call Childline free on "
                  "{childline_phone}. Out of hours, call our team on {out_of_hours_phone}. We are telling a "
                  "person now.")
# A picture or an empty text.
SMS_NO_WORDS = "Sorry, I can only read words. Please send your message as text."
# How numbered choices are offered by text.
SMS_CHOICES_HINT = "Reply with a number, or type your answer."
TOO_LONG = "That message is too long. Please split it into parts of {limit:,} letters or less."
EMPTY = "Type a message first."
CHAT_ENDED = "This chat has ended. Please start a new one."
