"""A plain, non-editable wheel install finds its patterns and models from any directory."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_runs_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("feedback_analyzer-*.whl"))
    env_dir = tmp_path / "venv"
    # Dependencies come from this interpreter's site-packages; the package itself from the wheel.
    # --ignore-installed: the project may already be installed there (CI installs it with
    # `pip install .`), and pip would otherwise keep that copy instead of the wheel's.
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import analyzer; print(analyzer.__file__)"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(env_dir) in where, "the test must exercise the wheel, not the source tree"
    script = env_dir / "bin" / "feedback-analyzer"
    result = subprocess.run(
        [str(script), "analyze", "--example", "--format", "json"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["findings"]
    module = subprocess.run(
        [str(python), "-m", "analyzer", "rules", "--json"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.returncode == 0 and module.stdout.count("\n") > 20
