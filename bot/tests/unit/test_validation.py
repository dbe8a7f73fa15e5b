import asyncio

from actions.validation import ValidateAdvocateForm, ValidateComplaintForm, ValidateStatusForm
from conftest import make_tracker, responses


def required(form, tracker):
    return asyncio.run(form.required_slots([], None, tracker, {}))


def test_complaint_form_asks_how_to_get_in_touch_only_when_we_may():
    form = ValidateComplaintForm()
    assert "contact_method" not in required(form, make_tracker(slots={"contact_ok": False}))
    assert required(form, make_tracker(slots={"contact_ok": True}))[-3:] == \
        ["contact_method", "contact_detail", "complaint_confirmed"]


def test_complaint_form_asks_which_answer_first_after_change_my_answer():
    form = ValidateComplaintForm()
    assert required(form, make_tracker(slots={"change_requested": True}))[:3] == \
        ["change_requested", "change_field", "complaint_what_happened"]


def test_no_at_the_read_back_asks_which_answer_to_change(dispatcher):
    tracker = make_tracker(text="no", intent="deny")
    result = ValidateComplaintForm().validate_complaint_confirmed("no", dispatcher, tracker, {})
    assert result == {"complaint_confirmed": None, "change_requested": True}


def test_choosing_an_answer_clears_it_and_the_read_back(dispatcher):
    tracker = make_tracker(text='/change_answer{"change_field": "contact"}', intent="change_answer",
                           entities=[{"entity": "change_field", "value": "contact"}])
    result = ValidateComplaintForm().validate_change_field("contact", dispatcher, tracker, {})
    assert result == {"contact_ok": None, "contact_method": None, "contact_detail": None,
                      "complaint_confirmed": None, "change_requested": None, "change_field": None}


def test_change_named_in_the_same_message_needs_no_second_question(dispatcher):
    tracker = make_tracker(text="change who it's about", intent="change_answer")
    result = ValidateComplaintForm().validate_change_requested(True, dispatcher, tracker, {})
    assert result["complaint_who"] is None and result["change_requested"] is None


def test_change_without_saying_which_keeps_asking(dispatcher):
    tracker = make_tracker(text="i want to change my answer", intent="change_answer")
    assert ValidateComplaintForm().validate_change_requested(True, dispatcher, tracker, {}) == \
        {"change_requested": True}


def test_an_unclear_choice_of_answer_is_asked_again(dispatcher):
    tracker = make_tracker(text="the blue one", intent="inform")
    assert ValidateComplaintForm().validate_change_field("the blue one", dispatcher, tracker, {}) == \
        {"change_field": None}
    assert responses(dispatcher) == ["utter_pick_change_field"]


def test_what_happened_needs_a_few_words(dispatcher):
    form = ValidateComplaintForm()
    assert form.validate_complaint_what_happened("ok", dispatcher, make_tracker(text="ok"), {}) == \
        {"complaint_what_happened": None}
    assert responses(dispatcher) == ["utter_tell_me_more"]


def test_not_sure_is_a_fine_answer_to_who_it_is_about(dispatcher):
    tracker = make_tracker(text="/dont_know", intent="dont_know")
    assert ValidateComplaintForm().validate_complaint_who("/dont_know", dispatcher, tracker, {}) == \
        {"complaint_who": "not known"}


def test_not_sure_about_an_advocate_explains_and_asks_again(dispatcher):
    tracker = make_tracker(text="not sure", intent="dont_know")
    assert ValidateComplaintForm().validate_advocate_wanted("not sure", dispatcher, tracker, {}) == \
        {"advocate_wanted": None}
    assert responses(dispatcher) == ["utter_what_is_advocate"]


def test_contact_no_means_anonymous(dispatcher):
    tracker = make_tracker(text="/deny", intent="deny")
    assert ValidateComplaintForm().validate_contact_ok("/deny", dispatcher, tracker, {}) == \
        {"contact_ok": False, "contact_method": None, "contact_detail": None}


def test_contact_by_text_over_sms_uses_the_number_they_are_texting_from(dispatcher):
    tracker = make_tracker(text='/inform{"contact_method": "sms"}', intent="inform", sender_id="+447700900123",
                           metadata={"channel": "sms"}, entities=[{"entity": "contact_method", "value": "sms"}])
    assert ValidateComplaintForm().validate_contact_method("sms", dispatcher, tracker, {}) == \
        {"contact_method": "sms", "contact_detail": "+447700900123"}


def test_contact_by_text_in_the_web_chat_asks_for_the_number(dispatcher):
    tracker = make_tracker(text="text me", intent="inform", sender_id="chat-1", metadata={"channel": "chat"})
    assert ValidateComplaintForm().validate_contact_method("text me", dispatcher, tracker, {}) == \
        {"contact_method": "sms"}


def test_a_wrong_email_address_is_asked_again_with_an_example(dispatcher):
    tracker = make_tracker(text="jo at example", intent="inform", slots={"contact_method": "email"})
    assert ValidateAdvocateForm().validate_contact_detail("jo at example", dispatcher, tracker, {}) == \
        {"contact_detail": None}
    assert responses(dispatcher) == ["utter_invalid_email"]


def test_a_phone_number_is_stored_the_way_the_intake_service_wants_it(dispatcher):
    tracker = make_tracker(text="07700 900123", intent="inform", slots={"contact_method": "phone"})
    assert ValidateAdvocateForm().validate_contact_detail("07700 900123", dispatcher, tracker, {}) == \
        {"contact_detail": "+447700900123"}


def test_opening_message_that_says_what_happened_fills_it_in(dispatcher):
    text = "my foster carer keeps reading my private messages on my phone"
    tracker = make_tracker(text=text, intent="complain", active_loop="complaint_form")
    assert asyncio.run(ValidateComplaintForm().extract_complaint_what_happened(dispatcher, tracker, {})) == \
        {"complaint_what_happened": text}


def test_opening_message_that_only_says_complaint_leaves_the_question(dispatcher):
    tracker = make_tracker(text="i want to make a complaint", intent="complain", active_loop="complaint_form")
    assert asyncio.run(ValidateComplaintForm().extract_complaint_what_happened(dispatcher, tracker, {})) == {}


def test_status_form_takes_the_reference_from_the_question(dispatcher):
    tracker = make_tracker(text="can you check cf 2026 42", intent="check_status", active_loop="status_form")
    assert asyncio.run(ValidateStatusForm().extract_status_reference(dispatcher, tracker, {})) == \
        {"status_reference": "CF-2026-00042"}


def test_status_form_without_a_reference_ends_with_unknown(dispatcher):
    tracker = make_tracker(text="i don't know", intent="dont_know")
    assert ValidateStatusForm().validate_status_reference("i don't know", dispatcher, tracker, {}) == \
        {"status_reference": "unknown"}
