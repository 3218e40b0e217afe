"""The sixteenth round's categories: a note of feedback that names the area a point fell short
in ("lacked some depth on ...", "where we struggled was ...", "seemed a bit unsure on ...") is
asked about that area by name; a note is thanked without a question only when the plan goes on
to ask its vague point; a fit phrase's own complement ("with where we are now") leaves the fit
vague; a chat offered in passing, a call asked for a day, a cover list or seasonal work are
offers taken up."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.planbases import weak_point
from analyzer.plancontext import read_context
from analyzer.planwords import plan_settings

from .plan_helpers import found, plan_of, stated


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        (
            "Your lesson plan was fine, but you lacked some depth on phonics screening for the "
            "younger years, which is a big part of the post.",
            "phonics screening for the younger years",
        ),
        ("Where we struggled was the costings - the numbers did not add up.", "the costings"),
        (
            "Where we had some hesitation was the client side, as you'd be running the "
            "handover meetings alone.",
            "the client side",
        ),
        (
            "Kofi also said you seemed a bit unsure on the lock-out procedure when he asked.",
            "the lock-out procedure",
        ),
        (
            "The board felt you didn't have as much depth on grant reporting as the others.",
            "grant reporting",
        ),
    ],
)
def test_a_notes_point_that_fell_short_is_read_in_more_words(sentence: str, point: str) -> None:
    assert weak_point(f"Hi Lena,\n\nThanks for coming in. {sentence}\n\nMarta") == point


_DEPTH = (
    "Hi Lena,\n\nThank you for the demonstration lesson on Tuesday. The panel met and I am "
    "sorry to say we have offered the post to another teacher. Your classroom manner was warm "
    "and the children responded well. In the interview your answers on behaviour were fine, "
    "but we felt you lacked some depth on phonics screening for the younger years, and the "
    "successful candidate had more experience there.\n\nKind regards,\nMarta Keane\nDeputy Head"
)


def test_the_area_a_gap_names_is_asked_about_by_name_not_which_area(analyzer: Analyzer) -> None:
    texts = [q.text for q in analyzer.analyze(_DEPTH).questions]
    named = [t for t in texts if "phonics screening for the younger years" in t]
    assert named and named[0].endswith("?"), texts
    assert not any("which area" in t.lower() for t in texts), texts


def test_a_note_of_feedback_names_the_area_in_its_opener() -> None:
    message = _DEPTH.replace("The panel met", "As you asked for feedback: the panel met")
    findings = [found(message, "lacked some depth", "unspecified_gap")]
    opener = plan_of(message, findings)[0].text
    assert "phonics screening for the younger years" in opener and opener.endswith("?"), opener


_FEELING = (
    "Hi Omar,\n\nThanks for presenting your pitch deck to us on Monday. I'm afraid we've decided "
    "not to offer you the role. Some feedback: the research was thorough and the interviews you "
    "ran were excellent. Where we struggled was the pricing - when Ruth asked how you got to the "
    "numbers it didn't quite land. The other thing, and this is more of a feeling, is that you "
    "didn't seem very comfortable when taking questions, which matters as you'd be with "
    "investors on your own.\n\nBest\nJo"
)


def test_a_note_is_thanked_without_a_question_only_when_its_vague_point_is_asked(
    analyzer: Analyzer,
) -> None:
    questions = analyzer.analyze(_FEELING).questions
    asked = [q for q in questions if q.text.endswith("?")]
    assert asked, [q.text for q in questions]
    assert "the pricing" in questions[0].text, questions[0].text


_FIT = (
    "Dear Ade,\n\nAfter a lot of discussion the trustees have decided to appoint another "
    "candidate as Fundraising Manager. As you asked for feedback: the trustees liked your "
    "events work. There was also a sense that it wasn't quite the right fit with where the "
    "charity is right now, which I know is not easy to hear.\n\nWarm regards,\nHelen Bright\n"
    "Chair of Trustees"
)


def test_a_fit_with_its_own_complement_is_still_asked_in_a_note() -> None:
    findings = [found(_FIT, "wasn't quite the right fit", "fit_euphemism")]
    clarify = [q for q in plan_of(_FIT, findings) if q.purpose == "clarify"]
    assert [q.type for q in clarify] == ["fit_euphemism"], clarify


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("Good luck out there, and reach out if you want to chat about it.", "offers_call"),
        ("If you'd like to talk it over, I'm around most afternoons.", "offers_call"),
        ("Can you talk tomorrow? There's a night-shift opening at our other depot.", "offers_call"),
        ("I keep a list of relief drivers for the summer too, if you want to go on it.", "work"),
        ("We always need seasonal pickers in August if you're interested.", "work"),
    ],
)
def test_offers_in_passing_are_read(sentence: str, reading: str) -> None:
    message = f"Hi Sam,\n\nThanks for your time. We've gone with someone else. {sentence}\n\nDave"
    ctx = read_context(message, policy=None)
    if reading == "work":
        assert ctx.work_offered, ctx
        assert ctx.work_offered in plan_of(message)[-1].text
    else:
        assert getattr(ctx, reading), ctx


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("You were slow getting set up and the larder fell behind during service.", False),
        ("Your skills on the pass were not yet where the role needs them.", True),
        ("We had to select more strictly on competencies and technical knowledge.", True),
    ],
)
def test_a_reason_is_named_as_weighing_only_when_the_message_says_it(
    sentence: str, named: bool
) -> None:
    message = (
        f"Hi Jess,\n\nThanks for the trial on Friday. We won't be going ahead. {sentence}\n\nClaire"
    )
    reasons = [stated(message, "skills", sentence)]
    texts = [q.text for q in plan_of(message, reasons=reasons)]
    assert any("skills weighed" in t or "skills played" in t for t in texts) is named, texts


def test_a_question_on_how_it_went_names_the_stage_in_its_own_word() -> None:
    sentence = "You were slow getting set up and we fell behind on larder during service."
    message = (
        "Hi Jess,\n\nThanks for coming in for the trial shift on Friday night. We won't be going "
        f"ahead. {sentence}\n\nClaire"
    )
    reasons = [stated(message, "interview_performance", sentence)]
    texts = [q.text for q in plan_of(message, reasons=reasons)]
    assert any("my trial" in t for t in texts) and not any("interviews" in t for t in texts), texts


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "If you want to pick up some shifts while you build your hours, we're short on "
            "Mondays.",
            "shifts",
        ),
        ("We're always needing people over summer, so keep us in mind.", "summer"),
        (
            "We do take freelancers for event photography now and then. Would that interest you?",
            "freelance",
        ),
    ],
)
def test_work_offered_in_other_words_is_taken_up_by_its_kind(sentence: str, kind: str) -> None:
    message = f"Hi Sam,\n\nThanks for your time. We've gone with someone else. {sentence}\n\nDave"
    assert read_context(message, policy=None).work_offered == kind
    named = kind if kind.endswith("shifts") else f"{kind} work"  # shifts are named whole
    assert f"for {named}" in plan_of(message)[-1].text


def test_an_opening_the_sender_has_is_taken_up_by_its_name() -> None:
    message = (
        "Hi Femi,\n\nWe've decided to go with another candidate for the Night Shift Supervisor "
        "post. We do have a Team Lead position opening at the Corby site next month. If that "
        "interests you, let me know and I'll pass your name on.\n\nRuth"
    )
    ctx = read_context(message, policy=None)
    assert ctx.offered_role == "one" and ctx.future_role == "the Team Lead position", ctx
    assert "the Team Lead position" in plan_of(message)[-1].text


def test_the_candidates_own_work_is_no_role_ahead() -> None:
    message = (
        "Dear Aisha,\n\nWe have appointed another candidate for the Outreach Officer post. I was "
        "impressed by your work running the holiday reading scheme, and with your permission I "
        "would like to pass your CV on to a colleague at the county library service who is "
        "recruiting. Please let me know if that is all right.\n\nTom"
    )
    ctx = read_context(message, policy=None)
    assert ctx.future_role is None, ctx
    assert "reading scheme" not in plan_of(message)[-1].text


def test_a_message_invited_on_a_condition_is_no_offer_to_discuss() -> None:
    message = (
        "hi Zoe, thanks for coming in. we've gone with someone else as we really need someone "
        "who can do both weekend days and you've got college on Saturdays. if your timetable "
        "changes in the new year flick me a message.\nJen"
    )
    ctx = read_context(message, policy=None)
    assert not ctx.offers_discuss and not ctx.offers_call, ctx
    assert ctx.invited_when == "if my timetable changes in the new year"
    assert "availability" in ctx.out_of_control


def test_a_point_is_named_without_the_time_it_fell_short() -> None:
    message = "Hi Ana,\n\nWhere it fell down was pace once the 7 o'clock rush started.\n\nLuis"
    assert weak_point(message) == "pace"


@pytest.mark.parametrize("ending", ["God bless and more power!", "More power to you!"])
def test_a_blessing_in_a_sign_off_is_no_comparison(analyzer: Analyzer, ending: str) -> None:
    message = f"Dear Joy,\n\nWe have chosen another applicant for the post. {ending}\n\nSr. Maria"
    assert not [f for f in analyzer.analyze(message).findings if "power" in f.text.lower()]


def test_a_comparison_the_next_sentence_says_it_came_down_to_is_not_asked() -> None:
    message = (
        "Hi Dev,\n\nThanks for your time last week. We've decided to go with someone more "
        "experienced. It really came down to needing a person who has run a warehouse move "
        "before.\n\nAnna"
    )
    findings = [found(message, "more experienced", "unanchored_comparison")]
    clarify = [q for q in plan_of(message, findings) if q.purpose == "clarify"]
    assert not any(q.type == "unanchored_comparison" for q in clarify), clarify


@pytest.mark.parametrize(
    "sentence",
    [
        "That part weighed most in the end.",
        "The budget answer carried a lot of weight.",
        "Honestly the timing answer is what swung it.",
    ],
)
def test_a_note_that_says_what_weighed_most_has_a_main_point(sentence: str) -> None:
    message = f"Hi Lu,\n\nWe won't be offering you the role. {sentence}\n\nKim"
    assert read_context(message, policy=None).main_point


def test_where_the_other_candidate_edged_ahead_is_the_point() -> None:
    message = "Hi Lu,\n\nWhere the other finalist edged ahead was client reporting.\n\nKim"
    assert weak_point(message) == "client reporting"


def test_a_role_the_sender_will_likely_open_is_taken_up_by_its_name() -> None:
    message = (
        "Hi Jo,\n\nWe've gone with someone more senior this time. I'd like to keep in touch; "
        "we'll likely open a junior analyst role in the spring.\n\nPriya"
    )
    ctx = read_context(message, policy=None)
    assert ctx.future_role == "a junior analyst role in the spring", ctx


@pytest.mark.parametrize(
    ("opening", "stage", "variant"),
    [
        ("Thanks for coming round to the workshop on Monday.", "interviewed", None),
        (
            "Appreciate you coming out Saturday and helping with the lambing.",
            "interviewed",
            "trial",
        ),
        ("Thank you for the demo teaching last Friday.", "interviewed", "demo"),
    ],
)
def test_a_visit_a_working_trial_or_a_demo_lesson_is_the_stage_reached(
    opening: str, stage: str, variant: str | None
) -> None:
    message = f"Hi Sam,\n\n{opening} We've gone with someone else for the job.\n\nGary"
    ctx = read_context(message, policy=None)
    assert (ctx.stage, ctx.stage_variant) == (stage, variant)


def test_a_better_salary_in_another_role_is_no_pay_reason() -> None:
    message = (
        "Hi Sean,\n\nThe client went with someone who had more tunnelling experience. I have a "
        "role in Galway that would suit you, and the salary is a bit better too. Are you free "
        "for a call tomorrow?\n\nAoife"
    )
    assert "salary" not in read_context(message, policy=None).out_of_control


def test_an_accreditation_audit_is_no_credential() -> None:
    message = (
        "Hi Grace,\n\nWe asked about preparing for an accreditation audit and you seemed less "
        "sure there. We have decided not to go ahead.\n\nMaree"
    )
    assert not any(k == "credentials" for k, *_ in read_context(message, policy=None).remarks)


def test_a_language_grade_in_brackets_answers_the_level() -> None:
    message = (
        "Dear Mr. Okafor,\n\nWe decided for candidates whose profile fits better, especially the "
        "knowledge of Dutch language (B2) needed for customer contact.\n\nHR"
    )
    kinds = [k for k, *_ in read_context(message, policy=None).remarks]
    assert "language_level" in kinds
    assert not any("what level" in q.text.lower() for q in plan_of(message))


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "We needed someone with experience on the Fleetwise dispatch system.",
            "experience on the Fleetwise dispatch system",
        ),
        (
            "We appointed an applicant who has some experience teaching at sixth-form level.",
            "experience teaching at sixth-form level",
        ),
    ],
)
def test_an_experience_named_after_its_noun_is_built_on(sentence: str, named: str) -> None:
    message = f"Dear Ama,\n\nThank you for the interview. {sentence}\n\nMr Mensah"
    reasons = [stated(message, "experience", sentence)]
    texts = [q.text for q in plan_of(message, reasons=reasons)]
    assert any(t.startswith(("Since", "As")) and named in t for t in texts), texts


def test_a_cv_passed_on_to_an_unnamed_role_is_thanked_for() -> None:
    message = (
        "Dear Ama,\n\nWe have appointed another applicant. I will pass your CV to the head of "
        "our sister school as she told me they are looking for someone.\n\nMr Mensah"
    )
    assert read_context(message, policy=None).put_forward
    assert "CV on" in plan_of(message)[-1].text


def test_a_call_offered_on_a_condition_with_curly_apostrophes_is_said_yes_to_on_it() -> None:
    message = (
        "Hi Mia,\n\nWe went with another candidate. You\u2019d be a great fit elsewhere, and if "
        "a commis spot opens up I\u2019d like to give you a call first, if that\u2019s alright "
        "with you?\n\nRenee"
    )
    assert (
        plan_of(message)[-1].text == "Yes, please give me a call first if a commis spot opens up."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Are you free for 15 min Thursday?",
        "If you want, we can have short call where Piotr goes through the review with you.",
    ],
)
def test_more_calls_in_a_senders_words(sentence: str) -> None:
    message = f"Hi Sam,\n\nThey went with someone else. {sentence}\n\nDave"
    assert read_context(message, policy=None).offers_call


def test_a_reason_praised_in_its_clause_is_not_said_to_weigh() -> None:
    sentence = "While your experience is valued, we have selected another candidate."
    message = f"Dear Robert,\n\nThank you for meeting our team. {sentence}\n\nHR"
    texts = [q.text for q in plan_of(message, reasons=[stated(message, "experience", sentence)])]
    assert not any("experience played" in t or "experience weighed" in t for t in texts), texts


def test_a_call_invited_on_a_condition_is_no_call_offered_now() -> None:
    message = (
        "Alright Dean,\n\nThanks for coming down to the site. I've gone with a lad who can start "
        "Monday. If you get your ticket sorted give me a ring.\n\nGaz"
    )
    ctx = read_context(message, policy=None)
    assert not ctx.offers_call and not ctx.call_me, ctx
    assert ctx.invited_when == "if I get my ticket sorted"
    assert "start" in ctx.out_of_control


@pytest.mark.parametrize(
    "sentence",
    [
        "Your answer on the stock rotation question was a bit general.",
        "The recommendations were somewhat generic.",
        "The panel felt the answer was not structured enough.",
    ],
)
def test_a_general_or_unstructured_answer_is_an_unspecified_gap(
    analyzer: Analyzer, sentence: str
) -> None:
    message = f"Hi Sam,\n\nWe have decided not to offer you the role. {sentence}\n\nKim"
    types = {f.type for f in analyzer.analyze(message).findings if f.text in sentence}
    assert "unspecified_gap" in types, types


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        ("Where we hesitated was the computational side.", "the computational side"),
        (
            "The areas where you scored lower were supervision and leadership.",
            "supervision and leadership",
        ),
        ("Honestly the conclusions were fairly general.", "the conclusions"),
    ],
)
def test_more_ways_to_say_where_it_fell_short(sentence: str, point: str) -> None:
    assert weak_point(f"Hi Lu,\n\n{sentence}\n\nKim") == point


_HESITATED = (
    "Dear Dr Ruiz,\n\nThank you for your seminar last month. I'm sorry to say we have offered "
    "the post to another candidate, and I'll be honest about why. Your field work is "
    "impressive. Where we hesitated was the modelling side: when we asked how you would fit "
    "the growth curves, the answer was fairly general. A smaller thing: the last section of "
    "the talk felt rushed.\n\nBest,\nKaren"
)


def test_a_note_that_names_where_it_fell_short_is_asked_about_it_beside_its_vague_point(
    analyzer: Analyzer,
) -> None:
    questions = analyzer.analyze(_HESITATED).questions
    assert "the modelling side" in questions[0].text and questions[0].text.endswith("?")


_FOOTERS = (
    "Dear Ms Adeyemi\n\nThank you for your application for the Senior Care Worker post. The "
    "shortlisting panel has met and your application has not been shortlisted on this "
    "occasion. If you would like feedback, please email the Resourcing Team quoting the post "
    "reference within 28 days.\n\nYours sincerely\n\nResourcing Team\nNorthmoor Borough "
    "Council\n\nNorthmoor Borough Council is committed to safeguarding and promoting the "
    "welfare of children. Northmoor does not request any fee or payment from candidates; any "
    "such request is fraudulent."
)


def test_footers_and_instructions_are_no_feedback_points(analyzer: Analyzer) -> None:
    texts = [q.text for q in analyzer.analyze(_FOOTERS).questions]
    assert not any("pointers" in t or "these points" in t for t in texts), texts


def test_a_letter_that_enters_into_no_correspondence_declines() -> None:
    message = (
        "Dear Candidate,\n\nYou were not successful at this stage. Kindly note that the decision "
        "is final and the Bank will not be entering into any correspondence on the results.\n\n"
        "Human Capital Management"
    )
    assert read_context(message, policy=None).declines


def test_all_the_minimum_requirements_name_no_requirement() -> None:
    message = (
        "Dear Thandi,\n\nYour application was unsuccessful. Only candidates who met all the "
        "minimum requirements were shortlisted.\n\nHuman Resources"
    )
    assert not read_context(message, policy=None).requirement_named


def test_the_senders_question_is_answered_before_the_call_is_taken_up() -> None:
    message = (
        "Hi Tom,\n\nThe client went with the other candidate. Are you open to interim roles at "
        "all? I've got a maternity cover in Slough - let me know and I'll give you a call "
        "tomorrow.\n\nHannah"
    )
    closing = plan_of(message)[-1].text
    assert closing.startswith("Yes, I would be open to interim roles."), closing
    assert "call" in closing


@pytest.mark.parametrize(
    ("sentence", "yes"),
    [
        (
            "We sometimes need locum cover at Easter. Would you be interested if I kept your "
            "number for that?",
            "Yes, please keep my number for that.",
        ),
    ],
)
def test_a_question_on_what_the_sender_would_do_is_said_yes_to(sentence: str, yes: str) -> None:
    message = f"Hi Aoife,\n\nWe've offered the post to someone else. {sentence}\n\nSiobhan"
    assert plan_of(message)[-1].text.startswith(yes)


def test_an_opening_the_sender_is_having_is_an_opening_in_hand() -> None:
    message = (
        "Dear Sneha,\n\nThank you for coming to our clinic for interview on Monday. We have "
        "selected another candidate. Still if you are interested, we are having one opening "
        "for receptionist at our Baner branch. Kindly let us know.\n\nDr. Rao"
    )
    ctx = read_context(message, policy=None)
    assert ctx.offered_role == "one" and ctx.stage == "interviewed", ctx


def test_a_decision_for_a_candidate_who_had_more_is_a_decision() -> None:
    from analyzer.plancontext import invites_after_decision

    message = (
        "Hi Mei,\n\nWe've decided to go with a candidate who has more experience with full "
        "set accounts. Would you be open to a contract role in our AP team instead? I can "
        "arrange a quick call.\n\nJasmine"
    )
    assert invites_after_decision(message)


def test_a_coffee_offered_is_accepted_as_a_coffee_not_a_call() -> None:
    message = (
        "Hi Derek, thanks for meeting me Tuesday. The team lead spot isn't the right fit right "
        "now. Want to grab a coffee next week and talk it through? Rob"
    )
    closing = plan_of(message)[-1].text
    assert "coffee" in closing and "call" not in closing, closing


def test_a_question_to_consider_joining_is_said_back_with_its_gerund() -> None:
    message = (
        "Dear Rhian,\n\nWe have appointed an internal candidate. Would you consider joining our "
        "bank while you look?\n\nSian"
    )
    assert plan_of(message)[-1].text == "Yes, I would consider joining your bank while I look."


@pytest.mark.parametrize(
    ("action", "said"),
    [
        ("call you when you are free", "call me when I am free"),
        ("ring you if you're around", "ring me if I'm around"),
        ("put your CV forward", "put my CV forward"),
    ],
)
def test_a_subject_you_is_said_back_as_i(action: str, said: str) -> None:
    from analyzer.planasks import turned

    assert turned(action) == said


@pytest.mark.parametrize(
    "sentence",
    [
        "We've gone with a lad who's already got his gas ticket.",
        "It came down to him having his coaching badge already.",
    ],
)
def test_a_credential_the_hire_already_has_is_a_named_requirement(sentence: str) -> None:
    message = f"Alright Dean,\n\nThanks for coming down. {sentence}\n\nMick"
    assert read_context(message, policy=None).requirement_named


def test_the_draft_names_the_coffee_the_plan_accepts(analyzer: Analyzer) -> None:
    from analyzer.drafts import draft

    message = (
        "Hi Derek,\nThanks for meeting me Tuesday. I've decided to go with another candidate "
        "for the team lead spot. Want to grab a coffee next week and talk it through?\nRob\n"
    )
    email = draft(analyzer.analyze(message))
    assert "coffee" in (email.subject or "") and "a call" not in email.body, email
    assert any("coffee" in line for line in email.advice), email.advice


def test_work_is_named_by_the_kind_its_own_sentence_gives() -> None:
    message = (
        "Dear Ana,\n\nThe contract clause had a mistranslation, and the other candidate had "
        "more experience. We also work with freelance translators for medical texts. If you are "
        "interested I can add you to our database.\n\nLucia"
    )
    assert read_context(message, policy=None).work_offered == "freelance"


def test_a_rate_the_sender_asks_for_is_no_pay_mismatch_to_ask_about() -> None:
    message = (
        "Hi Sam,\n\nWe went with someone who has run this client before. We're stretched over "
        "the summer, so if freelance producing interests you, let me know your day rate and "
        "availability.\n\nLaura"
    )
    texts = [q.text for q in plan_of(message)]
    assert not any("level of role" in t for t in texts), texts


@pytest.mark.parametrize(
    "praise",
    [
        "You were grand on the pass and the team liked working with you.",
        "You came across really well with the residents.",
        "You clearly know your way around a forklift.",
    ],
)
def test_praise_in_passing_is_thanked_not_asked_again(praise: str) -> None:
    message = (
        f"Hi Callum,\n\nThanks for the trial shift on Saturday. {praise} I've gone with someone "
        "who has run a section before.\n\nEuan"
    )
    opener = plan_of(message)[0].text
    assert opener in plan_settings()["praise_openers"]["general"]["alone"], opener


def test_casual_shifts_offered_in_passing_and_another_post_coming_up_are_read() -> None:
    shifts = (
        "Hi Callum,\n\nYou were good on the pass, but I've gone with someone else. If you fancy "
        "picking up a few casual shifts over the summer, just let me know.\n\nEuan"
    )
    post = (
        "Hi Aoife,\n\nWe've offered it to someone with a bit more experience on a surgical "
        "floor. There'll be another post coming up after Christmas.\n\nNiamh"
    )
    assert read_context(shifts, policy=None).work_offered == "casual shifts"
    assert read_context(post, policy=None).offered_role == "one"


@pytest.mark.parametrize(
    ("sentence", "yes"),
    [
        (
            "Would you be interested in subbing at the branches on a per-diem basis?",
            "Yes, I would be interested in subbing at the branches on a per-diem basis.",
        ),
        (
            "We sometimes need tutors for Saturday classes, and I would like to know if you "
            "would be available from next term.",
            "I [would / would not] be available from next term.",
        ),
    ],
)
def test_the_senders_question_in_any_words_is_answered(sentence: str, yes: str) -> None:
    message = (
        f"Dear Kofi,\n\nWe have offered the post to another candidate. {sentence}\n\nMrs Boateng"
    )
    assert plan_of(message)[-1].text.startswith(yes)
