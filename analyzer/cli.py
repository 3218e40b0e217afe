"""The ``feedback-analyzer`` command line: a thin layer over :mod:`analyzer`.

Commands parse options, call the library, pick a renderer and map library errors to the exit
codes of :class:`~analyzer.exitcodes.ExitCode`. No analysis logic lives here. Heavy modules are
imported inside the commands so that ``--help`` stays instant. Commands that grew beyond a few
lines live in :mod:`analyzer.commands` and are registered at the bottom of this module.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any

import click

from ._version import __version__
from .cliutils import (
    CLIError,
    Input,
    check_language,
    emit_report,
    folds_option,
    force_option,
    format_option,
    input_options,
    library_errors,
    make_analyzer,
    min_confidence_option,
    no_models_option,
    note,
    read_input,
    redact_option,
    resolve_format,
    rules_option,
)
from .exitcodes import ExitCode


# -- commands ---------------------------------------------------------------------------------
@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="feedback-analyzer")
def cli() -> None:
    """Read rejection and feedback emails: what they say, which phrases are too vague to learn
    from, and what to ask next.

    \b
    Exit codes: 0 ok, 1 internal error, 2 usage, 3 unusable input, 4 bad rules file,
    5 model problem, 6 some batch inputs failed, 7 the message is not in English
    (--force accepts it), 130 interrupted.
    """


@cli.command()
@input_options
@format_option
@min_confidence_option
@redact_option
@force_option
@click.option("--example", is_flag=True, help="Analyze a bundled example reply.")
@library_errors
def analyze(
    text: str | None,
    file: Path | None,
    rules: tuple[Path, ...],
    fmt: str | None,
    as_json: bool,
    min_confidence: float | None,
    redact: bool,
    force: bool,
    example: bool,
) -> None:
    """Analyze one reply: vague phrases highlighted and explained, concrete feedback listed,
    and a clarifying question for each vague phrase.

    The reply comes from TEXT, from --file, or from stdin (paste it when asked).
    """
    if example:
        from .resources import data_file

        message = Input(data_file("data", "example_reply.txt").read_text(encoding="utf-8"))
    else:
        message = read_input(text, file)
    analyzer = make_analyzer(rules, min_confidence=min_confidence)
    report = message.report(analyzer.analyze(message.text, subject=message.subject))
    if redact:
        from .redact import redact_report

        report = redact_report(report)
    emit_report(report, resolve_format(fmt, as_json))
    check_language(report, force=force)


@cli.command(name="rules")
@click.option("--type", "vague_type", default=None, help="Only the rules of this vague type.")
@click.option("--json", "as_json", is_flag=True, help="The built-in rules as JSONL.")
@library_errors
def rules_command(vague_type: str | None, as_json: bool) -> None:
    """List the built-in vague-phrase rules by type, with what each type means.

    Add your own with --rules FILE on any analyzing command: one JSON object a line, e.g.
    {"label": "fit_euphemism", "pattern": "not a natural fit"}.
    """
    import json

    from .labels import VAGUE_TYPES
    from .questions import explanation, title
    from .rules import builtin_rules, describe_pattern

    if vague_type is not None and vague_type not in VAGUE_TYPES:
        raise CLIError(
            f"unknown type {vague_type!r}; one of: {', '.join(VAGUE_TYPES)}", ExitCode.USAGE
        )
    rules = [r for r in builtin_rules() if vague_type in (None, r["label"])]
    if as_json:
        for r in rules:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    for t in VAGUE_TYPES:
        of_type = [r for r in rules if r["label"] == t]
        if not of_type:
            continue
        click.echo(f"{t}: {title(t)}")
        click.echo(f"  {explanation(t)}")
        for r in of_type:
            click.echo(f"  - {r.get('id', '')}: {describe_pattern(r['pattern'])}")
        click.echo()
    if vague_type in (None, "unanchored_comparison"):
        click.echo(
            "unanchored_comparison is also found by the comparatives component "
            "(more/less X, -er forms) when the sentence states no basis."
        )


@cli.command()
@click.option(
    "--gold",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Annotated JSONL file (the format of the shared evaluation set).",
)
@click.option(
    "--inbox",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Kind-only JSONL file (id, text, kind, optional subject): kind scores only.",
)
@click.option(
    "--cv",
    "corpus",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[CORPUS]",
    help="Grouped cross-validation on a corpus folder [default: the checkout's corpora/messages].",
)
@folds_option
@click.option(
    "--half",
    type=click.Choice(["tune", "held"]),
    default=None,
    help="Score only one half of the gold file (split by a hash of each id): choose designs "
    "on 'tune', report 'held' apart.",
)
@click.option(
    "--findings",
    type=click.Choice(["rules", "model", "both"]),
    default="both",
    show_default=True,
    help="Score the rules' findings, the span model's, or both together.",
)
@click.option(
    "--by-type", is_flag=True, help="Also give span scores per vague type, for each --findings."
)
@click.option(
    "--plans",
    is_flag=True,
    help="With --gold: run the automated checks of the question plans of its rejections "
    "(size, repeated questions, clean quotes, declines, out-of-control reasons) instead.",
)
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@rules_option
@no_models_option
@min_confidence_option
@library_errors
def evaluate(
    gold: Path | None,
    inbox: Path | None,
    corpus: str | None,
    folds: int,
    half: str | None,
    plans: bool,
    findings: str,
    by_type: bool,
    as_json: bool,
    rules: tuple[Path, ...],
    no_models: bool,
    min_confidence: float | None,
) -> None:
    """Score the analyzer against an annotated gold file (--gold): span precision, recall, F1
    (by overlap), type accuracy, message-level accuracies, and the misses and false alarms.

    With --plans, check the question plans of the gold file's rejections instead (see
    analyzer.plancheck). With --inbox, score message kinds only on a kind-only file: accuracy,
    per-class precision and recall, rejection-vs-rest precision and recall, the confusion
    matrix and the misclassified messages with their confidence.

    With --by-type, the span scores of the rules alone, the span model alone and both, per
    vague type, with the misses and false alarms of each listed by type.

    With --cv, cross-validate the classifiers on the labelled corpus instead, grouped by
    message family: per-label precision, recall and F1 and the confusion matrices, and the
    span scores of the rules alone, the span model alone and both, per type.
    """
    import json

    one_of = CLIError(
        "give --gold FILE, --inbox FILE or --cv [CORPUS] (one of them)", ExitCode.USAGE
    )
    if sum(x is not None for x in (gold, inbox, corpus)) > 1:
        raise one_of
    if corpus is not None:
        from .classify import cross_validate
        from .commands.train import default_corpus
        from .render.cv import cv_text

        folder = Path(corpus) if corpus else default_corpus()
        if not folder.is_dir():
            raise CLIError(f"{folder}: not a corpus folder", ExitCode.INPUT)
        note(f"Cross-validating on {folder} ({folds} folds; this takes a few minutes)...")
        cv = cross_validate(folder, n_splits=folds)
        click.echo(json.dumps(cv, indent=2) if as_json else cv_text(cv))
        return

    if inbox is not None:
        _evaluate_inbox(inbox, half, as_json, make_analyzer(rules, use_models=not no_models))
        return

    from .evaluate import evaluate as run
    from .evaluate import load_gold, select_half
    from .render.scores import scores_text

    if gold is None:
        raise one_of
    messages = select_half(load_gold(gold), half)
    if by_type:
        from .evaluate import compare_sources
        from .render.scores import comparison_text

        if no_models:
            raise CLIError("--by-type compares the rules with the span model: drop --no-models")
        compared = compare_sources(
            messages, rules=rules, min_confidence=min_confidence, make=make_analyzer
        )
        if as_json:
            click.echo(json.dumps(compared, indent=2))
        else:
            click.echo(comparison_text(compared))
        return
    sources = {"rules": ("rule",), "model": ("model",), "both": ("rule", "model")}[findings]
    if no_models and findings != "rules":
        sources = ("rule",)
    analyzer = make_analyzer(
        rules, use_models=not no_models, sources=sources, min_confidence=min_confidence
    )
    reports = analyzer.analyze_many(m.text for m in messages)
    if plans:
        from .evaluate import check_plans
        from .render.scores import plan_checks_text

        checks = check_plans(messages, reports)
        click.echo(json.dumps(checks.to_dict(), indent=2) if as_json else plan_checks_text(checks))
        return
    result = run(messages, reports)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(scores_text(result))


def _evaluate_inbox(path: Path, half: str | None, as_json: bool, analyzer: Any) -> None:
    import json

    from .evaluate import select_half
    from .evaluate_inbox import evaluate_inbox, load_inbox
    from .render.inbox import inbox_text

    messages = select_half(load_inbox(path), half)
    reports = analyzer.analyze_many(
        (m.text for m in messages), subjects=[m.subject for m in messages]
    )
    result = evaluate_inbox(messages, reports)
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else inbox_text(result))


def main() -> None:
    """Entry point: run the CLI, turning unexpected errors into one line on stderr."""
    try:
        _run()
    finally:
        # The process is about to end: spare the interpreter's final collection the pipeline,
        # models and vocabulary (about 0.3 s of every short run, measured).
        gc.freeze()


def _run() -> None:
    try:
        # without standalone mode, Click returns the code of a command's Exit instead of exiting
        code = cli.main(standalone_mode=False, prog_name="feedback-analyzer")
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.OK)
    except Exception as exc:  # a bug: one line, never a traceback (set DEBUG to see it)
        if os.environ.get("FEEDBACK_ANALYZER_DEBUG"):
            raise
        click.echo(f"Error: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _register() -> None:
    from .commands.batch import batch
    from .commands.plan import draft, questions
    from .commands.stats import stats
    from .commands.train import train

    cli.add_command(questions)
    cli.add_command(draft)
    cli.add_command(batch)
    cli.add_command(train)
    cli.add_command(stats)


_register()
