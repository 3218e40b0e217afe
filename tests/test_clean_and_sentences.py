"""Cleaning keeps offsets; the email sentencizer follows punctuation and layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.analysis import Analyzer
from analyzer.clean import clean

EXAMPLES = Path(__file__).parent / "examples"


def test_quoted_reply_and_signature_are_masked_not_cut() -> None:
    text = (EXAMPLES / "quoted_thread.txt").read_text(encoding="utf-8")
    cleaned = clean(text)
    assert len(cleaned.text) == len(text)
    assert "more qualified feedback" not in cleaned.text  # the candidate's quoted words
    assert "not a good fit" in cleaned.text
    assert cleaned.text.count("\n") == text.count("\n")


def test_quoted_words_never_become_findings(rules_only: Analyzer) -> None:
    text = (EXAMPLES / "quoted_thread.txt").read_text(encoding="utf-8")
    report = rules_only.analyze(text)
    quote_start = text.index("On Mon")
    assert report.findings and all(f.end <= quote_start for f in report.findings)
    assert all(text[f.start : f.end] == f.text for f in report.findings)
    assert not any("Terraform" in f.text for f in report.findings)  # anchored comparison


@pytest.mark.parametrize("text", ["", "   ", "no quotes here at all", "> only a quote"])
def test_clean_is_total(text: str) -> None:
    assert len(clean(text).text) == len(text)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Hi Sam\nThanks for applying.", ["Hi Sam", "Thanks for applying."]),
        (
            "After a long look at every application we have received, we have\n"
            "decided to pursue others.",
            [
                "After a long look at every application we have received, we have\n"
                "decided to pursue others."
            ],
        ),
        ("Notes:\n- tests missing\n- no README", ["Notes:", "- tests missing", "- no README"]),
        ("Good start. Weak finish!", ["Good start.", "Weak finish!"]),
        ("Best,\nMarta", ["Best,", "Marta"]),
    ],
)
def test_email_sentences(nlp, text: str, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == sentences


def test_text_with_no_punctuation_is_cut_into_bounded_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("word " * 1000)
    lengths = [len(s) for s in doc.sents]
    assert sum(lengths) == len(doc)
    assert max(lengths) <= 2 * 200 and len(lengths) >= 5


def test_sentences_of_a_doc_from_another_vocabulary(nlp) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from analyzer.components.sentences import EmailSentencizer

    sentencizer = EmailSentencizer(nlp)
    text = "Hi Sam\nThanks for applying. We chose others.\n\nBest,\nMarta"
    for other in (spacy.blank("en"), spacy.blank("en")):  # each with its own string store
        doc = sentencizer(other.make_doc(text))
        assert [s.text.strip() for s in doc.sents] == [
            "Hi Sam",
            "Thanks for applying.",
            "We chose others.",
            "Best,",
            "Marta",
        ]


@pytest.mark.parametrize("tokens", [1, 2, 50])
def test_short_texts_keep_one_sentence(nlp, tokens: int) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(" ".join(["word"] * tokens))
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Decided DECIDED decided", ["decide", "decide", "decide"]),
        ("CVs were matched", ["cvs", "be", "match"]),
        ("qualifies Qualified", ["qualify", "qualify"]),
        ("zzyzx Zzyzx", ["zzyzx", "zzyzx"]),
    ],
)
def test_caseless_lemmatizer(text: str, lemmas: list[str]) -> None:
    from analyzer.pipeline import shared_pipeline

    nlp = shared_pipeline()
    doc = nlp.get_pipe("lemmatizer")(nlp.make_doc(text))
    assert [t.lemma_ for t in doc] == lemmas
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert [lemmatizer.lookup_lemmatize(t)[0] for t in doc] == lemmas


def test_caseless_lemmatizer_on_a_doc_from_another_vocabulary() -> None:
    import spacy

    from analyzer.pipeline import shared_pipeline

    lemmatizer = shared_pipeline().get_pipe("lemmatizer")
    for other in (spacy.blank("en"), spacy.blank("en")):  # each with its own string store
        doc = lemmatizer(other.make_doc("CVs were matched"))
        assert [t.lemma_ for t in doc] == ["cvs", "be", "match"]


def test_caseless_lemmatizer_keeps_lemmas_already_set() -> None:
    from analyzer.pipeline import shared_pipeline

    nlp = shared_pipeline()
    doc = nlp.make_doc("we decided")
    doc[1].lemma_ = "kept"
    assert [t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc)] == ["we", "kept"]


def test_caseless_lemmatizer_round_trips_its_table(tmp_path: Path) -> None:
    import spacy

    from analyzer.components.lemmas import CaselessLemmatizer

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("caseless_lemmatizer")
    assert isinstance(lemmatizer, CaselessLemmatizer)
    lemmatizer.initialize(table={"chose": "choose", "roles": "role"})
    lemmatizer.to_disk(tmp_path / "lemmatizer")
    other = spacy.blank("en")
    fresh = other.add_pipe("caseless_lemmatizer")
    fresh.from_disk(tmp_path / "lemmatizer")
    doc = fresh(other.make_doc("They CHOSE other Roles"))
    assert [t.lemma_ for t in doc] == ["they", "choose", "other", "role"]


@pytest.mark.parametrize(
    ("flags", "bounds"),
    [
        ([], [0, 0]),
        ([1], [0, 1]),
        ([1, -1, -1, 1, -1], [0, 3, 5]),
        ([0, 0, 1], [0, 2, 3]),  # no flag on the first token: it still starts a sentence
    ],
)
def test_sentence_bounds(flags: list[int], bounds: list[int]) -> None:
    import numpy

    from analyzer.components.sentences import sentence_bounds

    column = numpy.array(flags, dtype="int64").astype("uint64")  # as Doc.to_array stores them
    assert sentence_bounds(column) == bounds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "One line only",
        "Thanks for applying.\nWe went with someone else. Best of luck!\n\nRecruiting",
        "Hi,\n\nAfter careful consideration we will not move forward at this time. Regards",
    ],
)
def test_sentence_index_agrees_with_doc_sents(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    from analyzer.components.context import sentence_index

    doc = nlp(text)
    starts, sent_of = sentence_index(doc)
    assert starts == [s.start for s in doc.sents]
    assert sent_of == [n for n, s in enumerate(doc.sents) for _ in s]
