"""A plain, non-editable wheel install finds its patterns and models from any directory."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
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
    # Dependencies come from the environment running this test (the system interpreter, a venv
    # or a pipx venv alike), the package itself from the wheel: a path file in the new venv's
    # site-packages appends the running environment's library folders after its own, so the
    # wheel's copy is found first. (`system_site_packages` would name the base interpreter's
    # folders instead, which do not hold the dependencies when the tests run inside a venv.)
    # --ignore-installed: the project may already be installed there (CI installs it with
    # `pip install .`), and pip would otherwise keep that copy instead of the wheel's.
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    _see_running_environment(python)
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


def _see_running_environment(python: Path) -> None:
    """Make the running environment's packages importable from the venv of ``python``."""
    inner = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    outer = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(inner) / "outer-environment.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
