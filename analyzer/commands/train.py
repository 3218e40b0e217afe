"""The ``train`` command: rebuild the classifiers in ``models/`` from the corpus."""

from __future__ import annotations

from pathlib import Path

import click

from ..cliutils import folds_option, library_errors, note


def default_corpus() -> Path:
    """The checkout's ``corpora/messages`` folder."""
    return Path(__file__).resolve().parents[2] / "corpora" / "messages"


def _default_out() -> Path:
    return Path(__file__).resolve().parents[2] / "models"


@click.command()
@click.option(
    "--corpus",
    "corpus",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Folder of corpus *.jsonl files [default: corpora/messages of the checkout].",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the models and model card [default: models/ of the checkout].",
)
@click.option("--cv", "show_cv", is_flag=True, help="Print the grouped cross-validation tables.")
@folds_option
@click.option(
    "--dev",
    "dev",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="A gold file to measure the new models on (never trained on); recorded on the card.",
)
@library_errors
def train(
    corpus: Path | None, out: Path | None, show_cv: bool, folds: int, dev: Path | None
) -> None:
    """Train the classifiers (message kind, feedback policy, reasons, sentence specificity)
    on the labeled corpus, with grouped cross-validation, and write them with a model card.

    The same corpus always gives the same models and the same metrics.
    """
    from ..classify import train as run
    from ..render.cv import cv_text

    corpus = corpus or default_corpus()
    out = out or _default_out()
    note(f"Training on {corpus} (this takes a few minutes)...")
    result = run(corpus, out, n_splits=folds)
    if show_cv:
        click.echo(cv_text(result.cv))
        click.echo()
    cv = result.cv
    click.echo(
        f"kind accuracy {cv['kind']['accuracy']:.3f}, policy accuracy "
        f"{cv['policy']['accuracy']:.3f} ({result.config['policy_strategy']}), reasons "
        f"micro-F1 {cv['reasons']['micro_f1']:.3f}, specificity accuracy "
        f"{cv['specificity']['accuracy']:.3f} (grouped CV)"
    )
    click.echo(f"Models written to {result.out_dir}; card: {result.card_path}")
    if dev is not None:
        from ..classify.trainer import record_dev_metrics

        measured = record_dev_metrics(result.out_dir, dev)
        rules, models = measured["rules_only"], measured["with_models"]
        click.echo(
            f"{dev.name}: span F1 {_score(rules['span_f1'])} rules only, "
            f"{_score(models['span_f1'])} with models; kind accuracy "
            f"{_score(models['kind_accuracy'])}, policy accuracy "
            f"{_score(models['feedback_policy_accuracy'])}, reasons micro-F1 "
            f"{_score(models['reasons_micro_f1'])} (recorded on the card)"
        )


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
