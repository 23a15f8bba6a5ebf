"""Smoke test of a built one-folder program, run from outside the source tree (CI on Windows,
tests/test_bundle.py on Linux):

    python packaging/smoke_test.py dist/BaoCaoNhanh [--pdf]

Lists the directives, declares the agency, generates the example report, checks it, lists what is
due, optionally exports it to PDF (needs Word or LibreOffice), then starts the window, which
shows and closes itself (BAO_CAO_NHANH_SMOKE_TEST). Standard library only; exits non-zero with
the failing step's output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SEED = "3270-cv-btgtu-2024"
WINDOWS = sys.platform == "win32"


def _run(program: Path, data: Path, *args: str, **env: str) -> str:
    done = subprocess.run(
        [str(program), "--data-dir", str(data), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(
            f"{program.name} {' '.join(args)} → {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def smoke_test(bundle: Path, pdf: bool) -> None:
    # On Windows the window's program has no console; its twin runs the commands.
    command = bundle / ("bao-cao-nhanh.exe" if WINDOWS else "BaoCaoNhanh")
    window = bundle / ("BaoCaoNhanh.exe" if WINDOWS else "BaoCaoNhanh")
    answers = bundle / "_internal" / "resources" / "answers" / f"{SEED}.json"
    with tempfile.TemporaryDirectory(prefix="smoke-") as work:
        data, out = Path(work) / "data", Path(work) / "báo cáo.docx"
        if not json.loads(_run(command, data, "directives", "--json")):
            sys.exit("the bundled directive library is empty")
        profile = Path(work) / "profile.json"
        profile.write_text(json.dumps(json.loads(answers.read_text("utf-8"))["profile"]), "utf-8")
        _run(command, data, "profile", "set", str(profile))
        _run(
            command,
            data,
            "generate",
            "--directive",
            SEED,
            "--answers",
            str(answers),
            "--out",
            str(out),
        )
        _run(command, data, "check", str(out))
        _run(command, data, "due")
        if pdf:
            _run(command, data, "pdf", str(out))
            if not out.with_suffix(".pdf").read_bytes().startswith(b"%PDF-"):
                sys.exit("no PDF written")
        _run(window, data, BAO_CAO_NHANH_SMOKE_TEST="1")
        log = (data / "logs" / "bao-cao-nhanh.log").read_text("utf-8")
        if "window shown" not in log or "unexpected" in log:
            sys.exit(f"the window did not start cleanly:\n{log}")
    print(f"smoke test passed: {bundle}")


if __name__ == "__main__":
    smoke_test(Path(sys.argv[1]), pdf="--pdf" in sys.argv[2:])
