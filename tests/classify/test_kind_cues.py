"""Kind cues: the subject line, the body's wording of an agreed interview or an outright
invitation, and decision statements in so many words (analyzer.classify.decide)."""

from __future__ import annotations

import numpy as np
import pytest

from analyzer.classify.decide import (
    KindCue,
    KindRule,
    asks_question,
    body_cues,
    conditional_words,
    cued_evidence,
    decision_cues,
    lift_by_cues,
    matching_cues,
    questioned_evidence,
    states_decision,
    subject_cues,
    subject_matches,
)
from analyzer.cues import Cues
from analyzer.labels import DECISION_KINDS, KINDS

RULE = KindRule(gate=0.4)


def proba(**given: float) -> np.ndarray:
    """A probability row over KINDS; the unnamed kinds share what is left."""
    rest = (1.0 - sum(given.values())) / (len(KINDS) - len(given))
    return np.array([given.get(k, rest) for k in KINDS])


def cue(kind: str, *over: str) -> KindCue:
    return KindCue(kind, Cues(["x"]), frozenset(over))


@pytest.mark.parametrize(
    ("p", "decided", "cues", "evidence", "expected"),
    [
        # a decision backed by a decision sentence is never changed by a cue
        (proba(rejection=0.9), ("rejection", 0.9), [cue("acknowledgement")], 0.8, "rejection"),
        # 'other' (a footer body) is lifted by a cue
        (proba(other=0.97), ("other", 0.97), [cue("acknowledgement")], 0.0, "acknowledgement"),
        # a confident invitation yields to one cue of an agreed interview
        (proba(invitation=0.92), ("invitation", 0.92), [cue("other", "invitation")], 0.0, "other"),
        # a cue that may not replace the decided kind leaves it alone
        (proba(offer=0.6), ("offer", 0.6), [cue("other", "invitation")], 0.0, "offer"),
        # a cue of a decision kind needs the gate's evidence
        (proba(acknowledgement=0.7), ("acknowledgement", 0.7), [cue("rejection")], 0.1, None),
        # two cues that disagree: the classifier breaks the tie
        (
            proba(invitation=0.3, acknowledgement=0.1),
            ("invitation", 0.3),
            [cue("acknowledgement"), cue("invitation")],
            0.0,
            "invitation",
        ),
    ],
)
def test_lift_by_cues(
    p: np.ndarray,
    decided: tuple[str, float],
    cues: list[KindCue],
    evidence: float,
    expected: str | None,
) -> None:
    kind, confidence = lift_by_cues(p, decided, cues, evidence=evidence, rule=RULE)
    assert kind == (expected or decided[0])
    assert 0.0 < confidence <= 1.0
    if kind != decided[0]:  # one cue's vote: half the mass plus half the classifier's
        votes = sum(c.kind == kind for c in cues)
        gated = p.copy()
        if evidence < 0.4:  # no decision kind without the gate's evidence
            gated[[KINDS.index(k) for k in DECISION_KINDS]] = 0.0
        share = gated[KINDS.index(kind)] / gated.sum()
        assert confidence == pytest.approx((share + votes) / (1 + len(cues)))


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("Your application was viewed by Larchfield Analytics", "acknowledgement"),
        ("Priya, your application was sent to Okapi Robotics", "acknowledgement"),
        ("We have received your application", "acknowledgement"),
        ("Thank you for applying to Brindle & Co", "acknowledgement"),
        ("Onsite interview confirmation - Platform Engineer", "other"),
        ("Confirmed: your interview with Tern Labs", "other"),
        ("Save the date: final round", "other"),
        ("Online assessment completed", "other"),
        ("Further information required for your application", "other"),
        ("Invitation to interview: Data Analyst", "invitation"),
        ("Pre-screen invitation from Halyard Health", "invitation"),
        ("Next steps for the QA Lead role", "invitation"),
        ("Re: Onsite interview confirmation", None),  # a reply names the earlier message
        ("Fwd: Your application was viewed by Larchfield", None),
        ("Software Engineer position", None),
        ("Lunch on Friday?", None),
        ("", None),
        (None, None),
    ],
)
def test_subject_cues(subject: str | None, kind: str | None) -> None:
    marker, cues = subject_cues()
    found = [c.kind for c in subject_matches(subject, marker, cues)]
    assert found == ([] if kind is None else [kind])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hi Sam, this email confirms your phone interview on Monday at 10am.", "other"),
        ("Your technical interview with the platform team is now scheduled for 3 May.", "other"),
        ("I have booked your onsite for Thursday; directions below.", "other"),
        ("We have scheduled your panel interview for Tuesday at 2pm.", "other"),
        ("Please hold Friday afternoon for your final interview with the director.", "other"),
        ("You have completed the online assessment; thank you for your time.", "other"),
        ("We would like to invite you to a video interview next week.", "invitation"),
        ("We'd love to bring you onsite to meet the team.", "invitation"),
        ("We would like to schedule a phone screen with you.", "invitation"),
        ("You are invited to take our coding assessment.", "invitation"),
        ("Please confirm your availability for an interview.", None),
        ("Thank you for your application to the analyst role.", None),
        ("They will contact you if they would like to schedule an interview.", None),
        ("If you pass, we'd like to invite you to a panel interview.", None),
        ("You're invited to our alumni networking evening.", None),
        ("You have been shortlisted for interview on 3 May.", "invitation"),
        ("Would you like to bring a friend to the onsite?", None),
        ("Your application status has been updated. Log in to view it.", "acknowledgement"),
        ("There's an update on your application for Analyst at Brindle.", "acknowledgement"),
        ("Sign in to the candidate portal to view the document we shared.", None),
    ],
)
def test_body_cues(text: str, kind: str | None) -> None:
    found = [c.kind for c in matching_cues(text, body_cues(), conditional_words())]
    assert found == ([] if kind is None else [kind])


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Thanks for applying. While you weren't selected for this role, do apply again.", True),
        ("Unfortunately your application was not successful.", True),
        ("We have decided to move forward with other applicants.", True),
        ("We will not be moving your application forward.", True),
        ("We are unable to offer you the position.", True),
        ("If you are not selected, we will let you know by email.", False),
        ("Should we decide to move forward with other candidates, we will tell you.", False),
        ("Were you not selected for the last round?", False),
        ("Thank you for your application; we will review it shortly.", False),
    ],
)
def test_states_decision(text: str, stated: bool) -> None:
    assert states_decision(text, decision_cues(), conditional_words()) is stated


@pytest.mark.parametrize(
    ("evidence", "stated", "rule", "expected"),
    [
        (0.1, True, KindRule(gate=0.4), 0.4),
        (0.7, True, KindRule(gate=0.4), 0.7),
        (0.1, False, KindRule(gate=0.4), 0.1),
        (0.1, True, KindRule(), 0.1),
    ],
)
def test_cued_evidence(evidence: float, stated: bool, rule: KindRule, expected: float) -> None:
    assert cued_evidence(evidence, stated=stated, rule=rule) == expected


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Can you confirm that you can work in the UK?", True),
        ("Are you free on Tuesday? If so, reply to this email.", True),
        ("We have decided not to proceed. Best of luck.", False),
        ("See https://example.com/jobs?id=4 for other roles.", False),  # not a sentence end
    ],
)
def test_asks_question(text: str, asks: bool) -> None:
    assert asks_question(text) is asks


@pytest.mark.parametrize(
    ("rejection", "asks", "below", "expected"),
    [
        (0.4, True, 0.9, 0.0),  # a message waiting for an answer, no clear rejection
        (0.95, True, 0.9, 0.7),  # a clear rejection keeps its evidence
        (0.4, False, 0.9, 0.7),  # no question
        (0.4, True, None, 0.7),  # the step turned off
    ],
)
def test_questioned_evidence(
    rejection: float, asks: bool, below: float | None, expected: float
) -> None:
    p = proba(rejection=rejection)
    assert questioned_evidence(0.7, p, asks=asks, below=below) == expected
