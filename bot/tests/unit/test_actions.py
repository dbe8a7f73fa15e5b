import asyncio

import pytest
from rasa_sdk.events import ActiveLoop, SlotSet

from actions import actions
from actions.intake_client import intake_client
from conftest import load_tracker, make_tracker, responses


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


def message(dispatcher, response):
    return next(m for m in dispatcher.messages if m["response"] == response)


def test_session_start_says_it_is_a_computer_what_it_does_and_who_reads(dispatcher):
    events = run(actions.ActionSessionStart(), dispatcher, make_tracker())
    assert responses(dispatcher) == ["utter_intro_computer", "utter_intro_can_do", "utter_intro_who_reads"]
    assert events[0]["event"] == "session_started"


def test_safeguarding_gives_the_numbers_from_config_and_records_an_urgent_item(dispatcher, fake_api):
    tracker = make_tracker(text="my step dad hits me", intent="safeguarding", sender_id="chat-abc")
    events = run(actions.ActionSafeguarding(), dispatcher, tracker)
    safety = message(dispatcher, "utter_safeguarding")
    assert safety["emergency_phone"] == "999" and safety["childline_phone"] == "0800 1111"
    assert safety["out_of_hours_phone"] == "01632 960 999"
    assert responses(dispatcher)[0] == "utter_safeguarding"
    [posted] = fake_api.posted()
    assert posted["safeguarding"] is True and posted["text"] == "my step dad hits me"
    assert posted["channel"] == "chat" and posted["sender_id"] == "chat-abc"
    assert SlotSet("safeguarding_reported", True) in events
    assert intake_client().outbox.all_items() == []


def test_safeguarding_is_kept_in_the_outbox_when_the_service_is_down(dispatcher, fake_api):
    fake_api.mode = "down"
    run(actions.ActionSafeguarding(), dispatcher, make_tracker(text="i want to die", intent="safeguarding"))
    assert responses(dispatcher)[0] == "utter_safeguarding"
    [kept] = intake_client().outbox.pending()
    assert kept.urgent and kept.payload["safeguarding"] is True


def test_safeguarding_while_asked_what_happened_also_answers_that_question(dispatcher, fake_api):
    tracker = make_tracker(text="my mums boyfriend hits me", intent="safeguarding", active_loop="complaint_form",
                           slots={"requested_slot": "complaint_what_happened"})
    events = run(actions.ActionSafeguarding(), dispatcher, tracker)
    assert SlotSet("complaint_what_happened", "my mums boyfriend hits me") in events


def test_safeguarding_at_another_question_leaves_the_answers_alone(dispatcher, fake_api):
    tracker = make_tracker(text="he hits me", intent="safeguarding", active_loop="complaint_form",
                           slots={"requested_slot": "contact_ok"})
    events = run(actions.ActionSafeguarding(), dispatcher, tracker)
    assert events == [SlotSet("safeguarding_reported", True)]


def test_submit_complaint_sends_the_answers_and_gives_the_reference_and_reply_date(dispatcher, fake_api):
    events = run(actions.ActionSubmitComplaint(), dispatcher, load_tracker("complaint_ready_to_submit"))
    [posted] = fake_api.posted()
    assert posted["text"].startswith("they moved me to a new placement")
    assert "Who or which service it is about: the children in care team" in posted["text"]
    assert posted["channel"] == "chat" and posted["feedback_kind"] == "something_wrong"
    assert posted["advocate_requested"] is True and posted["anonymous"] is False
    assert posted["contact"] == {"method": "email", "email": "jamie.b@example.com"}
    assert posted["desired_outcome"] == "to be asked before decisions are made"
    assert message(dispatcher, "utter_complaint_sent")["reference"] == "CF-2026-00001"
    assert message(dispatcher, "utter_reply_by")["reply_by"] == "6 January 2027"
    assert "utter_sent_to_advocacy" in responses(dispatcher)
    assert SlotSet("complaint_what_happened", None) in events


def test_submit_complaint_by_sms_anonymously_keeps_only_the_sender(dispatcher, fake_api):
    run(actions.ActionSubmitComplaint(), dispatcher, load_tracker("sms_anonymous_complaint"))
    [posted] = fake_api.posted()
    assert posted["channel"] == "sms" and posted["sender_id"] == "+447700900123"
    assert posted["anonymous"] is True and posted["contact"] == {"method": "none"}
    assert posted["desired_outcome"] is None and "Who or which" not in posted["text"]


def test_submit_complaint_says_honestly_when_it_could_not_send(dispatcher, fake_api):
    fake_api.mode = "down"
    run(actions.ActionSubmitComplaint(), dispatcher, load_tracker("complaint_ready_to_submit"))
    assert responses(dispatcher)[:2] == ["utter_saved_not_sent", "utter_saved_no_reference"]
    assert message(dispatcher, "utter_saved_no_reference")["complaints_phone"] == "01472 323372"
    assert len(intake_client().outbox.pending()) == 1


def test_submit_compliment_gives_the_reference(dispatcher, fake_api):
    tracker = make_tracker(slots={"compliment_who": "my key worker", "compliment_what": "she always listens"})
    run(actions.ActionSubmitCompliment(), dispatcher, tracker)
    [posted] = fake_api.posted()
    assert posted["feedback_kind"] == "something_good" and "she always listens" in posted["text"]
    assert message(dispatcher, "utter_compliment_sent")["reference"] == "CF-2026-00001"


def test_advocate_request_without_contact_says_an_advocate_needs_a_way_to_reach_them(dispatcher, fake_api):
    tracker = make_tracker(slots={"advocate_about": "not known", "contact_ok": False})
    run(actions.ActionSubmitAdvocateRequest(), dispatcher, tracker)
    [posted] = fake_api.posted()
    assert posted["advocate_requested"] is True and posted["feedback_kind"] == "advocate"
    assert posted["text"] == "I would like an advocate."
    assert "utter_advocate_needs_contact" in responses(dispatcher)


@pytest.mark.parametrize("status, expected", [
    ({"stage": "stage_one", "closed": False, "next_reply_by": "2027-01-06"}, ["utter_status_stage_one",
                                                                            "utter_status_reply_by"]),
    ({"stage": "concern", "closed": False, "next_reply_by": None}, ["utter_status_concern"]),
    ({"stage": "stage_two", "closed": True, "next_reply_by": None}, ["utter_status_closed"]),
    ({"stage": None, "closed": False, "next_reply_by": None}, ["utter_status_received"]),
])
def test_check_status_says_the_stage_and_reply_date_and_nothing_else(dispatcher, fake_api, status, expected):
    fake_api.statuses[("CF-2026-00042", "+447700900123")] = status
    tracker = make_tracker(slots={"status_reference": "CF-2026-00042"}, sender_id="+447700900123")
    run(actions.ActionCheckStatus(), dispatcher, tracker)
    assert responses(dispatcher) == [*expected, "utter_anything_else"]


def test_check_status_from_another_sender_finds_nothing(dispatcher, fake_api):
    fake_api.statuses[("CF-2026-00042", "+447700900123")] = {"stage": "stage_one"}
    tracker = make_tracker(slots={"status_reference": "CF-2026-00042"}, sender_id="+447700900999")
    run(actions.ActionCheckStatus(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_status_not_found"]


def test_check_status_when_the_service_is_down_says_try_later(dispatcher, fake_api):
    fake_api.mode = "down"
    run(actions.ActionCheckStatus(), dispatcher, make_tracker(slots={"status_reference": "CF-2026-00042"}))
    assert responses(dispatcher) == ["utter_status_unavailable"]


def test_check_status_without_a_reference_gives_the_phone_number(dispatcher):
    run(actions.ActionCheckStatus(), dispatcher, make_tracker(slots={"status_reference": "unknown"}))
    assert responses(dispatcher) == ["utter_status_need_reference"]


@pytest.mark.parametrize("intent, expected", [
    ("ask_what_is_advocate", ["utter_what_is_advocate"]),
    ("ask_how_long", ["utter_how_long"]),
    ("talk_to_person", ["utter_talk_to_person"]),
    ("frustration", ["utter_calm"]),
    ("out_of_scope", ["utter_out_of_scope"]),
    ("nlu_fallback", ["utter_fallback"]),
    ("affirm", ["utter_menu"]),
])
def test_answer_replies_to_each_question(dispatcher, intent, expected):
    run(actions.ActionAnswer(), dispatcher, make_tracker(intent=intent))
    assert responses(dispatcher) == expected


def test_answer_fills_numbers_and_timescales_from_config(dispatcher):
    run(actions.ActionAnswer(), dispatcher, make_tracker(intent="ask_how_long"))
    assert message(dispatcher, "utter_how_long")["stage_one_days"] == 10
    assert message(dispatcher, "utter_how_long")["stage_one_extended_days"] == 20


def test_answer_about_anonymity_by_sms_says_we_can_see_the_number(dispatcher):
    tracker = make_tracker(intent="ask_anonymous", sender_id="+447700900123", metadata={"channel": "sms"})
    run(actions.ActionAnswer(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_anonymous", "utter_anonymous_sms"]


def test_stop_after_a_disclosure_says_it_still_went_to_a_person(dispatcher):
    events = run(actions.ActionStop(), dispatcher, make_tracker(slots={"safeguarding_reported": True}))
    assert responses(dispatcher) == ["utter_stopped_after_safety"]
    assert events[0] == ActiveLoop(None)


def test_read_back_uses_plain_words():
    values = actions.read_back_values({"complaint_what_happened": "x", "complaint_who": "not known",
                                       "advocate_wanted": False, "contact_ok": True, "contact_method": "sms",
                                       "contact_detail": "+447700900123"})
    assert values == {"what_happened": "x", "who": "not sure", "make_better": "not sure",
                      "advocate": "no thanks", "contact": "by text, 07700 900123"}
