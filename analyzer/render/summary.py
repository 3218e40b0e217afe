"""Short human summaries shared by the text, markdown and rich renderers."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..planwords import plan_settings
from ..questions import is_boilerplate, title
from ..report import Finding, Report


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _bare(name: str) -> str:
    """'A gap with no detail' -> 'gap with no detail', for counting."""
    lowered = name[0].lower() + name[1:]
    for article in ("a ", "an "):
        if lowered.startswith(article):
            return lowered[len(article) :]
    return lowered


def finding_groups(report: Report) -> list[tuple[str, list[Finding]]]:
    """The findings as the reports list them: the vague phrases worth asking about, those the
    message explains (``Finding.explained_by``, shown with the words that explain them and
    nothing to ask), then the standard wording (:func:`~analyzer.questions.is_boilerplate`),
    each under its heading and only when it has any."""
    words = plan_settings()["render"]
    findings = [f for f in report.findings if not is_boilerplate(f.type)]
    asked = [f for f in findings if f.explained_by is None]
    explained = [
        replace(
            f,
            explanation=str(words["explained_why"]).format(said=f.explained_by),
            question=str(words["explained_ask"]),
        )
        for f in findings
        if f.explained_by is not None
    ]
    standard = [f for f in report.findings if is_boilerplate(f.type)]
    groups = [
        (str(words["vague_heading"]), asked),
        (str(words["explained_heading"]), explained),
        (str(words["boilerplate_heading"]), standard),
    ]
    return [(heading, found) for heading, found in groups if found]


def plan_heading(report: Report) -> str:
    """The heading of the report's plan: "Questions to ask, in order", or "What to reply" when
    the plan asks nothing (a thank-you to a sender who gives no feedback)."""
    words = plan_settings()["render"]
    if any(q.asks for q in report.questions):
        return str(words["heading"])
    return str(words["heading_reply"])


def summary_line(report: Report) -> str:
    """One line: what the message is, how many vague phrases of which kinds, concrete feedback."""
    parts = []
    if report.kind.label is not None:
        parts.append(report.kind.label.replace("_", " ").capitalize())
    counts = Counter(f.type for f in report.findings)
    if counts:
        kinds = ", ".join(f"{n} {_bare(title(t))}" for t, n in counts.most_common())
        parts.append(f"{_plural(len(report.findings), 'vague phrase')} ({kinds})")
    else:
        parts.append("no vague phrases")
    parts.append(_plural(len(report.specific_feedback), "piece") + " of concrete feedback")
    if report.reasons:
        parts.append("reasons: " + ", ".join(r.label.replace("_", " ") for r in report.reasons))
    policy = report.feedback_policy.label
    if policy and policy != "unspecified":
        parts.append(f"the sender {policy} feedback requests")
    return "; ".join(parts) + "."


def marked_text(report: Report, opening: str = "[", closing: str = "]") -> str:
    """The message with each vague phrase wrapped in markers."""
    out, pos = [], 0
    for f in sorted(report.findings, key=lambda f: f.start):
        out.append(report.text[pos : f.start])
        out.append(f"{opening}{report.text[f.start : f.end]}{closing}")
        pos = f.end
    out.append(report.text[pos:])
    return "".join(out)
