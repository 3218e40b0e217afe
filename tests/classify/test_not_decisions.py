"""What is not a rejection though it sounds like one (issue 14): a decision sentence that is
hedged (a condition, a possibility, a promise of later news), a status notice, a decision
about something that is not a job, and offers or invitations with a rejection's courtesy."""

from __future__ import annotations

import numpy as np
import pytest

from analyzer.analysis import Analyzer
from analyzer.classify.decide import (
    KindRule,
    about_non_job,
    body_cues,
    conditional_words,
    cued_evidence,
    decide_kind,
    decision_cues,
    hedged_sentences,
    hedges,
    kind_word_lists,
    lift_by_cues,
    matching_cues,
    non_job_cues,
    statement_matters,
    states_decision,
    strong_job_words,
)
from analyzer.classify.store import has_models, models_dir
from analyzer.labels import KINDS

needs_models = pytest.mark.skipif(not has_models(models_dir()), reason="no trained models")


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # conditions and possibilities
        (
            "If you do not hear from us within 14 days, please consider your application "
            "unsuccessful.",
            True,
        ),
        ("Please consider your application unsuccessful if we have not replied by Friday.", True),
        ("Should we decide not to move forward, you will receive an email.", True),
        ("In case you are not selected, we will keep your CV for six months.", True),
        ("Unless you hear otherwise, your application is still being considered.", True),
        ("We may not be able to get back to every candidate.", True),
        ("Please assume we have chosen other candidates after three weeks.", True),
        # a class of applicants, not this one; a promise of later news
        ("Only shortlisted candidates will be contacted.", True),
        ("Unsuccessful applicants will be informed once shortlisting is complete.", True),
        ("Candidates who are not shortlisted will not be contacted.", True),
        ("Due to the volume, we are unable to respond to every applicant.", True),
        ("You will be notified of the outcome by email.", True),
        (
            "While we could not move every applicant forward, we are happy to let you know you "
            "have been selected for the next round.",
            True,
        ),
        ("We'll let you know either way by the end of the month.", True),
        # a review under way, or a match that may come: no decision yet
        (
            "Our team is busy reviewing your skills and background to see if they match the "
            "requirements of the role.",
            True,
        ),
        ("We will review your details to determine whether you meet the minimum criteria.", True),
        ("We'll keep your CV and reach out if a role that suits your background opens up.", True),
        ("If your profile is a match, a recruiter will call you to arrange a chat.", True),
        # decisions stated outright
        ("We have decided not to move forward with your application.", False),
        ("Unfortunately you have not been selected for interview.", False),
        ("We regret that your application was unsuccessful.", False),
        (
            "After meeting with all of the candidates, we have decided to move forward with "
            "someone else.",
            False,
        ),
        # a decision first, a hedge after the turn of the clause: still a decision
        ("We've filled the role, but we'll keep your CV in case anything opens up.", False),
        ("We won't be progressing your application; if a role opens we'll call you.", False),
        (
            "Your skills did not match the requirements, but we'll keep your CV if a role "
            "that suits you opens.",
            False,
        ),
        # a hedge inside feedback names no outcome
        ("You did not say what happens to the queue if the cache restarts.", False),
        ("If it helps, your examples might not have been detailed enough.", False),
        # "May" the month is no hedge
        ("Your notice period runs until May, which is too late for us.", False),
    ],
)
def test_hedged_sentences(sentence: str, hedged: bool) -> None:
    text = f"Hello Sam,\n{sentence}\nBest, Team"
    start = text.index(sentence)
    bounds = [(0, 10), (start, start + len(sentence)), (start + len(sentence) + 1, len(text))]
    assert hedged_sentences(text, bounds, hedges()) == [False, hedged, False]


def test_a_hedge_belongs_to_its_own_sentence() -> None:
    text = "We have decided not to proceed. If you want feedback, reply to this email."
    bounds = [(0, 31), (32, len(text))]
    assert hedged_sentences(text, bounds, hedges()) == [False, True]
    assert hedged_sentences(text, [], hedges()) == []


@pytest.mark.parametrize(
    ("text", "non_job"),
    [
        ("We regret to inform you that your payment was declined.", True),
        ("Your request to increase your credit limit was not approved.", True),
        ("Your listing was rejected because the photos are missing.", True),
        ("Unfortunately we were unable to process your refund request.", True),
        ("We regret that your rental application was not successful.", True),
        ("After review we have decided not to proceed with your refund claim.", True),
        ("The landlord has chosen another applicant.", True),
        ("Your card has been declined twice today.", True),
        # the same courtesy about a job
        ("We regret to inform you that your application was not successful.", False),
        ("Your application for the Data Analyst position was declined.", False),
        # a job's own word beside a non-job decision: the decision may be about the job
        ("Your payment was declined, so your interview booking fee is still due.", False),
        ("We have decided not to proceed with your application for the role.", False),
    ],
)
def test_about_non_job(text: str, non_job: bool) -> None:
    words = text.lower().replace(".", " ").replace(",", " ").split()
    assert about_non_job(text, words, non_job_cues(), strong_job_words()) is non_job


def test_shared_words_are_job_words() -> None:
    job, _ = kind_word_lists()
    strong = strong_job_words()
    assert strong < job
    assert {"application", "applicant", "offer"} <= job - strong
    assert {"position", "role", "interview", "recruiter"} <= strong


def _p(**kinds: float) -> np.ndarray:
    return np.array([kinds.get(k, 0.0) for k in KINDS])


@pytest.mark.parametrize(
    ("proba", "evidence", "job", "non_job", "kind"),
    [
        # a decision about a payment is 'other' however strong its evidence
        (_p(rejection=0.9, other=0.1), 0.95, True, True, "other"),
        (_p(acknowledgement=0.8, other=0.2), 0.0, True, True, "other"),
        # the same message about a job stays a rejection
        (_p(rejection=0.9, other=0.1), 0.95, True, False, "rejection"),
        # no job word but a stated decision: a rejection, as before
        (_p(rejection=0.9, other=0.1), 0.95, False, False, "rejection"),
    ],
)
def test_decide_kind_sets_non_job_decisions_aside(
    proba: np.ndarray, evidence: float, job: bool, non_job: bool, kind: str
) -> None:
    rule = KindRule(gate=0.4)
    got, confidence = decide_kind(
        proba, evidence=evidence, job_words=job, rule=rule, non_job=non_job
    )
    assert got == kind
    assert 0.0 <= confidence <= 1.0


@pytest.fixture(scope="module")
def with_models() -> Analyzer:
    return Analyzer()


# Made-up messages of each family; none is a rejection but the last three.
MESSAGES = [
    (
        "Dear Candidate,\n\nThank you for your interest in joining Fenwick Logistics. Please note "
        "that we will only contact candidates selected for interview, so if you have not heard "
        "from us within two weeks, your application has not been successful.\n\nFenwick "
        "Recruitment",
        "acknowledgement",
    ),
    (
        "Hello Maria,\n\nThanks for your application to the Nurse Practitioner vacancy. "
        "Unfortunately, due to the large number of applications, we may not be able to get back "
        "to every candidate. If you are not selected for an interview, we will keep your details "
        "for future vacancies.\n\nRegards,\nRecruitment Office",
        "acknowledgement",
    ),
    (
        "Hi Chris, thank you for applying for the Support Engineer role! We're reviewing "
        "applications now. Unfortunately we can't respond to everyone, so if you don't hear back "
        "from us within 30 days, please assume we've decided to move forward with other "
        "candidates.\n\nCheers,\nTeam Quillr",
        "acknowledgement",
    ),
    (
        "Thank you for applying. Your application is now with the hiring manager. Regrettably we "
        "won't be able to provide feedback to unsuccessful applicants at this stage, and we will "
        "notify you whichever way the decision goes.\n\nPeople & Culture",
        "acknowledgement",
    ),
    (
        "Hi Jordan,\n\nYour application status has been updated. Log in to your candidate portal "
        "to view the update.\n\nTalentSpring",
        "acknowledgement",
    ),
    (
        "We regret to inform you that your rental application for 14 Elm Street was not "
        "successful. The landlord has chosen another applicant.\n\nParkside Lettings",
        "other",
    ),
    (
        "Dear customer, after careful review we have decided not to proceed with your refund "
        "claim. The item was returned after the deadline.\n\nRegards,\nHomeWares Online",
        "other",
    ),
    (
        "We regret to inform you that your payment was declined. Please update your card "
        "details to keep your subscription active.\n\nStreamBox Billing",
        "other",
    ),
    (
        "Hi Priya,\n\nWe are delighted to offer you the position of Backend Engineer at Tallow. "
        "Unfortunately we can only offer a start date in March, as our onboarding cohort for "
        "February is full. Your written offer is attached.\n\nBest,\nMaya, Tallow People Team",
        "offer",
    ),
    (
        "Dear Tom,\n\nWe regret the delay in getting back to you. We'd like to invite you to a "
        "first interview for the Operations Analyst role. Please pick a slot using the link "
        "below.\n\nRecruiting Team",
        "invitation",
    ),
    (
        "Dear Sam,\n\nThank you for applying to the Data Analyst role. Unfortunately, we have "
        "decided not to move forward with your application at this time.\n\nNorvale Talent Team",
        "rejection",
    ),
    (
        "Hi,\n\nThanks for your interest. We won't be progressing your application, but if a "
        "similar role comes up we'll let you know.\n\nBest,\nRecruiting",
        "rejection",
    ),
    (
        "Dear Applicant,\nThank you for applying for the Payroll Officer position. Our recruiters "
        "are hard at work reviewing your experience and qualifications to see if they match the "
        "requirements of the role. If our team decides your skills suit this or another "
        "opening, someone will contact you about next steps. Sign up for job alerts to hear "
        "about new positions in your area.\nThank you again for your interest in Brackley "
        "Foods.\nBrackley Foods Recruiting",
        "acknowledgement",
    ),
    (
        "Dear Applicant\n\nThank you for your application for the post of Stores Officer.\n\n"
        "Kindly note that your application was unsuccessful. We received many applications and "
        "only shortlisted candidates will be contacted further.\n\nWe wish you well in your "
        "future career.\n\nHuman Resources",
        "rejection",
    ),
    (
        "Hi Tanya - quick update. Heard back from the client on the Office Manager role and they "
        "went with an internal candidate. Sorry, I know you liked that one. I've got another "
        "office role across town, contract-to-hire for 3 months - can I send over the details?"
        "\nThanks, Greg\nSenior Recruiter | Brightwell Staffing",
        "rejection",
    ),
    (
        "Dear Candidate,\nThank you for applying to the Stores Officer post. Only shortlisted "
        "candidates will be contacted. If you do not hear from us within two weeks, please "
        "consider your application unsuccessful.\nHR Team",
        "acknowledgement",
    ),
    (
        "Dear Applicant, we regret to inform you that your application for the Clerk position "
        "was not successful. Due to the volume of applications we are unable to provide "
        "individual feedback.\n\nHR",
        "rejection",
    ),
]


@needs_models
@pytest.mark.parametrize(("text", "kind"), MESSAGES)
def test_kinds_of_made_up_messages(with_models: Analyzer, text: str, kind: str) -> None:
    assert with_models.analyze(text).kind.label == kind


@pytest.mark.parametrize(
    ("favoured", "text", "lifted"),
    [
        ("acknowledgement", "Kindly note that your application was unsuccessful.", True),
        ("offer", "They went with an internal candidate. I've got another opening.", True),
        ("offer", "We are delighted to offer you the position.", False),
        ("acknowledgement", "If you are not selected, we will let you know.", False),
        ("invitation", "Your application was unsuccessful for the first post.", False),
    ],
)
def test_a_decision_stated_outright_lifts_a_receipt_or_an_offer(
    favoured: str, text: str, lifted: bool
) -> None:
    rule = KindRule(gate=0.4)
    proba = np.full(len(KINDS), 0.05)
    proba[KINDS.index(favoured)] = 0.75
    stated = statement_matters(proba, evidence=0.0, rule=rule) and states_decision(
        text, decision_cues(), conditional_words()
    )
    evidence = cued_evidence(0.0, stated=stated, rule=rule)
    cues = matching_cues(text, body_cues(), conditional_words())
    kind, _ = lift_by_cues(proba, (favoured, 0.75), cues, evidence=evidence, rule=rule)
    assert (kind == "rejection") is lifted
