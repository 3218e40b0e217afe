"""A self-contained HTML report of a batch run: summary, chart of reasons, one row a message.

No scripts, no network: inline CSS and CSS bars only. Every piece of email text goes through
:func:`html.escape` (attributes are always double-quoted). Rows are written to a temporary file
as the run goes, so memory stays bounded; :meth:`HtmlReport.finish` assembles the page.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from html import escape
from pathlib import Path
from string import Template
from typing import IO, Any

from ..batch import BatchRecord
from ..language import language_name
from ..report import Report
from ..resources import data_file
from ..summary import Summary

ROWS_SLOT = "$rows"
#: The per-message table's columns: (CSS class of the cells, heading). On a narrow screen
#: each row becomes a card and each cell shows its heading before it (``data-label``).
COLUMNS = (
    ("n", "#"),
    ("date", "Date"),
    ("from", "From"),
    ("subject", "Subject"),
    ("kind", "Kind"),
    ("policy", "Policy"),
    ("text", "Message (vague phrases highlighted)"),
)


def esc(value: Any) -> str:
    """Text made safe for HTML content and double-quoted attributes."""
    return escape("" if value is None else str(value), quote=True)


def highlighted_html(report: Report) -> str:
    """The message text, escaped, with each vague phrase in a ``<mark>``."""
    out: list[str] = []
    pos = 0
    for f in sorted(report.findings, key=lambda f: (f.start, -f.end)):
        if f.start < pos:
            continue  # overlapping spans: keep the first
        out.append(esc(report.text[pos : f.start]))
        out.append(
            f'<mark class="{esc(f.type)}" title="{esc(f.type)}: {esc(f.explanation)}">'
            f"{esc(report.text[f.start : f.end])}</mark>"
        )
        pos = f.end
    out.append(esc(report.text[pos:]))
    return "".join(out)


def date_html(value: Any) -> str:
    """A ``<time>`` for a datetime or an ISO date, shown to the minute; "" when none."""
    if not value:
        return ""
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return esc(value)
    day = f'<span class="day">{moment:%Y-%m-%d}</span>'
    return f'<time datetime="{esc(moment.isoformat())}">{day} {moment:%H:%M}</time>'


def head_html() -> str:
    """The per-message table's heading row."""
    cells = "".join(f'<th class="{name}">{esc(heading)}</th>' for name, heading in COLUMNS)
    return f"<tr>{cells}</tr>"


def row_html(record: BatchRecord, number: int) -> str:
    """One ``<tr>`` of the per-message table."""
    meta, report = record.meta, record.report
    if report is not None and not report.is_english:
        kind, policy = f"not English ({language_name(report.language)})", ""
        body = esc(report.text)
    elif report is not None:
        kind, policy = report.kind.label or "unknown", report.feedback_policy.label or ""
        body = highlighted_html(report)
    else:
        kind, policy = record.status, ""
        body = esc(record.error or f"duplicate of {record.duplicate_of}")
    contents = (
        str(number),
        date_html(meta.get("date")),
        esc(meta.get("sender") or ""),
        f"<span>{esc(meta.get('subject') or '')}<br>"
        f'<span class="muted">{esc(record.origin)}</span></span>',
        esc(kind),
        esc(policy),
        f"<div>{body}</div>",
    )
    cells = "".join(
        f'<td class="{name}" data-label="{esc(heading)}">{content}</td>'
        for (name, heading), content in zip(COLUMNS, contents, strict=True)
    )
    return f'<tr class="status-{esc(record.status)}">{cells}</tr>\n'


def _table(title: str, rows: list[tuple[str, int]]) -> str:
    body = "".join(f'<tr><td>{esc(k)}</td><td class="n">{n}</td></tr>' for k, n in rows)
    return f"<section><h2>{esc(title)}</h2><table>{body}</table></section>"


def summary_html(summary: Summary) -> str:
    """The summary figures as small tables."""
    kinds = summary.kinds() + summary.set_aside()
    return _table("Messages by kind", kinds) + _table("Across rejections", summary.figures())


def chart_html(summary: Summary) -> str:
    """A bar chart of reasons made of CSS bars."""
    counts = summary.reason_counts()
    top = max((n for _, n in counts), default=0) or 1
    rows = "".join(
        f"<tr><td>{esc(label.replace('_', ' '))}</td>"
        f'<td class="barcell"><span class="bar" style="width: {round(100 * n / top)}%"></span></td>'
        f'<td class="n">{n}</td></tr>'
        for label, n in counts
    )
    return f'<table class="chart">{rows}</table>'


def phrases_html(summary: Summary) -> str:
    """The vague phrases that recur most."""
    top = summary.top_phrases()
    return _table("Vague phrases that recur most", top) if top else ""


def fresh_html(summary: Summary) -> str:
    """Rejections from the last two days with their suggested questions."""
    fresh = summary.fresh_rejections()
    if not fresh:
        return "<p>No rejection from the last two days.</p>"
    items = []
    for f in fresh:
        questions = "".join(f"<li>{esc(q)}</li>" for q in f.questions)
        items.append(
            f"<li><strong>{esc(f.subject or '(no subject)')}</strong> "
            f'<span class="muted">{esc(f.sender or "")} · {date_html(f.date)} · '
            f"{esc(f.origin)}</span><ul>{questions}</ul></li>"
        )
    return f'<ul class="fresh">{"".join(items)}</ul>'


class HtmlReport:
    """Collects table rows in a temporary file; :meth:`finish` writes the page to ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rows: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._count = 0

    def add(self, record: BatchRecord) -> None:
        """Add one message's row."""
        self._count += 1
        self._rows.write(row_html(record, self._count))

    def finish(self, summary: Summary, *, interrupted: bool = False) -> None:
        """Write the whole page (atomically) and drop the temporary rows."""
        template = data_file("templates", "report.html").read_text(encoding="utf-8")
        head, tail = template.split(ROWS_SLOT, 1)
        intro = f"{self._count} messages." + (" The run was interrupted." if interrupted else "")
        values = {
            "title": "Batch analysis of saved emails",
            "intro": esc(intro),
            "summary": summary_html(summary),
            "chart": chart_html(summary),
            "phrases": phrases_html(summary),
            "fresh": fresh_html(summary),
            "head": head_html(),
        }
        partial = self.path.with_name(self.path.name + ".part")
        with open(partial, "w", encoding="utf-8") as out:
            out.write(Template(head).substitute(values))
            self._rows.seek(0)
            shutil.copyfileobj(self._rows, out)
            out.write(tail)
        os.replace(partial, self.path)
        self._rows.close()
