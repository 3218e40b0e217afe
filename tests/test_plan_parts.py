"""The parts a question plan is built from: clean quotes, similarity, the message's context,
and the automated checks (each check must catch the fault it is for)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.plancheck import check_plan
from analyzer.plancontext import PlanContext, read_context, stage_of
from analyzer.quotes import clean_quote, is_clean_phrase, quote_in
from analyzer.report import SpecificFeedback
from analyzer.similarity import THRESHOLD, similarity

# (phrase, clean enough to quote)
PHRASES = [
    ("more closely aligned", True),
    ("not the right fit", True),
    ("lacked depth", True),
    ("didn't stand out", False),  # a clause without its subject: paraphrased
    ("n't sure the match", False),  # a cut contraction
    ("the match at", False),  # a dangling preposition
    ("better", False),  # one word says nothing quoted
    ("we feel", False),  # no content word
    ("at this time", False),
    ("aligned with [Company] needs", False),  # a placeholder
    ("the {{role}} team", False),
    ("fit. We also", False),  # two sentences
    ("that might be a good match", False),  # opens on a word that cannot start a phrase
    ("one two three four five six seven eight nine", False),  # too long to read as a quote
]


@pytest.mark.parametrize(("phrase", "clean"), PHRASES)
def test_clean_phrases(phrase: str, clean: bool) -> None:
    assert is_clean_phrase(phrase) is clean


# (message, span start, span end, quote or None)
SPANS = [
    ("We weren't sure the match", 6, 25, None),  # starts inside "weren't"
    ("It is not the right fit for us.", 3, 23, "not the right fit"),  # "is" trimmed
    ("We chose a better fit at", 11, 24, "a better fit"),  # "at" trimmed, "a" taken in
    ("Others were more qualified.", 12, 26, "more qualified"),
    ("Others were more qualified.", 13, 26, None),  # starts mid-word
    ("More closely aligned, sadly.", 0, 20, "more closely aligned"),
]


@pytest.mark.parametrize(("message", "start", "end", "quote"), SPANS)
def test_clean_quote_of_a_span(message: str, start: int, end: int, quote: str | None) -> None:
    assert clean_quote(message, start, end) == quote


@given(st.text(st.sampled_from("ab c'd.[]\n"), max_size=40), st.data())
def test_a_clean_quote_is_always_found_back_in_its_message(
    message: str, data: st.DataObject
) -> None:
    if not message:
        return
    start = data.draw(st.integers(0, len(message) - 1))
    end = data.draw(st.integers(start + 1, len(message)))
    quote = clean_quote(message, start, end)
    if quote is not None:
        assert quote_in(message, quote)


# (question, question, alike)
PAIRS = [
    (
        "What would have made me a stronger candidate for this role?",
        "How could I have been a stronger candidate?",
        True,
    ),
    (
        "What could make my application stand out more next time?",
        "What would have made my application stand out?",
        True,
    ),
    (
        "Which skill would the role have needed me to show more clearly?",
        "Which kind of experience was the role looking for that my background did not show?",
        False,
    ),
    (
        "What was one thing in my application that worked well?",
        "Which requirement of the role did my application meet least well?",
        False,
    ),
]


@pytest.mark.parametrize(("a", "b", "alike"), PAIRS)
def test_similarity_threshold_separates_rewordings(a: str, b: str, alike: bool) -> None:
    assert (similarity(a, b) >= THRESHOLD) is alike
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Thanks for applying to the Analyst role.", "applied"),
        ("We would like to invite you to an interview next week.", "applied"),
        ("Thanks for speaking with me on Friday.", "screened"),
        ("Thank you for your interview with the panel.", "interviewed"),
        ("After reviewing your CV and interview, we have decided.", "interviewed"),
        ("Thank you for the take-home task; after your interview we met.", "take_home"),
        ("We reviewed your coding exercise.", "take_home"),
    ],
)
def test_stage(text: str, stage: str) -> None:
    assert stage_of(text) == stage


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The role has been withdrawn for budget reasons.", {"budget", "withdrawn"}),
        ("We need someone based in Oslo.", {"location"}),
        ("Your salary expectations are above the band for this post.", {"salary"}),
        ("We have filled the position internally.", {"filled_internally"}),
        ("We have filled our open positions for the season.", {"filled_internally"}),
        ("The position of Lab Aide (Posting #12) has been filled.", {"filled_internally"}),
        ("The position has been filled by another candidate.", set()),
        ("An internal candidate was chosen.", {"filled_internally"}),
        ("We cannot offer visa sponsorship.", {"visa"}),
        ("We chose a more experienced person.", set()),
    ],
)
def test_out_of_control(text: str, kinds: set[str]) -> None:
    assert read_context(text, policy=None).out_of_control == frozenset(kinds)


def test_logistics_feedback_counts_as_out_of_control() -> None:
    text = "We have filled the position internally."
    spans = [SpecificFeedback(text[8:], 8, len(text), "logistics")]
    assert read_context(text, policy=None, specific=spans).out_of_control


@pytest.mark.parametrize(
    ("text", "call", "feedback", "role"),
    [
        ("I'd be happy to set up a quick call to talk it through.", True, False, None),
        ("I am happy to share some feedback if you would like.", False, True, None),
        (
            "You might be a great fit for the Data Steward role we open soon.",
            False,
            False,
            "Data Steward",
        ),
        ("Do keep an eye on our careers page.", False, False, None),
    ],
)
def test_offers_and_other_roles(text: str, call: bool, feedback: bool, role: str | None) -> None:
    ctx = read_context(text, policy=None)
    assert (ctx.offers_call, ctx.offers_feedback, ctx.other_role) == (call, feedback, role)


def test_declines_and_invites_come_from_the_policy() -> None:
    assert read_context("x", policy="declines").declines
    assert read_context("x", policy="invites").invites
    stated = read_context("x", policy=None, reasons=()).stated
    assert stated == frozenset()


MESSAGE = "We went with someone more closely aligned with the team."
# (questions, context, the check that must fail)
FAULTS = [
    (["A?", "B?", "C?", "D?", "E?"], PlanContext(), "count"),
    (
        ["What would have made me a stronger candidate?", "How could I be a stronger candidate?"],
        PlanContext(),
        "similar",
    ),
    (['When you say "closely aligned with the", which needs?'], PlanContext(), "quote"),
    (['When you say "more closely alig", which needs?'], PlanContext(), "quote"),
    (['About "[Company] needs": which?'], PlanContext(), "quote"),
    (["What went well?"], PlanContext(declines=True), "declines"),
    (
        ["What would have made me a stronger candidate?"],
        PlanContext(out_of_control=frozenset({"budget"})),
        "stronger",
    ),
    (["What did the successful candidate have?"], PlanContext(), "about_hired"),
    (["How did my interview go?"], PlanContext(stage="applied"), "stage"),
    (["What should I prepare for future interviews?"], PlanContext(stage="applied"), "stage"),
    (["How was I interviewing?"], PlanContext(stage="applied"), "stage"),
    (
        ['You mentioned "a better fit"; which needs?', "You noted a gap; which one?"],
        PlanContext(),
        "lead_ins",
    ),
    (["Was there one requirement that weighed most?"], PlanContext(), "yes_no"),
    (["You decided not to proceed; was there one requirement?"], PlanContext(), "yes_no"),
    (["Would you let me know if the role reopens?"], PlanContext(), "yes_no"),
    (["What went well?"], PlanContext(board_notice=True), "board_notice"),
]


@pytest.mark.parametrize(("questions", "ctx", "check"), FAULTS)
def test_each_check_catches_its_fault(questions: list[str], ctx: PlanContext, check: str) -> None:
    assert check in {i.check for i in check_plan(MESSAGE, questions, context=ctx)}


def test_asking_what_would_have_earned_an_interview_fits_an_application() -> None:
    questions = ["What would my application have needed to show to reach an interview?"]
    assert check_plan(MESSAGE, questions, context=PlanContext(stage="applied")) == []


def test_a_good_plan_passes_every_check() -> None:
    questions = [
        "What was one thing in my application that worked well?",
        'When you say "more closely aligned", which of the role\'s needs did I miss?',
        "Which related roles on your team might suit my background?",
    ]
    assert check_plan(MESSAGE, questions, context=PlanContext()) == []


@pytest.mark.parametrize(
    ("evidence", "stated"),
    [
        ("we went with someone with more experience in retail", True),
        ("We have reviewed your skills and experience", False),
        ("While we were impressed by your experience", False),
    ],
)
def test_a_reason_is_stated_only_by_more_than_a_review(evidence: str, stated: bool) -> None:
    from analyzer.report import ReasonResult, TextSpan

    reason = ReasonResult("experience", 0.9, (TextSpan(evidence, 0, len(evidence)),))
    ctx = read_context(evidence, policy=None, reasons=[reason])
    assert ("experience" in ctx.stated) is stated


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("All the places on the course are already filled.", True),
        ("The role was filled internally by a colleague.", True),
        ("The position has been filled by a candidate with more experience.", False),
    ],
)
def test_a_filled_role_is_outside_control_only_when_internal_or_already(
    text: str, outside: bool
) -> None:
    assert bool(read_context(text, policy=None).out_of_control) is outside


def test_cues_find_what_ignorecase_finds_on_the_corpus() -> None:
    """The plan context's cue lists search lowered text with lowered patterns behind a literal
    prefilter; on every corpus message each list finds the same matches as the same patterns
    with re.IGNORECASE (the library's own case folding)."""
    import json
    import re
    from pathlib import Path

    from analyzer.cues import Cues, lower
    from analyzer.plancues import settings as context_settings

    def lists(value: object) -> list[list[str]]:
        if isinstance(value, dict):
            return [x for v in value.values() for x in lists(v)]
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            return [value]
        return [[value]] if isinstance(value, str) else []

    settings = {k: v for k, v in context_settings().items() if k != "description"}
    settings["other_role"] = {"cues": settings["other_role"]["cues"]}
    settings["future_roles"] = {"ahead": settings["future_roles"]["ahead"]}  # and words
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "messages"
    texts = [json.loads(line)["text"] for f in sorted(corpus.glob("*.jsonl")) for line in f.open()]
    texts += ["İSTANBUL office: WE CAN DISCUSS THIS FURTHER", "Sent via LinkedIn"]
    pruned = 0
    for patterns in lists(settings):
        cues = Cues(patterns)
        slow = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        for text in texts:
            low = lower(text)
            got = [m.span() for m in cues.finditer(low)]
            straight = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
            assert got == [m.span() for m in slow.finditer(straight)], (patterns[0], text[:80])
            pruned += not cues._possible(low)
    assert pruned  # the prefilter does skip searches


def test_plan_patterns_read_through_cues_find_what_re_finds_on_the_corpus() -> None:
    """The named-point patterns (``main_point``, ``weak_point``) and the future-role cue of
    ``templates/plan.json`` are searched as cue lists (a literal prefilter, then RE2 or an RE2
    gate): on every corpus message each finds the spans, and the point, that ``re`` finds."""
    import json
    import re
    from pathlib import Path

    from analyzer.cues import lower
    from analyzer.planbases import _point_rules
    from analyzer.planwords import plan_settings
    from analyzer.questions import _future_role_cue

    corpus = Path(__file__).resolve().parent.parent / "corpora" / "messages"
    texts = [json.loads(line)["text"] for f in sorted(corpus.glob("*.jsonl")) for line in f.open()]
    texts += ["The gap was on cost. Where we had doubts was around testing", "İ WHERE İT FELL"]
    checked = 0
    for key in ("main_point", "weak_point"):
        settings = plan_settings()[key]
        point = settings.get("point", "{point}")  # the group written once, filled in
        sources = [
            p.replace("{point}", point) for p in (*settings["after"], *settings.get("before", ()))
        ]
        for (cues, group), source in zip(_point_rules(key).patterns, sources, strict=True):
            slow = re.compile(source)
            for text in texts:
                low = lower(text)
                got = [(m.span(), m.span(group)) for m in cues.finditer(low)]
                assert got == [(m.span(), m.span("point")) for m in slow.finditer(low)], source
                checked += bool(got)
    future = re.compile(plan_settings()["future_role"]["cue"], re.IGNORECASE)
    for text in texts:
        straight = text.replace("\u2019", "'").replace("\u2018", "'")
        got = [m.span() for m in _future_role_cue().finditer(lower(text))]
        assert got == [m.span() for m in future.finditer(straight)], text[:80]
        checked += bool(got)
    assert checked > 20  # the patterns do match corpus mail


@pytest.mark.parametrize(
    ("pattern", "text", "by_re2"),
    [
        (r"done[^.,\u2014]{2,20}", "done with it \u2014 all of it", True),  # in a class
        (r"a\u2013b", "from a\u2013b, not a-b", True),
        (r"\u0041x|z", "ax and z", False),  # an ASCII escape stays an escape: re reads it
        (r"back\\u2014", "back\\u2014 slash", True),  # an escaped backslash, then letters
    ],
)
def test_unicode_escapes_are_read_by_re2_as_their_characters(
    pattern: str, text: str, by_re2: bool
) -> None:
    """RE2 reads no ``\\uXXXX`` escape: a cue list naming a dash that way is searched by RE2
    over the twin with the dash's stand-in, and finds what ``re`` finds."""
    import re

    from analyzer.cues import Cues, lower

    cues = Cues([pattern])
    assert (cues.fast is not None) is by_re2
    low = lower(text)
    assert [m.span() for m in cues.finditer(low)] == [m.span() for m in re.finditer(pattern, low)]


_TRICKY = "ab’‘“”–—éèàçüßжΩ\u00a0\u2009\u0663 \n\x0b\x1c.,'-_0123456789"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["interview", "résumé", "weren’t selected", "on hold", "budget", "call"])
        | st.text(alphabet=_TRICKY + "abcdefghijklmnopqrstuvwxyz ", max_size=6),
        max_size=12,
    )
)
def test_the_fast_engine_finds_what_re_finds(pieces: list[str]) -> None:
    """RE2 over the ASCII twin finds the same match offsets as Python's re over the lowered
    text, whatever the non-ASCII characters around the cues."""
    from analyzer.cues import Cues, lower
    from analyzer.plancues import cue_lists

    low = lower(" ".join(pieces))
    c = cue_lists()
    lists = [c["declines"], c["not_selected"], *c["out_of_control"].values(), *c["stages"].values()]
    lists += [*c["follow_up"].values(), *c["offers"].values(), Cues([r"\bcaf\w+\b", r"\d+\s+x"])]
    for cues in lists:
        assert [m.span() for m in cues.finditer(low)] == [
            m.span() for m in cues.regex.finditer(low)
        ], cues.patterns[0]
    book = c["book"]
    assert book.matching(low) == {n for n, cues in book.lists.items() if cues.regex.search(low)}


@pytest.mark.parametrize("set_lists", [None, 1, 7, 1000])
def test_the_cue_book_tells_which_lists_match_as_each_list_does_on_the_corpus(
    set_lists: int | None,
) -> None:
    """One pass of the cue book over a message names exactly the lists whose own search
    matches, on every corpus message, however many lists each of its RE2 sets holds (the
    shipped size, one list a set, sizes that leave a short last set, all lists in one set)."""
    import json
    from pathlib import Path

    from analyzer.cues import CueBook, lower
    from analyzer.plancues import cue_lists

    book = cue_lists()["book"]
    if set_lists is not None:
        book = CueBook(book.lists, set_lists=set_lists)
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "messages"
    texts = [json.loads(line)["text"] for f in sorted(corpus.glob("*.jsonl")) for line in f.open()]
    seen = set()
    for text in texts:
        low = lower(text)
        found = book.matching(low)
        assert found == {n for n, cues in book.lists.items() if cues.search(low) is not None}
        seen |= found
    assert len(seen) > len(book.lists) // 2  # the lists do match, not only fail alike


@pytest.mark.parametrize(
    ("patterns", "parts"),
    [
        (
            [r"\bcalled\b", r"\binterview\b(?! stage)"],
            [[r"\bcalled\b"], [r"\binterview\b(?! stage)"]],
        ),
        ([r"(?<!not )chosen", r"picked(?= you)"], [[r"(?<!not )chosen", r"picked(?= you)"]]),
        ([r"\bchosen\b", r"\bpicked\b"], [[r"\bchosen\b", r"\bpicked\b"]]),
    ],
)
def test_the_cue_book_searches_apart_only_a_lists_patterns_with_lookarounds(
    patterns: list[str], parts: list[list[str]]
) -> None:
    """A list RE2 reads is one part; a list with a lookaround is split into the patterns RE2
    reads and the rest, and the book still names the list wherever either part matches."""
    from analyzer.cues import CueBook, Cues, book_parts, lower

    cues = Cues(patterns)
    assert [list(part.patterns) for part in book_parts(cues)] == parts
    book = CueBook({"list": cues})
    for text in ["We called you.", "Your interview went well.", "the interview stage", "chosen"]:
        low = lower(text)
        assert book.matching(low) == ({"list"} if cues.regex.search(low) else set()), text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("we could use help on the launch on a contract basis", True),
        ("we could use help" + " very" * 30 + " much on a contract basis", False),
        ("no help here", False),
    ],
)
def test_a_bounded_gap_is_confirmed_by_the_list_itself(text: str, named: bool) -> None:
    """The book searches a bounded gap unbounded in its sets and confirms a hit with the list:
    a gap longer than the bound names no list, as the list's own search finds nothing."""
    from analyzer.cues import CueBook, Cues, lower

    cues = Cues([r"\bcould use help\b[^.!?\n]{0,40}\bcontract basis\b"])
    low = lower(text)
    assert (cues.search(low) is not None) is named
    assert CueBook({"list": cues}).matching(low) == ({"list"} if named else set())


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "[ab]", "(?:ab )"]), st.integers(0, 3), st.integers(0, 3)
        ),
        min_size=1,
        max_size=3,
    ),
    st.text(alphabet="ab ", max_size=30),
)
def test_an_unbounded_pattern_matches_wherever_the_bounded_one_does(
    pieces: list[tuple[str, int, int]], text: str
) -> None:
    """:func:`analyzer.cues.unbounded` only lifts upper bounds: whatever the bounded pattern
    matches, the unbounded one matches too, starting at the same place."""
    import re

    from analyzer.cues import unbounded

    pattern = "".join(f"{atom}{{{low},{low + extra}}}" for atom, low, extra in pieces)
    lifted = unbounded(pattern)
    assert "," in lifted and not re.search(r"\{\d+,\d+\}", lifted)
    found = re.search(pattern, text)
    if found is not None:
        again = re.search(lifted, text)
        assert again is not None and again.start() <= found.start()


def test_every_shipped_cue_list_but_the_lookahead_one_has_the_fast_engine() -> None:
    from analyzer.plancues import cue_lists

    c = cue_lists()
    lists = [c["declines"], c["not_selected"], c["auto_reply"], *c["offers"].values()]
    lists += [*c["out_of_control"].values(), *c["follow_up"].values()]
    assert all(cues.fast is not None for cues in lists)
    assert c["stages"]["interviewed"].fast is None  # RE2 reads no lookahead: re searches it
    assert c["stages"]["interviewed"].gate_source is not None  # behind a gate RE2 reads


@pytest.mark.parametrize(
    ("pattern", "relaxed"),
    [
        (r"\binterviews?\b(?! (?:stage|process))", r"\binterviews?\b"),
        (r"a(?=b)c", "ac"),
        (r"(?<!x)y(?<=y)", "y"),
        (r"[(?!]z", r"[(?!]z"),  # inside a class, no group
        (r"\(?!x\)", r"\(?!x\)"),  # escaped brackets, no group
        (r"a(?!b(?:c|d))e", "ae"),  # a nested group goes with its lookahead
    ],
)
def test_without_lookarounds(pattern: str, relaxed: str) -> None:
    import re

    from analyzer.cues import without_lookarounds

    assert without_lookarounds(pattern) == relaxed
    re.compile(relaxed)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bbudget\b", ("budget",)),
        (r"\b(?:happy|glad) to (?:set up )?a call\b", ("a call",)),
        (r"\b(?:position|role) (?:was|has been) withdrawn", (" withdrawn",)),
        (r"\b(?:visa|sponsor)", ("visa", "sponsor")),
        (r"[a-z]+ly", None),
        (r"(?:ab|c)d", None),
    ],
)
def test_required_literals(pattern: str, literals: tuple[str, ...] | None) -> None:
    from analyzer.cues import required_literals

    assert required_literals(pattern) == literals


def test_role_of_reads_only_lines_with_a_role_noun_and_finds_what_the_whole_text_gives() -> None:
    """role_of searches the lines that hold a role noun; on every corpus message it returns
    what the role patterns find searching the whole text."""
    import json
    from pathlib import Path

    from analyzer.roles import _footer, _patterns, _trim, role_of

    def whole(text: str) -> str | None:
        for pattern in _patterns()[:2]:
            for match in pattern.finditer(text):
                if not _footer(text, match.end("role")):  # "an Equal Opportunity Employer"
                    return _trim(match.group("role"))
        return None

    corpus = Path(__file__).resolve().parent.parent / "corpora" / "messages"
    texts = [json.loads(line)["text"] for f in sorted(corpus.glob("*.jsonl")) for line in f.open()]
    texts += ["Thanks for applying to the Data\nEngineer role", "the Data Engineer job\nopening"]
    found = [role_of(text) for text in texts]
    assert found == [whole(text) for text in texts]
    assert sum(f is not None for f in found) > len(texts) // 10


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "Data", "Engineer", "role", "position", "at", "Café", "of", "&"])
        | st.text(alphabet="aAzZ é’Éſ\u212a\u0131\t\n\xa0_-'#/+", max_size=5),
        max_size=14,
    )
)
def test_role_of_with_re2_finds_what_re_finds(pieces: list[str]) -> None:
    """The role read with RE2 over the case-keeping twin is the role Python's re finds."""
    from analyzer.roles import _patterns, _trim, role_of

    text = " ".join(pieces)
    whole = None
    for pattern in _patterns()[:2]:
        match = pattern.search(text)
        if match is not None:
            whole = _trim(match.group("role"))
            break
    assert role_of(text) == whole
