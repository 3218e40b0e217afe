"""Build test mailboxes of any size from the corpus texts, for benchmarks and manual tests.

    python benchmarks/make_mailbox.py --count 10000 --format mbox --out /tmp/mail10k

Formats: ``mbox`` (one file, ``mailbox.mbox``), ``eml`` (a folder of .eml files), ``txt`` and
``html`` (folders of .txt / .html files), or ``all``. Outlook ``.msg`` files cannot be generated:
the format is a proprietary OLE compound file and the standard library has no writer for it.

Every message gets its own sender, subject, Date (spread over the last 60 days, a few within the
last two days), Message-ID and a reference line, so no two bodies are identical and the batch's
de-duplication does not skip them.
"""

from __future__ import annotations

import argparse
import html
import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from io import BytesIO
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "messages"
FORMATS = ("mbox", "eml", "txt", "html")
COMPANIES = ("Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Tyrell")
NAMES = ("Alex", "Sam", "Jordan", "Priya", "Chen", "Maria", "Tomás", "Aisha", "Ola", "Kim")


def corpus_texts(folder: Path = CORPUS) -> list[str]:
    """The message texts of the corpus files ``folder/*.jsonl``."""
    texts: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts


def messages(count: int, seed: int = 0, now: datetime | None = None) -> Iterator[EmailMessage]:
    """``count`` varied email messages built from the corpus texts."""
    rng = random.Random(seed)
    texts = corpus_texts()
    now = now or datetime.now(timezone.utc)
    for n in range(count):
        company = rng.choice(COMPANIES)
        age = (
            timedelta(hours=rng.uniform(0, 48))
            if n % 20 == 0
            else timedelta(days=rng.uniform(2, 60))
        )
        msg = EmailMessage()
        msg["From"] = f"{company} Recruiting <jobs{n % 97}@{company.lower()}.example>"
        msg["To"] = f"{rng.choice(NAMES)} <candidate@example.org>"
        msg["Subject"] = f"Your application to {company} (ref {n})"
        msg["Date"] = format_datetime(now - age)
        msg["Message-ID"] = make_msgid(idstring=str(n), domain="bench.example")
        msg.set_content(f"{texts[n % len(texts)]}\n\nReference: APP-{seed}-{n}\n")
        yield msg


def write_mbox(out: Path, count: int, seed: int) -> Path:
    """One mbox file with ``count`` messages (``From`` lines quoted)."""
    path = out / f"mail{count}.mbox"
    with open(path, "wb") as handle:
        for msg in messages(count, seed):
            buffer = BytesIO()
            BytesGenerator(buffer, mangle_from_=True).flatten(msg)
            handle.write(b"From bench@example.org Mon Jan  1 00:00:00 2024\n")
            handle.write(buffer.getvalue().rstrip(b"\n") + b"\n\n")
    return path


def write_folder(out: Path, count: int, seed: int, fmt: str) -> Path:
    """A folder of ``count`` .eml, .txt or .html files (100 per sub-folder)."""
    root = out / f"{fmt}{count}"
    for n, msg in enumerate(messages(count, seed)):
        folder = root / f"{n // 100:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"message{n:07d}.{fmt}"
        if fmt == "eml":
            path.write_bytes(bytes(msg))
            continue
        body = msg.get_content()
        if fmt == "html":
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
            body = f"<html><body>{paragraphs}</body></html>"
        path.write_text(body, encoding="utf-8")
    return root


def main() -> None:
    """Parse the arguments and write the mailbox(es)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--format", choices=[*FORMATS, "all"], default="mbox")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/data"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for fmt in FORMATS if args.format == "all" else (args.format,):
        if fmt == "mbox":
            print(write_mbox(args.out, args.count, args.seed))
        else:
            print(write_folder(args.out, args.count, args.seed, fmt))


if __name__ == "__main__":
    main()
