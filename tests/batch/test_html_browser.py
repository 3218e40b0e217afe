"""The HTML report in a real browser: no horizontal overflow from desktop to phone width, and
every message's Date column filled, whatever form its Date header had.

Uses the system's headless Chromium; skipped when none is installed. Headless Chromium lays a
page out at least 500 px wide whatever the window, so the report is shown in a frame of the
exact width, in a small page of the test's own; its script (the report itself allows none)
writes the frame's viewport width, its scroll width and the right edge of its widest element
into the DOM, which ``--dump-dom`` prints. Set ``REPORT_SCREENSHOTS=DIR`` to keep the
screenshots.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.commands.batch import batch

from .conftest import NOW, variant

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no headless Chromium installed (apt-get install chromium)"
)
WIDTHS = (1280, 390)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--allow-file-access-from-files",
    "--virtual-time-budget=10000",
)
#: The height of the frame (and window) that shows the report.
HEIGHT = 4000
FRAME = """<!DOCTYPE html><html><head><style>body { margin: 0; }</style></head><body>
<iframe id="report" src="REPORT" style="border: 0; width: WIDTHpx; height: HEIGHTpx"></iframe>
<script>
window.addEventListener("load", () => {
  const frame = document.getElementById("report");
  const doc = frame.contentDocument;
  const widest = Math.max(...[...doc.querySelectorAll("body *")].map(
    (e) => e.getBoundingClientRect().right));
  const dates = [...doc.querySelectorAll("table.messages td.date")].map(
    (td) => td.textContent.trim());
  const lines = (e) => { const r = doc.createRange(); r.selectNodeContents(e);
    return r.getClientRects().length; };
  const brokenNumbers = [...doc.querySelectorAll("td.n")].filter((td) => lines(td) > 1).map(
    (td) => td.textContent);
  const out = document.createElement("pre");
  out.id = "measure";
  out.textContent = JSON.stringify({viewport: frame.contentWindow.innerWidth,
    scroll: doc.documentElement.scrollWidth, widest: widest, dates: dates,
    brokenNumbers: brokenNumbers});
  document.body.appendChild(out);
});
</script></body></html>"""
#: Date headers in the forms saved mail carries, RFC 5322 first.
DATES = (
    "Sun, 10 Mar 2024 09:31:00 +0000",
    "2024-03-09 09:31:00",
    "2024-03-08T09:31:00Z",
    "07/03/2024 09:31",
    "Wed, 6 Mar 2024 9:31 AM",
)
MESSAGES = 11
LONG_WORD = "https://careers.example.com/" + "very-long-tracking-path-" * 12
LONG_SUBJECT = "Re: " + "Application_for_the_Senior_Data_Platform_Engineer_position_" * 3


def _mail(n: int, date: str) -> bytes:
    body = variant(n) + f"\n\nSee {LONG_WORD} for other openings.\n" + "We were impressed. " * 40
    headers = (
        f"From: Recruiting Team of a Company With a Long Name <jobs-{n}@example.com>\n"
        f"Subject: {LONG_SUBJECT}{n}\nDate: {date}\nMessage-ID: <{n}@example.com>\n"
    )
    return (headers + "Content-Type: text/plain; charset=utf-8\n\n" + body).encode()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    for n in range(MESSAGES):  # more than 9, so that counts have two digits
        (folder / f"m{n:02}.eml").write_bytes(_mail(n, DATES[n % len(DATES)]))
    page = folder / "report.html"
    args = [str(folder), "--html", str(page), "-j", "1", "--now", NOW.isoformat(), "-q"]
    result = CliRunner().invoke(batch, args)
    assert result.exit_code == 0, result.stderr
    return page


def _browser(tmp_path: Path, page: Path, width: int, *args: str) -> str:
    """Open ``page`` framed at ``width`` px; Chromium's standard output."""
    assert BROWSER is not None
    frame = tmp_path / f"frame-{width}.html"
    frame.write_text(
        FRAME.replace("REPORT", page.as_uri())
        .replace("WIDTH", str(width))
        .replace("HEIGHT", str(HEIGHT)),
        encoding="utf-8",
    )
    profile = tmp_path / f"profile-{width}-{args[0].lstrip('-').split('=')[0]}"
    profile.mkdir()
    window = f"--window-size={max(width, 500)},{HEIGHT}"
    command = [BROWSER, *FLAGS, f"--user-data-dir={profile}", window, *args, frame.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _measured(report: Path, tmp_path: Path, width: int) -> dict[str, object]:
    dom = _browser(tmp_path, report, width, "--dump-dom")
    found = re.search(r'<pre id="measure">(.*?)</pre>', dom, re.S)
    assert found, f"no measurement in the page: {dom[-2000:]}"
    return dict(json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&")))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_report_fits_the_window_with_every_date_shown(
    report: Path, tmp_path: Path, width: int
) -> None:
    measured = _measured(report, tmp_path, width)
    assert measured["viewport"] == width  # measured at the width asked for
    assert isinstance(measured["scroll"], int) and measured["scroll"] <= width
    assert isinstance(measured["widest"], float | int) and measured["widest"] <= width + 0.5
    shown = [f"2024-03-{10 - n % len(DATES):02} 09:31" for n in range(MESSAGES)]
    assert measured["dates"] == shown
    assert measured["brokenNumbers"] == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_screenshot_is_taken(
    report: Path, tmp_path: Path, width: int, keep: Callable[[Path], None]
) -> None:
    shot = tmp_path / f"report-{width}.png"
    _browser(tmp_path, report, width, f"--screenshot={shot}")
    assert shot.exists()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep(shot)


@pytest.fixture
def keep() -> Callable[[Path], None]:
    """Copy a screenshot to $REPORT_SCREENSHOTS, when set."""
    folder = os.environ.get("REPORT_SCREENSHOTS")

    def _keep(path: Path) -> None:
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(folder) / path.name)

    return _keep
