"""The twelfth round's categories: a reason outside the candidate's control is thanked for by
its kind, and no opener asks what to improve or where to start after it; a role filled is a
decision stated in so many words."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.classify.decide import stated_cue
from analyzer.plancontext import read_context

from .plan_helpers import plan_of, stated

#: Words of an opener that asks the candidate to improve on something.
IMPROVE = ("start", "stronger", "improve", "work on", "first step", "closest")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


# 1. A reason outside the candidate's control -------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "kind", "thanked"),
    [
        (
            "The budget for the post tops out at 52k and you were looking for the low sixties, "
            "so I didn't want to waste your time with another round.",
            "salary",
            ("pay range", "budget for the role"),
        ),
        (
            "Payroll tell me we can only employ people in nine provinces, and Manitoba is not "
            "one of them yet, so we can't take this further.",
            "location",
            ("location", "distance and travel"),
        ),
        (
            "Head office has frozen the budget for the new hire until the spring, so we can't "
            "go ahead with your application.",
            "budget",
            ("hiring situation", "budget"),
        ),
    ],
)
def test_a_note_whose_reason_is_outside_the_candidates_control_is_thanked_for_it(
    reason: str, kind: str, thanked: tuple[str, ...]
) -> None:
    message = (
        f"Hi Dana,\nThanks for the chat on Thursday, I enjoyed it.\n{reason}\n"
        "Sorry it's not better news.\nBest,\nOmar"
    )
    ctx = read_context(message, policy=None, reasons=[stated(message, "logistics", reason)])
    assert kind in ctx.out_of_control
    opener = plan_of(message, reasons=[stated(message, "logistics", reason)])[0]
    assert opener.purpose == "opener"
    assert any(words in opener.text for words in thanked), opener.text
    assert not any(word in opener.text.lower() for word in IMPROVE), opener.text


def test_a_note_whose_reason_is_in_the_candidates_control_keeps_its_feedback_opener() -> None:
    message = (
        "Hi Dana,\nThanks for the chat on Thursday. The main thing was that your SQL answers "
        "stayed at the level of simple joins, and the role writes window functions daily.\n"
        "Best,\nOmar"
    )
    opener = plan_of(message)[0].text
    assert "pay" not in opener and "budget" not in opener and "location" not in opener


def test_the_thanks_names_one_kind_when_the_note_gives_several() -> None:
    message = (
        "Hi Dana,\nWe can't sponsor a visa for this role, and the salary band tops out below "
        "what you asked for.\nBest,\nOmar"
    )
    ctx = read_context(message, policy=None)
    assert {"visa", "salary"} <= ctx.out_of_control
    opener = plan_of(message)[0].text
    assert "pay range" in opener or "budget for the role" in opener  # salary comes first


# 2. A filled role states the decision ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "At this time, the Full Time - Junior Analyst role has been filled.",
        "Unfortunately the Night Porter position you applied for has now been filled.",
        "We have now filled the Warehouse Operative vacancy.",
        "The post is now filled.",
    ],
)
def test_a_role_filled_is_a_decision_stated_in_so_many_words(
    analyzer: Analyzer, sentence: str
) -> None:
    text = (
        f"Hi Applicant,\nThank you for your interest in Corlith! {sentence} We encourage you "
        "to look at our other openings.\nThanks,\nCorlith Recruitment"
    )
    assert analyzer.analyze(text).kind.label == "rejection"
    assert stated_cue().pattern.search(text.lower()) is not None


# 3. The sender's own question, and a budget's closing --------------------------------------


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Mind if I reach back out in a couple of months?", "Yes, please reach back out"),
        ("Would you mind if I check back in after the summer?", "Yes, please check back in"),
        ("Mind if we circle back when the role reopens?", "Yes, please circle back"),
    ],
)
def test_a_sender_who_asks_to_come_back_gets_a_yes(question: str, reply: str) -> None:
    message = (
        "Hi Chris,\nI'm sorry to say we're pausing the search for the Growth Lead role, since "
        f"our budget got cut this quarter. The team liked you a lot. {question}\nThanks,\nDana"
    )
    assert plan_of(message)[-1].text.startswith(reply)


def test_after_a_budget_cut_the_closing_asks_how_to_hear_when_hiring_resumes() -> None:
    message = (
        "Hi Chris,\nThanks for the call last week. Our budget for the role has been cut, so we "
        "can't move forward with your application right now.\nThanks,\nDana"
    )
    closing = plan_of(message)[-1]
    assert closing.purpose == "open_ended"
    assert "resumes" in closing.text or "opens the role again" in closing.text
    assert "other" not in closing.text  # a freeze stops the other roles too


# 4. Contact promised on a condition, welcomed ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "If a more senior role opens up I'd love to get in touch.",
            "if a more senior role opens up",
        ),
        ("I'll reach back out if/when it reopens.", "when it reopens"),
        ("We will contact you if a suitable role comes up.", "if a suitable role comes up"),
        ("If your situation changes, do reach out.", None),  # the candidate's move, not theirs
        ("If anything comes up for you, let me know.", None),
    ],
)
def test_the_condition_of_a_promised_contact_is_read(sentence: str, when: str | None) -> None:
    message = f"Hi Ana,\nThe salary you asked for is above our band for the role. {sentence}\nLi"
    assert read_context(message, policy=None).contact_when == when


def test_a_promised_contact_is_welcomed_in_the_draft_not_listed_as_a_question() -> None:
    from analyzer.drafts import draft

    message = (
        "Hi Dev, thanks for the chat. The salary you're looking for is above our band for this "
        "role. If a more senior role opens up, I'd be glad to reconnect. Regards, Ana"
    )
    report = Analyzer(use_models=False).analyze(message)
    email = draft(report)
    assert "I would" in email.body and "if a more senior role opens up." in email.body
    assert not email.questions  # said in a paragraph of its own
    assert email.body.count("Thank you for being") == 0  # the draft's own acceptance thanks


# 5. An impression whose sentence says what it is ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("The panel thought your presentation was well structured and clear.", False),
        ("The panel felt your answers on budgeting were not detailed enough.", True),
        ("The panel thought your answer on budgeting wasn't clear.", True),  # praise word negated
        ("We felt you could be stronger in some areas.", True),
    ],
)
def test_an_impression_that_is_praise_gets_no_question(sentence: str, asked: bool) -> None:
    from analyzer.planbases import impression_answered

    message = f"Hi Raj, we won't be offering you the role. {sentence} Best, Michelle"
    start = message.index(sentence)
    end = start + len(sentence.split(" felt")[0].split(" thought")[0]) + len(" felt")
    assert impression_answered(message, start, end, ()) is not asked


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("The selection panel considered all applications against the criteria.", False),
        ("The panel considered each application carefully.", False),
        ("The panel considered that your answers were brief.", True),
    ],
)
def test_a_panel_that_considered_the_applications_is_no_impression(
    sentence: str, flagged: bool
) -> None:
    text = f"Dear Sam, unfortunately your application was not successful. {sentence} Regards, HR"
    types = [f.type for f in Analyzer(use_models=False).analyze(text).findings]
    assert ("subjective_impression" in types) is flagged


# 6. The experience a comparison names, in more wordings --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "We're looking for someone with deeper FP&A experience in a multi-entity "
            "environment for this one.",
            "experience in a multi-entity environment",
        ),
        (
            "We've gone with another candidate who had a bit more experience on highways projects.",
            "experience on highways projects",
        ),
        (
            "The panel chose another candidate who has prior experience in oncology trials.",
            "experience in oncology trials",
        ),
    ],
)
def test_a_named_experience_is_built_on_in_its_words(sentence: str, named: str) -> None:
    message = f"Hi Tom,\nThanks for interviewing with us. {sentence}\nBest,\nGareth"
    ctx = read_context(message, policy=None)
    assert ctx.basis_named
    reason = stated(message, "experience", sentence)
    texts = [q.text for q in plan_of(message, reasons=[reason])]
    assert any(named in t for t in texts), texts
    assert not any("what kind of experience" in t for t in texts)


def test_a_quote_is_not_widened_over_a_letter_of_a_joined_word() -> None:
    from analyzer.quotes import clean_quote

    message = "We need deeper FP&A experience in a multi-entity environment."
    start = message.index("experience")
    quote = clean_quote(message, start, start + len("experience in a multi-entity environment"))
    assert quote == "experience in a multi-entity environment"


# 7. Reasons, policies and promises in more words ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "I'm going to go with someone who lives closer, as the drive from Leek is long.",
            "location",
        ),
        ("The role is capped at $92k and there isn't room to flex that.", "salary"),
    ],
)
def test_more_wordings_of_a_reason_outside_the_candidates_control(sentence: str, kind: str) -> None:
    assert kind in read_context(f"Hi Sam,\n{sentence}\nRob", policy=None).out_of_control


def test_no_answers_to_questions_about_hiring_decisions_is_a_no_feedback_policy() -> None:
    message = (
        "Dear Applicant,\nWe have decided to pursue other candidates. We regret that we are not "
        "able to respond individually to questions about our hiring decisions.\nHiring Committee"
    )
    assert read_context(message, policy=None).declines


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "If we ever open the second site out south I'll be in touch.",
            "if you ever open the second site out south",
        ),
        (
            "If anything opens at the senior level I'll reach out directly.",
            "if anything opens at the senior level",
        ),
    ],
)
def test_a_promise_in_the_senders_words_is_said_back_in_the_candidates(
    sentence: str, when: str
) -> None:
    message = f"Hi Sam,\nThe pay band for the role is capped at $92k. {sentence}\nRob"
    assert read_context(message, policy=None).contact_when == when


@pytest.mark.parametrize(
    "apology", ["Sorry it's not a better answer.", "Sorry I can't be more concrete."]
)
def test_an_apology_is_no_comparison(apology: str) -> None:
    text = f"Hi Ben, we've decided to pass on this one for now. {apology} Cheers, Alex"
    found = Analyzer(use_models=False).analyze(text).findings
    assert not any(f.type == "unanchored_comparison" for f in found), found


# 8. Work offered besides the role, and programmes named -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "work"),
    [
        (
            "If you're open to freelance, we bring in outside designers for pitches and I'd love "
            "to have your name on the list.",
            "freelance",
        ),
        ("We'd be happy to have you on our casual relief list for Term 3.", "casual relief"),
        (
            "We do sometimes need freelance help around Christmas, so I may get in touch.",
            "freelance",
        ),
        ("We will keep your CV on file.", None),
    ],
)
def test_work_offered_besides_the_role_is_taken_up_by_its_kind(
    sentence: str, work: str | None
) -> None:
    message = f"Hi Aoife,\nWe've gone with another candidate for the role. {sentence}\nBest,\nLou"
    ctx = read_context(message, policy=None)
    assert ctx.work_offered == work
    if work is not None:
        assert f"{work} work" in plan_of(message)[-1].text


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "We'd really encourage you to apply for the QC Graduate Programme when it opens.",
            "the QC Graduate Programme",
        ),
        (
            "There may be a Team Lead opportunity coming up in the new year.",
            "the Team Lead opportunity in the new year",
        ),
        ("Our team roles come up often.", None),
    ],
)
def test_a_programme_or_a_named_opportunity_is_a_future_role(
    sentence: str, named: str | None
) -> None:
    from analyzer.futureroles import future_role

    assert future_role(f"Hi Sinead,\nWe went with another candidate. {sentence}\nEoin") == named


def test_freelance_bits_offered_as_a_question_are_taken_up() -> None:
    message = (
        "Hi Elena,\nWe're not hiring at senior level for now. Your work was great and I'd love "
        "to get you in for freelance bits if that's ever of interest?\nBest,\nGeorgie"
    )
    assert read_context(message, policy=None).work_offered == "freelance"
    assert "freelance work" in plan_of(message)[-1].text


@pytest.mark.parametrize(
    ("stated_reasons", "thanked"),
    [
        (frozenset({"experience", "fit", "logistics"}), False),  # feedback, and a stray cue
        (frozenset({"logistics"}), True),  # the reason is the only one
    ],
)
def test_a_feedback_note_is_thanked_for_a_reason_only_when_that_is_its_reason(
    stated_reasons: frozenset[str], thanked: bool
) -> None:
    from analyzer.plancontext import PlanContext
    from analyzer.questions import plan

    message = "We won't be moving forward. The panel felt other candidates had more depth there."
    ctx = PlanContext(
        stage="interviewed",
        feedback_given=True,
        own_voice=True,
        stated=stated_reasons,
        out_of_control=frozenset({"logistics"}),
    )
    opener = plan([], message=message, context=ctx)[0].text
    assert ("reason" in opener and not opener.endswith("?")) is thanked, opener


# 9. A named person to contact about the outcome -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Should you wish to obtain feedback regarding your application, you may contact the "
            "panel convenor, Ms Louise Barrett, on (07) 5550 1182.",
            "Ms Louise Barrett",
        ),
        (
            "If you would like to discuss the outcome, you may contact the convenor of the "
            "selection panel, Mr Paul Lindqvist, on (02) 5550 1847.",
            "Mr Paul Lindqvist",
        ),
        ("Please contact Mr. John Smith for questions about the outcome.", "Mr. John Smith"),
        ("Our director, Dr Jane Doe, thanks you for applying.", None),
    ],
)
def test_a_named_contact_for_the_outcome_is_named_in_the_closing(
    sentence: str, name: str | None
) -> None:
    message = (
        "Dear Hannah,\nI regret to advise that you have not been recommended for appointment. "
        f"{sentence}\nYours sincerely\nWorkforce Services"
    )
    assert read_context(message, policy=None).contact_named == name
    closing = plan_of(message)[-1].text
    assert (name is not None and name in closing) or (name is None and "Doe" not in closing)


def test_a_commute_mentioned_beside_feedback_is_no_reason_to_thank_for() -> None:
    from analyzer.plancontext import PlanContext
    from analyzer.questions import plan

    message = "I know the commute isn't fun. The deciding factor was site experience."
    ctx = PlanContext(
        stage="interviewed",
        feedback_given=True,
        own_voice=True,
        stated=frozenset({"experience", "logistics"}),
        out_of_control=frozenset({"location"}),
    )
    assert "location" not in plan([], message=message, context=ctx)[0].text


def test_a_named_contact_gives_the_feedback_so_the_opener_does_not_take_it_up() -> None:
    message = (
        "Dear Ms Lee,\nYou have not been recommended for appointment. If you would like feedback "
        "on your application, please contact the panel convenor, Ms Deborah Lyle, on "
        "(08) 9555 0147.\nRecruitment Services"
    )
    ctx = read_context(message, policy=None)
    assert ctx.offers_feedback and ctx.contact_named == "Ms Deborah Lyle"
    questions = plan_of(message)
    assert "offer of feedback" not in questions[0].text
    assert "Ms Deborah Lyle" in questions[-1].text


def test_a_feedback_note_that_promises_contact_is_welcomed_on_its_condition() -> None:
    message = (
        "Hi Aoife,\nThanks for the take-home. Where it fell short: there were no tests, and the "
        "filter state was lost on reload. The component structure was clean. If a role like "
        "that opens up I'll let you know directly.\nBest,\nDan"
    )
    ctx = read_context(message, policy=None)
    assert ctx.contact_when == "if a role like that opens up"
    assert plan_of(message)[-1].text.endswith("if a role like that opens up.")
