"""Fixed values the code relies on. Label ids come from config/taxonomy.yaml."""

CHANNELS = ("web", "sms", "chat", "phone", "email", "staff")

# What the person said they wanted to tell us, before any triage.
FEEDBACK_KINDS = ("something_wrong", "something_good", "advocate", "not_sure")

CONTACT_METHODS = ("email", "sms", "phone", "post", "none")

# The statutory procedure, in order. A concern sits before the statutory stages.
STAGES = ("concern", "stage_one", "stage_two", "stage_three", "ombudsman")

# Clock names accepted by the due-date calculation and the `due-date` CLI.
CLOCKS = ("concern", "stage_one", "stage_two", "stage_three_panel", "stage_three_report", "stage_three_response")

# Status of a feedback item as a case.
STATUS_RECEIVED = "received"
STATUS_FOR_TRIAGE = "for-triage"
STATUS_OPEN = "open"
STATUS_CLOSED = "closed"
STATUSES = (STATUS_RECEIVED, STATUS_FOR_TRIAGE, STATUS_OPEN, STATUS_CLOSED)
OPEN_STATUSES = (STATUS_RECEIVED, STATUS_FOR_TRIAGE, STATUS_OPEN)

# Triage bookkeeping.
TRIAGE_PENDING = "pending"
TRIAGE_DONE = "done"
TRIAGE_FAILED = "failed"

REFERENCE_PREFIX = "CF"

# Audit actors that are not a signed-in member of staff.
ACTOR_PUBLIC = "public"
ACTOR_API = "api"
ACTOR_SYSTEM = "system"

# What became of a chat message or text from a person (chat_message / inbound_sms.relay_status):
# stored, answered by the assistant, or kept for the officers because the assistant was down.
RELAY_RECEIVED, RELAY_RELAYED, RELAY_KEPT = "received", "relayed", "kept"
