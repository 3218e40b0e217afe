"""The fourteenth round's categories: a note's vague phrase that the words or the list after it
explain is not asked; an accepted call takes up a second offer too; who calls whom, and how a
time is found, follows the sender; a named person who gives feedback is the one to contact; a
main point, a stage of the process, a role filled before the application was read, a
disclaimer about qualifications, consent to keep details and a promise to send roles are read
as their senders mean them."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.futureroles import future_role
from analyzer.planbases import main_point
from analyzer.plancontext import read_context
from analyzer.roles import role_of

from .plan_helpers import plan_of, stated


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _note(feedback: str, after: str = "") -> str:
    return (
        "Hi Sam,\n\nThank you for the three rounds with us for the Platform Engineer role. "
        "After the debrief we have decided not to move ahead with your application. I wanted to "
        f"share some feedback from the panel.\n\n{feedback}\n\n{after}"
        "Best regards,\nPriya Nair\nEngineering Manager"
    )


# 1. A vague phrase the note explains ----------------------------------------------------------


@pytest.mark.parametrize(
    "feedback",
    [
        "The main concern was the design round, where the panel felt you lacked depth on topics "
        "like sharding, retries and back-pressure.",
        "Your Terraform exercise was well structured and the module layout was clean. In the "
        "design round the panel felt your plan lacked depth and that you did not push far "
        "enough into failure modes before moving to conclusions.",
        "Overall the team felt you were not quite the right fit for the platform team.\n"
        "A few specifics from the panel:\n"
        "- Your Terraform exercise was well structured and the module layout was clean.\n"
        "- When we asked about running an on-call rotation your experience sounded fairly "
        "limited, and the answers on incident review were a bit theoretical.\n"
        "- The load test plan had no ramp-up stage, which the brief asked for.",
    ],
)
def test_a_vague_phrase_the_note_explains_is_not_asked(analyzer: Analyzer, feedback: str) -> None:
    questions = analyzer.analyze(_note(feedback)).questions
    asked = [q.phrase for q in questions if q.phrase]  # no question built on a flagged phrase
    assert not asked, [q.text for q in questions]


# 2. A second offer beside an accepted call ----------------------------------------------------


@pytest.mark.parametrize(
    ("offer", "taken_up"),
    [
        (
            "I'm happy to schedule a call to share more, and I'd also like to introduce you to "
            "our partner, Fernbank Trust, who are hiring.",
            "introduction",
        ),
        (
            "Happy to have a call about it. We are expecting to advertise another Band 6 post "
            "in the community team in the autumn.",
            "Band 6 post",
        ),
    ],
)
def test_an_accepted_call_takes_up_the_second_offer(offer: str, taken_up: str) -> None:
    closing = plan_of(_note("It was a close decision.", f"{offer}\n\n"))[-1]
    assert "call" in closing.text and taken_up in closing.text, closing.text
    assert closing.text.endswith("?")


# 3. Who calls whom, and how a time is found ---------------------------------------------------


@pytest.mark.parametrize(
    ("offer", "said"),
    [
        (
            "If you would like to discuss it, please ring me on the number below; I'm in clinic "
            "Monday to Wednesday.",
            ("ring you", "give you a call"),
        ),
        ("Happy to set up 20 minutes on the phone, just reply with a couple of times.", ("times",)),
        ("Happy to do a call, just grab a slot in my calendar.", ("slot",)),
    ],
)
def test_the_accepted_call_follows_the_senders_way_of_arranging_it(
    offer: str, said: tuple[str, ...]
) -> None:
    closing = plan_of(_note("It was a close decision.", f"{offer}\n\n"))[-1].text
    assert any(words in closing for words in said), closing
    assert "Which time works best for you?" not in closing


# 4. A named person gives the feedback ---------------------------------------------------------


def test_the_person_named_for_feedback_is_contacted_and_the_sender_asked_nothing() -> None:
    message = (
        "Dear Dr Mensah,\n\nThank you for attending interview for the above post. The panel "
        "has decided not to offer you the post on this occasion. If you would like feedback "
        "on your interview, please contact the Chair of the panel, Professor Alan Reid, at "
        "a.reid@example.ac.uk.\n\nYours sincerely,\nHR Officer"
    )
    questions = plan_of(message)
    assert [q.purpose for q in questions] == ["opener", "open_ended"]
    assert not questions[0].text.endswith("?")
    assert "Professor Alan Reid" in questions[-1].text


# 5. What the sender means ---------------------------------------------------------------------


def test_a_concern_named_as_the_main_one_is_the_notes_main_point() -> None:
    message = _note("1. The API design was clean.\n2. Test coverage was our main concern.")
    assert main_point(message) == "test coverage"


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("We made an offer to a candidate who was further along in the process.", False),
        ("We went with candidates who were further along in their careers.", True),
    ],
)
def test_further_along_in_the_process_is_no_comparison(
    analyzer: Analyzer, sentence: str, flagged: bool
) -> None:
    report = analyzer.analyze(_note(sentence))
    assert any("further along" in f.text for f in report.findings) is flagged


def test_a_role_filled_before_the_application_was_read_asks_nothing_about_it() -> None:
    message = (
        "Hi Conor,\nWe've filled the Account Manager role: we made an offer to a candidate "
        "before your application came through, so we didn't get a chance to properly look at "
        "yours.\nThanks,\nNiamh"
    )
    assert "closed" in read_context(message, policy=None).out_of_control
    assert not any("application" in q.text and "closest" in q.text for q in plan_of(message))


def test_a_disclaimer_about_qualifications_states_no_reason() -> None:
    sentence = "Please do not understand this as a judgement of your qualifications."
    message = _note(sentence)
    ctx = read_context(message, policy=None, reasons=[stated(message, "qualifications", sentence)])
    assert "qualifications" not in ctx.stated


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        (
            "With your permission, we would like to keep your details in our talent pool for "
            "12 months.",
            "follow_up",
            "keep_request",
        ),
        (
            "Feel free to reach out if you want to talk through any of the above.",
            "offers_discuss",
            True,
        ),
        (
            "If anything fully remote opens up on the data side I'll send it your way first.",
            "contact_when",
            "if anything fully remote opens up on the data side",
        ),
        ("I'm happy to grab 15 minutes on the phone, just reply with a time.", "offers_call", True),
        (
            "We'd be open to talking about a Senior Engineer role on the Integrations team.",
            "other_role",
            "Senior Engineer",
        ),
        ("I can connect you with the hiring manager.", "offers_introduction", True),
        (
            "We've got a mid-weight role likely opening early next year.",
            "future_role",
            "a mid-weight role",
        ),
        (
            "If you'd like to discuss it, please do email me and I'll give you a call.",
            "offers_call",
            True,
        ),
        (
            "If you want an intro to a couple of founders I know, happy to make it.",
            "offers_introduction",
            True,
        ),
    ],
)
def test_consent_offers_and_promises_in_their_senders_words(
    sentence: str, field: str, value: object
) -> None:
    message = (
        "Hi Chris,\nWe're not able to move forward, purely on location: the team is in the "
        f"office four days a week in Austin. {sentence}\nBest,\nAlyssa"
    )
    assert getattr(read_context(message, policy=None), field) == value


def test_a_numbered_post_expected_to_be_advertised_is_a_future_role() -> None:
    sentence = "We are expecting to advertise another Band 6 post in the autumn."
    assert future_role(sentence) == "the Band 6 post in the autumn"


def test_the_draft_accepts_the_call_and_keeps_the_second_offer(analyzer: Analyzer) -> None:
    message = _note(
        "Where the panel had doubts was the on-call side: your incident examples were thin.",
        "I'd encourage you to have a look at the SRE Associate opening on our payments team. "
        "I'm happy to set up a call to talk it through.\n\n",
    )
    body = draft(analyzer.analyze(message)).body
    assert "call" in body.split("Thank you again")[0].lower()
    assert "I would also like to hear more about the SRE Associate role." in body


def test_a_kept_cv_with_a_promise_on_a_condition_is_welcomed_on_it() -> None:
    message = (
        "Hi Priya,\nThanks for the chat on Tuesday. We've decided to fill the Buyer role "
        "internally. I'll keep your CV on file and give you a shout if anything similar comes "
        "up in the spring.\nCheers,\nTom"
    )
    opener, closing = plan_of(message)
    assert not opener.text.endswith("?"), opener.text  # the sender already said how I'd hear
    assert "if anything similar comes up in the spring" in closing.text
    assert not closing.text.endswith("?"), closing.text


# 6. After the thirty-ninth set --------------------------------------------------------------


def test_a_site_manager_going_with_someone_else_states_a_decision(analyzer: Analyzer) -> None:
    message = (
        "G'day Jo,\nThanks for coming out to site Monday. I'm going to go with another bloke "
        "for the leading hand job, he's already got his tickets.\nYou've got a good attitude "
        "and I'd have you on as a labourer if that's any use to you? Let me know.\nCheers\nMick"
    )
    report = analyzer.analyze(message)
    assert report.kind.label == "rejection"
    assert report.questions[-1].text == "Yes, I would be glad for you to have me on as a labourer."


def test_a_hiring_pause_for_funding_with_a_promise_is_thanked_and_welcomed() -> None:
    message = (
        "Hi Niamh,\nWe've decided to hold off on hiring the Support Lead for now. Our seed "
        "extension has slipped into the new year and I don't want to hire without the runway "
        "sorted. I'll get back in touch as soon as we're in a position to hire again, probably "
        "in March.\nConor"
    )
    ctx = read_context(message, policy=None)
    assert {"withdrawn", "budget"} <= ctx.out_of_control
    opener, closing = plan_of(message)
    assert not opener.text.endswith("?") and not closing.text.endswith("?")
    assert "in a position to hire again" in closing.text


def test_an_employment_equity_plan_is_thanked_for_with_no_question() -> None:
    message = (
        "Dear Applicant,\nYour application was unsuccessful on this occasion. Preference was "
        "given to candidates in line with the company's Employment Equity Plan.\nHuman Resources"
    )
    assert "equity" in read_context(message, policy=None).out_of_control
    assert not any(q.text.endswith("?") for q in plan_of(message))


def test_a_kept_cv_on_the_candidates_consent_is_a_request_to_answer() -> None:
    message = (
        "Dear Applicant,\nWe have decided to continue with other candidates. We would like to "
        "keep your CV in our database for future recruitment. If you agree, please confirm by "
        "replying to this message.\nRecruitment Team"
    )
    assert read_context(message, policy=None).follow_up == "keep_request"


def test_a_teams_letter_with_one_reason_and_data_lines_is_no_note_of_points() -> None:
    message = (
        "Hi Sofia,\nThank you for applying for the position of Data Engineer. Unfortunately, we "
        "have decided not to proceed with your application. We were looking for a profile with "
        "more hands-on experience running streaming pipelines in production.\nIn line with the "
        "GDPR, we will delete your personal data four weeks after the end of this procedure, "
        "unless you give us permission to keep it for one year.\nKind regards,\nRecruitment team"
    )
    texts = [q.text for q in plan_of(message)]
    assert not any("these points" in t or "these pointers" in t for t in texts), texts


def test_a_main_point_is_named_without_its_preposition() -> None:
    message = _note("The main concern was around data fetching, really.")
    assert main_point(message) == "data fetching"


# 7. After the fortieth set --------------------------------------------------------------------


def test_no_correspondence_about_the_outcome_is_a_no_feedback_policy() -> None:
    message = (
        "Dear Candidate,\nYou have not been selected to proceed to the next stage. Please note "
        "that this decision is final and we are unable to enter into correspondence regarding "
        "the outcome.\nHuman Capital Department"
    )
    assert read_context(message, policy=None).declines
    assert not any(q.text.endswith("?") for q in plan_of(message))


def test_an_owner_who_passes_for_now_states_a_decision_and_his_referral_gets_a_yes(
    analyzer: Analyzer,
) -> None:
    message = (
        "Hi Kevin,\nThanks for sending your resume over. I'm going to pass for now, I really "
        "need someone who's done residential renos. My buddy runs a commercial builder and is "
        "looking for an assistant PM. Mind if I pass your resume along to him?\nCheers,\nRick"
    )
    report = analyzer.analyze(message)
    assert report.kind.label == "rejection"
    assert report.questions[-1].text.startswith("Yes, please pass my resume along to him.")


def test_experience_well_beyond_what_the_role_needs_is_overqualified() -> None:
    message = (
        "Kia ora Michael,\nI won't be taking your application forward. Your experience is well "
        "beyond what this role needs, and you'd find it limiting.\nAroha"
    )
    assert "overqualified" in read_context(message, policy=None).out_of_control


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        (
            "Thank you for applying for the Advisor, Service Design role with us.",
            "Advisor, Service Design",
        ),
        (
            "Thanks for your application for the Lead - Business Analytics role.",
            "Lead - Business Analytics",
        ),
        (
            "Thank you for applying for the Data Engineer position at Fenwick & Rhodes.",
            "Data Engineer",
        ),
    ],
)
def test_a_role_named_with_a_comma_or_a_dash_is_read_whole(sentence: str, role: str) -> None:
    assert role_of(f"{sentence} We'll be recruiting for a Senior Analyst position later.") == role


def test_a_freeze_with_an_offer_to_reach_out_gets_a_yes_and_no_question() -> None:
    message = (
        "Hi Aisha,\nWe've had a hiring freeze come down from head office, and the Data Analyst "
        "position has been cancelled for now. It's nothing to do with your application.\nIf it "
        "does reopen, would you be OK with me reaching out directly?\nBest,\nGraham"
    )
    opener, closing = plan_of(message)
    assert closing.text == "Yes, I would be happy for you to reach out directly."
    assert not opener.text.endswith("?"), opener.text


def test_putting_a_name_forward_if_the_candidate_would_consider_it_gets_a_yes() -> None:
    message = (
        "Dear Oliver,\nWe've decided not to progress your application for the Associate role. "
        "We'll be recruiting for a Senior Analyst position later in the year, and I'd be happy "
        "to put your name forward if you'd consider it. Let me know.\nJames"
    )
    assert "Senior Analyst position" in plan_of(message)[-1].text
