"""Plans that take up what the sender offers in passing, name the point a note says fell short,
and fit the stage and the reason the message gives (the thirteenth review's categories)."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.planasks import sender_asks
from analyzer.planbases import weak_point
from analyzer.plancontext import read_context
from analyzer.planwords import plan_settings

from .plan_helpers import found, plan_of


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def note(sentence: str) -> str:
    """A short note after interviews that holds ``sentence``."""
    return f"Hi Ana,\nThanks for the interviews; we went with another candidate. {sentence}\nTom"


OFFERS = [
    (
        "Would you be open to a quick chat about two openings in our Leeds office?",
        "Yes, I would be open to a quick chat about two openings in your Leeds office. When would "
        "suit you best?",
    ),
    (
        "Would you be open to me passing your CV to a partner school that is hiring?",
        "Yes, I would be open to you passing my CV to a partner school that is hiring. What would "
        "you need from me?",
    ),
    ("Would you be open to that?", "Yes, I would welcome that; thank you for thinking of me."),
    (
        "Happy to pass your details on to two agencies I trust, if that helps?",
        "Yes, please pass my details on to two agencies you trust. What would you need from me?",
    ),
    (
        "Have you got 10 minutes for a call on Thursday?",
        "Yes, I would be glad to make time for a call on Thursday. When would suit you best?",
    ),
    ("Would you be open to relocating?", None),  # asks, proposes nothing
    ("Happy to help?", None),
    ("Have you got any questions?", None),
]


@pytest.mark.parametrize(("question", "reply"), OFFERS)
def test_an_offer_put_as_a_question_is_answered_with_a_yes(question: str, reply: str) -> None:
    assert sender_asks(f"Hi Sam,\nSorry it was a no this time. {question}\nThanks, Ola") == reply


CUT = (
    "Hi Priyanka,\n\nI wanted to tell you myself that we've had to drop the Graduate Surveyor "
    "post - the budget for next year was cut. Annoying, as we liked your site report a lot. "
    "Happy to pass your details on to a couple of recruiters I trust, if that helps?\n\n"
    "Best,\nOwen"
)


def test_a_cut_role_is_a_rejection_and_the_offer_in_it_is_taken_up(analyzer: Analyzer) -> None:
    report = analyzer.analyze(CUT)
    assert report.kind.label == "rejection"
    assert report.questions, report
    assert report.questions[-1].text.startswith("Yes, please pass my details on to a couple of")
    assert not any("stronger" in q.text for q in report.questions)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Hi Dan,\nUpdate on the Lab Technician job: the post has been cancelled after the "
            "grant ended, so we won't be hiring for it. Sorry.\nBest, Mo",
            "rejection",
        ),
        (
            "Hi Sue,\nThe client came back on the analyst job and they picked someone who had "
            "already worked in pensions. I know it stings.\nCheers,\nRaj",
            "rejection",
        ),
        (
            "Hello,\nA quick update on the Porter vacancy you applied for: hiring is paused while "
            "we review budgets. We will write again in March.\nHR Team",
            "acknowledgement",
        ),
    ],
)
def test_a_role_cut_or_filled_by_someone_else_states_a_decision(
    analyzer: Analyzer, text: str, kind: str
) -> None:
    assert analyzer.analyze(text).kind.label == kind


WEAK = [
    ("Where you were less strong was on the client onboarding side.", "the client onboarding side"),
    ("Where we had doubts was around testing, and the tests were thin.", "testing"),
    ("What held it back: the numbers. A few were wrong.", "the numbers"),
    (
        "The areas that let you down a bit were the questions on budgeting and rota planning.",
        "budgeting and rota planning",
    ),
    (
        "There were gaps in your knowledge of lone-working policy, which matters here.",
        "lone-working policy",
    ),
    (
        "There were gaps in your knowledge of GDPR guidance on retention, which we use daily.",
        "GDPR guidance on retention",
    ),
    (
        "Where we felt the exercise fell short was the problem framing: it skipped users.",
        "the problem framing",
    ),
    ("Where you were weaker was experience with SAP.", None),  # experience is gained
    ("The main area to work on would be stakeholder management.", "stakeholder management"),
    ("Where you were less strong was on your answers.", None),  # names no point
]


@pytest.mark.parametrize(("sentence", "point"), WEAK)
def test_the_point_a_note_says_fell_short_is_read_in_its_own_words(
    sentence: str, point: str | None
) -> None:
    assert weak_point(f"Hi Ana,\n\nThanks for the interview. {sentence}\n\nBest, Tom") == point


NOTE = (
    "Hi Ana,\n\nThank you for coming in on Monday for the Events Officer interview. I'm sorry to "
    "say we've offered the job to someone else.\n\nSome feedback from the panel: your answers on "
    "supplier contracts were good and the venue plan was realistic. Where you were less strong "
    "was on ticket pricing, as we didn't hear a worked example of a price you had set. The "
    "presentation also ran over.\n\nThanks again,\nTom Reyes\nHead of Events"
)


def test_the_thank_you_names_the_point_that_fell_short(analyzer: Analyzer) -> None:
    questions = analyzer.analyze(NOTE).questions
    assert questions[0].purpose == "opener"
    assert "ticket pricing" in questions[0].text, questions


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Thank you for your recent telephone interview for the Planner post.", "screened"),
        (
            "Following interview, you have not been placed on the panel for this post.",
            "interviewed",
        ),
        ("You were not selected for a telephone interview stage.", "applied"),
    ],
)
def test_the_stage_is_read_from_a_telephone_call_or_an_interview_without_article(
    sentence: str, stage: str
) -> None:
    assert read_context(f"Dear Applicant,\n{sentence}\nHR", policy=None).stage == stage


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The team have decided to fill the Buyer role internally.", "filled_internally"),
        ("They need someone who can do Sunday mornings every week.", "availability"),
    ],
)
def test_an_internal_fill_and_a_days_availability_are_outside_the_candidates_control(
    sentence: str, kind: str
) -> None:
    context = read_context(f"Hi Jo,\n{sentence} Sorry.\nBest, Kim", policy=None)
    assert kind in context.out_of_control


def test_a_team_letter_after_a_call_that_keeps_the_cv_asks_nothing_more() -> None:
    message = (
        "Dear Lee\nThank you for your recent telephone interview for the position of Stock "
        "Planner. Unfortunately you have not been successful in progressing to the next stage. "
        "We will keep your CV on file and may contact you should a suitable role arise.\n"
        "Regards\nHR Department\nKelbrook Foods Ltd"
    )
    context = read_context(message, policy=None)
    assert context.team_signed and context.stage == "screened"
    assert [q.purpose for q in plan_of(message, [])][-1] != "open_ended"


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        (
            "We would be happy to consider you for future openings in the payments team.",
            "contact_request",
        ),
        ("We have a night shift lead role likely opening in May.", "offered_role"),
        ("If you'd like to go through it, grab a time on my calendar.", "books_slot"),
    ],
)
def test_offers_made_in_passing_are_read(sentence: str, wording: str) -> None:
    message = (
        "Hi Ana,\nThanks for the interviews. We have decided to go with another candidate. "
        f"{sentence}\nBest,\nTom"
    )
    context = read_context(message, policy=None)
    found = {
        "contact_request": context.follow_up == "contact_request",
        "offered_role": context.offered_role is not None,
        "day_named": context.day_named,
        "books_slot": context.books_slot,
    }
    assert found[wording], context


ROUND_TWO = [
    ("Will give you a ring Tuesday if thats ok?", "Yes, please give me a ring Tuesday."),
    ("Interested?", "Yes, I am interested; thank you for thinking of me."),
]


@pytest.mark.parametrize(("question", "reply"), ROUND_TWO)
def test_a_promised_call_or_a_bare_interested_is_answered(question: str, reply: str) -> None:
    answer = sender_asks(f"Hi Sam,\nThe warehouse lead job went to someone else. {question}\nTo")
    assert answer is not None and answer.startswith(reply), answer


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        ("The sticking point for us was the commercial side. We need it.", "the commercial side"),
        ("The area of concern was on the analytical round, sadly.", "the analytical round"),
        ("The coding part is where you struggled.", "the coding part"),
        ("Where it fell down a bit: budget.", None),  # no point to improve on
    ],
)
def test_more_ways_of_saying_where_a_note_fell_short(sentence: str, point: str | None) -> None:
    assert weak_point(f"Hi Ana,\n\nThanks for coming in. {sentence}\n\nBest, Tom") == point


def test_consent_to_pass_the_cv_on_is_answered_with_a_yes(analyzer: Analyzer) -> None:
    message = (
        "Dear Ms Berg,\n\nThank you for the interview for the Payroll Officer post. We have "
        "chosen another candidate whose experience with Sage payroll was longer.\n\nWith your "
        "permission I would like to forward your CV to our Leeds office, which is hiring. "
        "Please let me know if you agree.\n\nBest regards\nAnke Vos\nHR Partner"
    )
    report = analyzer.analyze(message)
    assert report.questions[-1].text.startswith("Yes, "), report.questions
    assert "CV" in report.questions[-1].text  # the message's word for it


def test_a_withdrawn_role_whose_sender_asks_to_call_again_gets_the_yes(analyzer: Analyzer) -> None:
    message = (
        "Dear Ola,\n\nI wanted to tell you myself: the Analyst post has been put on hold, as "
        "headcount for next year is frozen. It has nothing to do with you. If the budget comes "
        "back in spring I'd like to contact you again directly, if that's ok.\n\nKind regards,\n"
        "Dara Quinn\nHead of Analytics"
    )
    context = read_context(message, policy=None)
    assert {"withdrawn", "budget"} <= context.out_of_control
    assert context.follow_up == "contact_request"
    assert analyzer.analyze(message).questions[-1].text.startswith("Yes, ")


@pytest.mark.parametrize(
    ("message", "quote_ok"),
    [
        ("She had a couple more years of cardiac experience.", False),
        ("We went with candidates who had more years in the field.", True),
    ],
)
def test_a_quantity_before_of_is_no_whole_quote(message: str, quote_ok: bool) -> None:
    from analyzer.quotes import clean_quote

    start = message.index("more years")
    assert (clean_quote(message, start, start + len("more years")) is not None) is quote_ok


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("If anything comes up in Leeds you'll be the first I call.", "follow_up", "keep_in_touch"),
        ("I'd be glad to talk again if a manager role opens up.", "follow_up", "keep_in_touch"),
        ("I'll keep your details, and I mean that.", "follow_up", "keep_resume"),
        ("Please keep an eye on our careers page.", "follow_up", "openings"),
        ("Honestly, you'd be great in a role closer to brand work.", "advised_roles", True),
        ("Candidates may reapply 12 months from the date of their interview.", "timing", True),
        ("You would be welcome to apply again for the 2029 intake.", "timing", True),
        ("I'll keep you front of mind for anything in Leeds.", "follow_up", "keep_in_touch"),
        ("If things change in the spring I'll be in touch.", "follow_up", "keep_in_touch"),
        (
            "If you are interested, I can share your profile with a partner firm. Let me know.",
            "follow_up",
            "forward_request",
        ),
    ],
)
def test_what_a_note_already_offers_advises_or_times_is_read(
    sentence: str, field: str, value: object
) -> None:
    message = note(sentence)
    assert getattr(read_context(message, policy=None), field) == value


def test_a_filled_post_whose_letter_points_to_the_careers_page_leaves_nothing_to_ask() -> None:
    message = (
        "Dear Applicant,\n\nThank you for your interest in the Lab Assistant position. This "
        "position has been filled. Please continue to monitor our employment page for additional "
        "openings.\n\nHuman Resources Department\nKestrel Valley School District"
    )
    assert plan_of(message, []) == []


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("If you want to talk it through, give me a ring on 0161 496 0000.", "call_me"),
        ("Happy to talk it through; my cell is below.", "call_me"),
        ("Are you free for a quick call tomorrow afternoon?", "day_named"),
    ],
)
def test_who_makes_the_call_and_when_is_read(sentence: str, field: str) -> None:
    message = note(sentence)
    assert getattr(read_context(message, policy=None), field)


def test_a_call_the_candidate_is_asked_to_make_is_not_asked_for_a_day() -> None:
    message = (
        "Hi Ana,\nThanks for the interviews; we went with another candidate who had run a "
        "larger team. If you want to talk it through, give me a ring on 0161 496 0000.\nTom"
    )
    closing = plan_of(message, [])[-1].text
    assert "I will" in closing and "which day" not in closing.lower(), closing


@pytest.mark.parametrize(
    "sentence",
    [
        "We have a stores supervisor role going on days next month if that's of interest.",
        "I'd see you in an assistant role and there's one coming up on the Leeds site.",
        "We will keep your profile for the district roles which we expect to open in spring.",
        "We have an opening for a Branch Officer at our Leeds office.",
        "I have one more opening in payments which may suit you.",
        "We expect to open a data engineering position in Q2.",
    ],
)
def test_a_role_in_hand_is_read_in_more_words(sentence: str) -> None:
    message = note(sentence)
    assert read_context(message, policy=None).offered_role is not None


def test_a_short_plan_keeps_the_yes_the_sender_waits_for(analyzer: Analyzer) -> None:
    message = (
        "Dear Elena,\n\nThank you for applying for the research post in my lab. I received over "
        "60 applications and have offered it to a candidate whose background in mass "
        "spectrometry matched the project more closely.\n\nIf you're ok with it I'd be glad to "
        "pass your CV on to my colleague Dr Okafor, who is hiring a postdoc soon.\n\nBest "
        "wishes,\nMark"
    )
    questions = analyzer.analyze(message).questions
    assert questions[-1].text.startswith("Yes, please"), questions


def test_a_question_the_sender_asks_is_no_advice_to_thank_for() -> None:
    from analyzer.plansaid import advice

    assert not advice("would you consider something in that range?")
    assert not advice("we are now looking for someone with more Spark rather than analytics")
    assert advice("you could name the tools you used in your cover letter")


def test_an_adverb_before_the_point_is_left_out() -> None:
    message = "Hi Ana,\n\nWhere it fell down was mostly the data modelling round.\n\nTom"
    assert weak_point(message) == "the data modelling round"


def test_a_hyphenated_county_names_no_council() -> None:
    from analyzer.plancontext import org_kind

    assert org_kind("Thanks, Gary\nOps Manager | Tri-County Freight Lines") is None
    assert org_kind("Kind regards,\nHR, Kelby County Council") == "council"


def test_a_pay_package_above_the_approved_range_is_outside_the_candidates_control() -> None:
    message = (
        "Hi Mei,\nThe package you're after is above what they've got approved for this one. "
        "Sorry.\nNathan"
    )
    assert "salary" in read_context(message, policy=None).out_of_control


def test_a_question_after_a_dash_is_read_and_its_gerund_said_back_in_base_form() -> None:
    message = (
        "Hi Priya,\nThey went with someone else. I have two roles coming in Leeds - would you be "
        "ok with me putting your CV forward for those?\nCheers"
    )
    assert sender_asks(message) == (
        "Yes, I would be happy for you to put my CV forward for those. What would you need from me?"
    )


def test_a_role_in_hand_is_taken_up_when_the_role_applied_for_is_on_hold() -> None:
    message = (
        "Hi Ana,\nThe client has put the Payments PM position on hold while they restructure. "
        "I have one more opening in fintech which may suit you; can you share your updated CV?\n"
        "Ravi"
    )
    context = read_context(message, policy=None)
    assert "withdrawn" in context.out_of_control and context.offered_role == "one"
    assert "other opening" in plan_of(message, [])[-1].text


def test_a_call_offered_beside_a_role_in_hand_takes_up_both() -> None:
    message = (
        "Hi Ana,\nWe went with another candidate for the analyst job. We expect to open a "
        "modelling position in Q2 that might suit you. Happy to set up a quick call about it.\n"
        "Tom"
    )
    closing = plan_of(message, [])[-1].text
    named = any(word in closing for word in ("role", "opening", "position"))
    assert "call" in closing and named, closing


def test_a_named_kind_of_experience_is_built_on_not_asked_again(analyzer: Analyzer) -> None:
    message = (
        "Hi Priya,\nHeard back from the client on the site role: they went with another "
        "candidate who had more offshore experience. Sorry!\nCheers,\nDan"
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    ways = plan_settings()["named_basis"]["questions"]["experience"]
    assert any("offshore experience" in t and any(w in t for w in ways) for t in texts), texts
    assert not any('"more offshore experience"' in t for t in texts), texts


def test_a_comparison_about_another_role_that_suits_better_is_not_asked() -> None:
    message = (
        "Hi Tom,\nThe client went with someone else. I've got another role in Reading that I "
        "think suits you better - want me to send over the JD?\nPriya"
    )
    findings = [found(message, "suits you better", "unanchored_comparison")]
    questions = plan_of(message, findings)
    assert not any(q.phrase == "suits you better" for q in questions), questions
    assert not any("stronger" in q.text or "better" in q.text for q in questions), questions


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("This position has been closed and we are no longer accepting applications.", "closed"),
        ("They went with someone available to start immediately.", "start"),
        (
            "They need someone who can join within 30 days; your notice period is 90.",
            "start",  # a start date is a kind of its own (the fifteenth round)
        ),
        ("Your expectations are above the approved range for this role.", "salary"),
    ],
)
def test_more_reasons_outside_the_candidates_control(sentence: str, kind: str) -> None:
    context = read_context(f"Hi Jo,\nThanks for your time. {sentence}\nBest, Kim", policy=None)
    assert kind in context.out_of_control


def test_a_message_whose_only_stated_reason_is_logistics_asks_nothing_about_merit() -> None:
    from analyzer.plancontext import out_of_control

    text = "Hi Jo,\nThe client wants someone on site in Perth four days a week. Sorry.\nKim"
    assert out_of_control(text, stated=frozenset({"logistics"})) == {"logistics"}
    assert out_of_control(text, stated=frozenset({"logistics", "skills"})) == frozenset()


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        ("There was not enough on donor reporting, which matters here.", "donor reporting"),
        ("Good work overall. But the root cause part was quite thin.", "the root cause part"),
        ("We did not hear much about how you would measure it.", None),  # the candidate's words
    ],
)
def test_a_thin_part_of_a_note_is_named(sentence: str, point: str | None) -> None:
    assert weak_point(f"Hi Ana,\n\n{sentence}\n\nBest, Tom") == point


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        ("The gap was on cost.", "cost"),
        ("Where it didn't land for us was commerciality.", "commerciality"),
        ("You scored below the required standard on the criterion for teamwork.", "teamwork"),
        ("You were not very clear on datum selection, and more.", "datum selection"),
        ("The panel felt the grant strategy was thinner - one scheme only.", "the grant strategy"),
    ],
)
def test_yet_more_ways_of_naming_where_a_note_fell_short(sentence: str, point: str) -> None:
    assert weak_point(f"Hi Ana,\n\nThanks for coming in. {sentence}\n\nBest, Tom") == point


def test_a_point_read_past_its_cue_is_not_named_and_a_leading_preposition_is_dropped() -> None:
    message = "Hi,\n\nWhere it fell down for us was mostly on the pipeline side. More soon.\n\nT"
    assert weak_point(message) == "the pipeline side"


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "Would you be interested in doing some locum shifts with us on weekends?",
            "Yes, I would be interested in doing some locum shifts with you on weekends.",
        ),
        ("Btw are you open for contract role?", "Yes, I would be open for contract role."),
        (
            "Not what you wanted, I know, but do you want me to keep you in mind for the next one?",
            "Yes, please keep me in mind for the next one.",
        ),
    ],
)
def test_offers_of_work_and_a_question_after_but_are_answered(question: str, reply: str) -> None:
    answer = sender_asks(f"Hi Sam,\nThe post went to someone else. {question}\nTo")
    assert answer is not None and answer.startswith(reply), answer


@pytest.mark.parametrize(
    "sentence",
    ["If you want, we can talk by phone next week.", "If you want to go over it, shoot me a note."],
)
def test_a_talk_offered_in_other_words_is_taken_up(sentence: str) -> None:
    message = note(sentence)
    closing = plan_of(message, [])[-1].text
    assert any(w in closing for w in ("call", "conversation", "talk")), closing
