"""The twenty-first round's categories: shifts on offer are taken up by their own name ("the odd
kitchen porter shift", "bank support worker shifts"); a role the sender promises to post later
is a role to come, not the one applied for; "if you're interested - let me know" is an offer to
say yes to, not a condition to repeat; a logistic detail beside a reason in the candidate's
control is no reason outside it; a request to confirm a location states no reason; "our
Leeds - Kirkstall location" is no location reason; a wait counted in days or a recruitment
cycle is a time to apply again; a company's name and a fraud notice in the footer are no
pointers to thank for."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.plancontext import context_of, invited_when, read_context, work_offered


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _texts(analyzer: Analyzer, message: str) -> list[str]:
    return [q.text for q in analyzer.analyze(message).questions]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("We do have bank support worker shifts going if you're interested?", "support worker"),
        (
            "If you want I can put you down for the odd kitchen porter shift when we're short?",
            "kitchen porter shifts",
        ),
        ("If you're keen we sometimes have weekend pot wash shifts, let me know.", "pot wash"),
        (
            "We've got day shifts on the ward that come up most weeks if you would be interested?",
            "day shifts",
        ),
    ],
)
def test_shifts_on_offer_are_named_whole(sentence: str, named: str) -> None:
    found = work_offered(f"Hi Cal,\n\nWe've gone with someone else for the post. {sentence}\n\nMo")
    assert found is not None and named in found and found.endswith("shifts")


def test_a_shift_offer_is_taken_up_by_its_name(analyzer: Analyzer) -> None:
    message = (
        "Hi Cal,\n\nThanks for the trial on Friday. We've gone with someone who has more grill "
        "experience. If you want I can put you down for the odd kitchen porter shift when we're "
        "short? No worries if not.\n\nMo\nThe Anchor"
    )
    closing = _texts(analyzer, message)[-1]
    assert "kitchen porter shifts" in closing, closing


def test_a_role_to_be_posted_is_not_the_role_applied_for(analyzer: Analyzer) -> None:
    message = (
        "Hi Dee,\n\nThank you for interviewing with us. We offered the post to someone who had "
        "run a food bank before. If you'd like I can let you know when we post the Family "
        "Support Worker role this autumn.\n\nAll the best,\nKaren"
    )
    ctx = context_of(analyzer.analyze(message))
    assert ctx.role is None
    assert ctx.future_role is not None and "Family Support Worker" in ctx.future_role
    assert "Family Support Worker" in _texts(analyzer, message)[-1]


def test_interest_in_an_offer_is_no_condition_to_repeat(analyzer: Analyzer) -> None:
    message = (
        "Dear Ciara,\n\nThank you for interviewing. We appointed a teacher who had run the "
        "programme before. We will have maternity cover in Home Economics from January and I'd "
        "be glad to consider you for that if you're interested – let me know.\n\nMáire"
    )
    assert invited_when(message) is None
    closing = _texts(analyzer, message)[-1]
    assert "Home Economics" in closing and "if I'm interested" not in closing, closing


def test_a_condition_keeps_its_words_without_a_trailing_dash() -> None:
    message = "Hi,\n\nNot this time. If you ever move to Cork – give us a shout.\n\nPat"
    found = invited_when(message)
    assert found is not None and not found.endswith(("–", "-", " "))


def test_a_logistic_detail_beside_a_reason_in_control_is_no_outside_reason(
    analyzer: Analyzer,
) -> None:
    message = (
        "Hi Jo,\n\nThank you for interviewing for the grants post. The role manages reporting "
        "on about $2M in state funding, and the other candidate had run that reporting end to "
        "end, so she had more experience of owning the budget.\n\nBest,\nKim"
    )
    assert not context_of(analyzer.analyze(message)).out_of_control


def test_a_request_to_confirm_a_location_states_no_reason(analyzer: Analyzer) -> None:
    message = (
        "Dear Joe,\n\nThe client is not proceeding with your profile as they need 3 years of "
        "local site experience. Also pls confirm your current location and notice period.\n\n"
        "Regards,\nAnil\nRecruitment Executive"
    )
    ctx = context_of(analyzer.analyze(message))
    assert "location" not in ctx.out_of_control and "logistics" not in ctx.out_of_control


def test_a_named_branch_location_is_no_location_reason() -> None:
    message = (
        "Hi Bri,\n\nThank you for speaking with us about the Store Manager position at our Leeds "
        "- Kirkstall location. We have decided to move forward with other candidates.\n\nTeam"
    )
    assert not read_context(message, policy=None).out_of_control


@pytest.mark.parametrize(
    "sentence",
    [
        "You may reapply after ninety (90) days.",
        "You may re-apply after 60 days from the date of your assessment.",
        "You won't be able to apply again in this recruitment cycle, but we'd welcome an "
        "application from you in the future.",
    ],
)
def test_a_wait_in_days_or_a_cycle_is_a_time_to_apply_again(sentence: str) -> None:
    message = f"Dear Sam,\n\nThank you for taking our assessment. {sentence}\n\nRecruitment Team"
    assert read_context(message, policy=None).timing


def test_a_wait_already_given_is_not_asked_for(analyzer: Analyzer) -> None:
    message = (
        "Dear Sam,\n\nThank you for taking our assessment for the Customer Support Associate "
        "position. We regret to inform you that you did not meet the passing requirements at "
        "this time. You may reapply after ninety (90) days.\n\nRecruitment Team\nBrightline "
        "Contact Inc."
    )
    assert not any("good time" in q for q in _texts(analyzer, message))


def test_a_footer_is_no_pointer_to_thank_for(analyzer: Analyzer) -> None:
    message = (
        "Dear Tolu,\n\nThank you for attending our assessment centre. We regret to inform you "
        "that you were not successful at this stage of the selection process.\n\nYours "
        "faithfully,\nHuman Resources\nHarbourline Bank Plc\n\nNOTE: Harbourline Bank does not "
        "charge any fee at any stage of its recruitment process. Please report any such "
        "request to our fraud desk."
    )
    assert not any("pointers" in q for q in _texts(analyzer, message))


def test_a_recruiter_passing_on_a_hard_requirement_is_not_asked_how_to_gain_it(
    analyzer: Analyzer,
) -> None:
    message = (
        "Dear Ravi,\n\nReceived client feedback for the Site Engineer post. Unfortunately they "
        "are not proceeding with your profile as they are looking for candidate with minimum "
        "5 years GCC experience.\n\nWill consider you for upcoming openings.\n\nRegards,\n"
        "Sunil\nRecruitment Executive\nBlueline Manpower Consultants"
    )
    ctx = context_of(analyzer.analyze(message))
    assert ctx.relayed and ctx.agency and ctx.requirement_named
    assert not any("gain" in q or "build" in q for q in _texts(analyzer, message))


def test_a_need_named_beside_a_budget_is_thanked_not_started_on(analyzer: Analyzer) -> None:
    message = (
        "Dear Omar,\n\nThank you for meeting us. Your operations knowledge is good. However, we "
        "need someone with existing relations with customs brokers in Oman, as the role opens "
        "our Sohar branch. Also the salary expectation was above the budget approved for this "
        "position.\n\nBest regards,\nFarid Khan\nGeneral Manager"
    )
    ctx = context_of(analyzer.analyze(message))
    assert ctx.requirement_named and ctx.out_of_control
    assert "start" not in _texts(analyzer, message)[0]


@pytest.mark.parametrize(
    ("message", "in_closing"),
    [
        (
            "Hi Aoife\nThanks for dropping in the CV Saturday. We've no vacancies at the minute "
            "sorry, but I'll hang onto it for the busy season.\nMaeve\nHarbour Books, Cobh",
            "",
        ),
        (
            "Hi Kyle,\n\nthanks for dropping off your resume. we're all set for summer staff now "
            "unfortunately but I'll keep it on file and if something opens up in the fall I'll "
            "give you a shout.\n\nMarg\nPine Point Marine",
            "fall",
        ),
    ],
)
def test_a_no_to_a_cv_handed_in_gets_thanks_and_its_next_step(
    analyzer: Analyzer, message: str, in_closing: str
) -> None:
    questions = _texts(analyzer, message)
    assert len(questions) == 2, questions
    assert "?" not in questions[0] and "application" not in questions[0], questions
    assert in_closing in questions[1]


@pytest.mark.parametrize(
    "message",
    [
        "Hi Sam,\n\nWe ended up offering the Senior Data Engineer role to another candidate - "
        "they had more dbt experience. Would you be open to me passing your name to our "
        "platform team? Let me know either way.\n\nKev",
        "Hi Bernie,\n\nWe've offered the full-time night post to someone with more dementia "
        "experience, but I'd be delighted to have you on our relief panel if that would suit "
        "you? Let me know either way.\n\nGráinne\nDirector of Nursing",
    ],
)
def test_a_decision_in_more_words_with_an_offer_gets_its_short_plan(
    analyzer: Analyzer, message: str
) -> None:
    assert _texts(analyzer, message), "no plan"


def test_a_named_experience_of_several_capitalised_words_is_read_whole(analyzer: Analyzer) -> None:
    message = (
        "Hey Priya,\n\nWe ended up going with someone else for the frontend role. It came down "
        "to them having more React Native experience since we're starting on the mobile app."
        "\n\nBen"
    )
    questions = _texts(analyzer, message)
    assert any("React Native experience" in q for q in questions), questions
    assert not any(q.startswith(("As Native", "Since Native")) for q in questions), questions


def test_the_other_language_half_of_a_bilingual_letter_names_no_basis(analyzer: Analyzer) -> None:
    message = (
        "Hello,\n\nYour application has been screened out because you did not demonstrate the "
        "following essential qualification:\n\n- Experience in reviewing funding applications."
        "\n\nHuman Resources\n\n--------\n\nBonjour,\n\nVotre candidature a été éliminée du "
        "processus de sélection, car selon les renseignements fournis, vous n'avez pas démontré "
        "que vous possédez la ou les qualifications essentielles suivantes :\n\n- Expérience "
        "de l'examen de demandes de financement.\n\nRessources humaines"
    )
    questions = _texts(analyzer, message)
    assert not any("les qualifications" in q for q in questions), questions
