"""The ``stats`` command: the corpus's distribution beside a real annotated file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..cliutils import library_errors
from .train import default_corpus


@click.command()
@click.option(
    "--corpus",
    "corpus",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="A corpus folder or JSONL file [default: corpora/messages of the checkout].",
)
@click.option(
    "--against",
    "real",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="A real annotated file (e.g. the shared evaluation set) to compare with.",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    help="Only these kinds (repeatable; 'all' for every message together).",
)
@click.option("--json", "as_json", is_flag=True, help="The statistics as JSON.")
@library_errors
def stats(corpus: Path | None, real: Path | None, kinds: tuple[str, ...], as_json: bool) -> None:
    """Statistics of the corpus by kind (share with concrete feedback, with no reason, vague
    phrases per message, median length, blank-line paragraphs, curly apostrophes, team
    signatures, em dashes), beside a real annotated file with --against, marking each figure
    outside the band the corpus guide sets."""
    from ..corpus_stats import compare, read_messages
    from ..render.stats import stats_text

    ours = read_messages(corpus or default_corpus())
    theirs = read_messages(real) if real is not None else None
    result = compare(ours, theirs)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(stats_text(result, kinds=kinds or None), nl=False)
