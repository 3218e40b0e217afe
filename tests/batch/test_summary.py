"""Summary figures: kinds, reasons, no reason, recurring phrases, policies, fresh rejections."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from analyzer.report import Finding, Prediction, Question, ReasonResult, Report, SpecificFeedback
from analyzer.summary import MAX_FRESH, Summary, normalize_phrase

NOW = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)


def report(
    kind: str | None = "rejection",
    reasons: tuple[str, ...] = (),
    phrases: tuple[str, ...] = (),
    policy: str = "unspecified",
    specific: bool = False,
) -> Report:
    return Report(
        text="t",
        kind=Prediction(kind, 0.9),
        feedback_policy=Prediction(policy, None, "rule"),
        reasons=tuple(ReasonResult(r, 0.8) for r in reasons),
        findings=tuple(Finding(p, 0, 1, "fit_euphemism", "e", "q?") for p in phrases),
        specific_feedback=(SpecificFeedback("x", 0, 1),) if specific else (),
        questions=(Question("Opener?", "opener"), Question(f"Clarify {kind}?", "clarify")),
    )


def meta(hours_ago: float | None = None) -> dict[str, object]:
    date = None if hours_ago is None else (NOW - timedelta(hours=hours_ago)).isoformat()
    return {"path": "box.mbox", "index": 1, "subject": "S", "sender": "F", "date": date}


def filled() -> Summary:
    summary = Summary(now=NOW)
    summary.add(report(reasons=("experience", "fit"), phrases=("Not the  right FIT",)), meta(1))
    summary.add(report(reasons=("fit",), phrases=("not the right fit",), policy="invites"), meta())
    summary.add(report(reasons=("none_given",), policy="declines", specific=True), meta(100))
    summary.add(report(kind="feedback_reply", specific=True), meta(47))
    summary.add(report(kind="invitation", reasons=("skills",), phrases=("soon",)), meta(2))
    summary.add(report(kind=None, phrases=("at this time",)), meta(3))
    summary.add_duplicate()
    summary.add_error()
    summary.add_filtered("offer")
    return summary


def test_figures() -> None:
    s = filled()
    assert dict(s.by_kind) == {
        "rejection": 3, "feedback_reply": 1, "invitation": 1, "unknown": 1, "offer": 1,
    }  # fmt: skip
    assert s.rejections == 5  # rejections, the feedback reply and the unknown one
    assert dict(s.reasons) == {"fit": 2, "experience": 1}
    assert s.no_reason == 3
    assert s.reason_counts() == [("fit", 2), ("experience", 1), ("none_given", 3)]
    assert s.top_phrases(1) == [("not the right fit", 2)]
    assert "soon" not in s.phrases  # invitations carry no patterns
    assert (s.invites(), s.declines(), s.with_specific) == (1, 1, 2)
    assert (s.duplicates, s.errors, s.filtered) == (1, 1, 1)


def test_fresh_rejections_are_the_last_two_days_newest_first() -> None:
    fresh = filled().fresh_rejections()
    assert [f.date for f in fresh] == [NOW - timedelta(hours=h) for h in (1, 3, 47)]
    assert fresh[0].origin == "box.mbox#1"
    assert fresh[0].questions == ("Clarify rejection?",)


def test_fresh_list_is_bounded() -> None:
    s = Summary(now=NOW)
    for n in range(MAX_FRESH + 30):
        s.add(report(), meta(n / 60))
    fresh = s.fresh_rejections()
    assert len(fresh) == MAX_FRESH
    assert fresh[0].date == NOW


def test_a_record_counts_like_its_report() -> None:
    r = report(reasons=("skills",), phrases=("lacked depth",), policy="invites", specific=True)
    direct, resumed = Summary(now=NOW), Summary(now=NOW)
    direct.add(r, meta(5))
    resumed.add_record({"status": "ok", "source": meta(5), "report": r.to_dict()})
    resumed.add_record({"status": "duplicate", "source": meta()})
    assert (direct.by_kind, direct.reasons, direct.phrases, direct.policies) == (
        resumed.by_kind, resumed.reasons, resumed.phrases, resumed.policies,
    )  # fmt: skip
    assert direct.fresh_rejections() == resumed.fresh_rejections()
    assert (resumed.resumed, resumed.duplicates) == (2, 1)


@pytest.mark.parametrize(
    ("phrase", "normal"),
    [("Not The Right Fit", "not the right fit"), ("at\n  this\ttime ", "at this time")],
)
def test_normalize_phrase(phrase: str, normal: str) -> None:
    assert normalize_phrase(phrase) == normal


def test_naive_dates_are_utc_and_bad_dates_ignored() -> None:
    s = Summary(now=NOW)
    s.add(report(), {"path": "a", "date": "2024-03-10T11:00:00"})
    s.add(report(), {"path": "b", "date": "yesterday"})
    assert [f.origin for f in s.fresh_rejections()] == ["a"]
