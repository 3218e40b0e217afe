"""A vague phrase whose message says what it stands for: kept as a finding (the report's
contract), listed apart with the words that explain it, and never asked about; a measured
threshold ("did not meet the pass mark") is no fit language."""

from __future__ import annotations

import json

import pytest

from analyzer.analysis import Analyzer
from analyzer.render.plain import to_markdown, to_text


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _finding(analyzer: Analyzer, message: str, phrase: str):  # type: ignore[no-untyped-def]
    report = analyzer.analyze(message)
    found = [f for f in report.findings if f.text.lower() == phrase.lower()]
    assert found, [f.text for f in report.findings]
    return found[0]


EXPLAINED = [
    (
        "Hi Tom,\n\nThanks for interviewing with us. We have decided to go with another "
        "candidate. Your answers on budgeting were a bit general, and we would have liked to hear "
        "more about how you set priorities when two projects clashed.\n\nBest,\nHelen",
        "were a bit general",
        "we would have liked to hear more",
    ),
    (
        "Hi Sara,\n\nThanks for coming in. We've gone with someone else. The case study was a "
        "bit light on delivery - who signs off, what it costs, how long it takes.\n\nCheers,\nAmir",
        "bit light on",
        "who signs off",
    ),
    (
        "Dear Ola,\n\nThank you for your time. After the interviews we felt that the successful "
        "candidate had more hands-on experience of running payroll migrations across two "
        "countries.\n\nKind regards,\nMarta Lind",
        "we felt",
        "payroll migrations",
    ),
    (
        "Hello Dev,\n\nThank you for the interview. The areas where the panel felt you were less "
        "strong:\n- the data question, where you did not check the sample size\n- the team "
        "scenario, where you did not say how you would involve the client\n\nRegards,\nNia",
        "the panel felt",
        "sample size",
    ),
    (
        "Hi Jo,\n\nWe went with another applicant. We had the impression that your Spanish is fine "
        "for daily life but not yet on the level to run client workshops in it.\n\nBest,\nLuis",
        "not yet on the level",
        "to run client workshops",
    ),
    (
        "Hi Kim,\n\nUnfortunately we have offered the post to another applicant. She had about "
        "two years more ward experience, so it was close.\n\nBest wishes,\nRuth",
        "more ward experience",
        "two years",
    ),
]


@pytest.mark.parametrize(("message", "phrase", "said"), EXPLAINED)
def test_a_phrase_the_message_explains_is_kept_and_marked(
    analyzer: Analyzer, message: str, phrase: str, said: str
) -> None:
    finding = _finding(analyzer, message, phrase)
    assert finding.explained_by is not None and said in finding.explained_by
    report = analyzer.analyze(message)
    assert all(q.phrase != finding.text for q in report.questions)
    assert not any(finding.text.lower() in q.text.lower() for q in report.questions)


STILL_VAGUE = [
    (
        "Dear Ana,\n\nThank you for applying. We have decided to move forward with other "
        "candidates that we feel are a better fit for the role.\n\nTalent Team",
        "we feel",
    ),
    (
        "Hi Priya,\n\nThanks for Thursday. The panel felt your answers on forecasting were not "
        "quite at the level we need, and another finalist was simply better suited.\n\nInes",
        "not quite at the level",
    ),
    (
        "Hi Ben,\n\nThanks for your time. Honestly the team felt you would be a better fit in a "
        "bigger company with more structure around you.\n\nBest,\nJonas",
        "the team felt",
    ),
    (
        "Hi Lee,\n\nWe're going with someone else. Your portfolio lacked some depth in user "
        "research.\n\nThanks,\nCam",
        "lacked some depth",
    ),
]


@pytest.mark.parametrize(("message", "phrase"), STILL_VAGUE)
def test_a_phrase_its_message_leaves_open_stays_vague(
    analyzer: Analyzer, message: str, phrase: str
) -> None:
    assert _finding(analyzer, message, phrase).explained_by is None


def test_reports_list_explained_phrases_apart_with_their_words(analyzer: Analyzer) -> None:
    message, phrase, said = EXPLAINED[0]
    report = analyzer.analyze(message)
    text, markdown = to_text(report), to_markdown(report)
    for rendered in (text, markdown):
        assert "Explained in the message" in rendered
        assert said in rendered.split("Explained in the message", 1)[1]
    data = report.to_dict()
    marked = [f for f in data["findings"] if f["text"] == phrase]
    assert marked and said in marked[0]["explained_by"]
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Your score did not meet the required cut-off mark.", False),
        ("Unfortunately you did not meet the pass mark for the numeracy test.", False),
        ("We regret that you did not meet the passing requirements for this account.", False),
        ("Unfortunately your profile did not meet the requirements of the role.", True),
    ],
)
def test_a_measured_threshold_is_no_fit_language(
    analyzer: Analyzer, sentence: str, flagged: bool
) -> None:
    message = f"Dear Sam,\n\nThank you for taking part. {sentence}\n\nRecruitment Team"
    types = {f.type for f in analyzer.analyze(message).findings}
    assert ("fit_euphemism" in types) is flagged


def test_a_note_that_explains_its_one_point_is_thanked_for_it(analyzer: Analyzer) -> None:
    message = EXPLAINED[0][0]
    questions = [q.text for q in analyzer.analyze(message).questions]
    assert not any("general" in q for q in questions), questions
    assert "these points" not in questions[0], questions
