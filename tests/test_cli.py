"""The command line, through real subprocesses: directives, profile, generate and its errors."""

import json
import subprocess
import sys
from pathlib import Path

from docx import Document

from tests import factories


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _with_test_directive(data_dir: Path) -> None:
    folder = data_dir / "directives"
    folder.mkdir(exist_ok=True)
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )


def _answers_file(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_directives_lists_bundled_and_imported(data_dir: Path) -> None:
    _with_test_directive(data_dir)
    result = run("directives", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    ids = [r["id"] for r in rows]
    assert factories.DIRECTIVE["id"] in ids
    assert len(ids) == len(set(ids))
    mine = next(r for r in rows if r["id"] == factories.DIRECTIVE["id"])
    assert mine["symbol"] == "3270-CV/BTGTU" and mine["tasks"] == 4


def test_generate_writes_a_docx(tmp_path: Path, data_dir: Path) -> None:
    _with_test_directive(data_dir)
    out = tmp_path / "báo cáo.docx"
    answers = _answers_file(tmp_path, factories.answers())
    result = run(
        "generate",
        "--directive",
        factories.DIRECTIVE["id"],
        "--answers",
        str(answers),
        "--out",
        str(out),
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert "Đã tạo báo cáo" in result.stdout
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "BÁO CÁO" in texts


def test_format_override_and_saved_profile(tmp_path: Path, data_dir: Path) -> None:
    _with_test_directive(data_dir)
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(factories.PARTY_PROFILE, ensure_ascii=False), encoding="utf-8")
    assert run("profile", "set", str(profile), data_dir=data_dir).returncode == 0
    shown = run("profile", "show", data_dir=data_dir)
    assert json.loads(shown.stdout)["name"] == factories.PARTY_PROFILE["name"]
    data = factories.answers()
    del data["profile"]  # the saved (Party) profile is used
    out = tmp_path / "r.docx"
    args = [
        "--directive",
        factories.DIRECTIVE["id"],
        "--answers",
        str(_answers_file(tmp_path, data)),
    ]
    args += ["--out", str(out), "--format", "nd30"]
    refused = run("generate", *args, data_dir=data_dir)
    assert refused.returncode == 2 and "--confirm-format" in refused.stderr
    assert "là cơ quan của Đảng" in refused.stderr and not out.exists()
    result = run("generate", *args, "--confirm-format", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    header = Document(str(out)).tables[0].cell(0, 1).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header  # --format wins over the Party default


def test_bad_answers_name_the_field_and_write_nothing(tmp_path: Path, data_dir: Path) -> None:
    _with_test_directive(data_dir)
    out = tmp_path / "r.docx"
    data = factories.answers(
        tasks={
            "t2": {"figures": {"platforms": [{"platform": "zalo", "total": 10, "negative": 12}]}}
        }
    )
    result = run(
        "generate",
        "--directive",
        factories.DIRECTIVE["id"],
        "--answers",
        str(_answers_file(tmp_path, data)),
        "--out",
        str(out),
        data_dir=data_dir,
    )
    assert result.returncode == 2
    assert "«tasks.t2.figures.platforms.0.negative»" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))


def test_broken_json_says_where(tmp_path: Path, data_dir: Path) -> None:
    _with_test_directive(data_dir)
    answers = tmp_path / "a.json"
    answers.write_text('{"number": 5,\n "date": }', encoding="utf-8")
    result = run(
        "generate",
        "--directive",
        factories.DIRECTIVE["id"],
        "--answers",
        str(answers),
        "--out",
        str(tmp_path / "r.docx"),
        data_dir=data_dir,
    )
    assert result.returncode == 2
    assert "dòng 2" in result.stderr and "Traceback" not in result.stderr


def test_unknown_directive_and_missing_profile(tmp_path: Path, data_dir: Path) -> None:
    answers = _answers_file(tmp_path, {})
    result = run(
        "generate",
        "--directive",
        "khong-co",
        "--answers",
        str(answers),
        "--out",
        str(tmp_path / "r.docx"),
        data_dir=data_dir,
    )
    assert result.returncode == 2 and "khong-co" in result.stderr
    _with_test_directive(data_dir)
    result = run(
        "generate",
        "--directive",
        factories.DIRECTIVE["id"],
        "--answers",
        str(answers),
        "--out",
        str(tmp_path / "r.docx"),
        data_dir=data_dir,
    )
    assert result.returncode == 2 and "thông tin cơ quan" in result.stderr


def test_unwritable_target_is_explained(tmp_path: Path, data_dir: Path) -> None:
    _with_test_directive(data_dir)
    target = tmp_path / "là-thư-mục.docx"
    target.mkdir()  # like a file locked by Word, the target cannot be replaced
    result = run(
        "generate",
        "--directive",
        factories.DIRECTIVE["id"],
        "--answers",
        str(_answers_file(tmp_path, factories.answers())),
        "--out",
        str(target),
        data_dir=data_dir,
    )
    assert result.returncode == 2 and "Không ghi được" in result.stderr


def test_an_agencys_own_template_wins_and_a_broken_one_is_explained(
    tmp_path: Path, data_dir: Path
) -> None:
    from assistant.paths import TEMPLATES

    _with_test_directive(data_dir)
    own = data_dir / "templates"
    own.mkdir()
    wording = (TEMPLATES / "report.j2").read_text(encoding="utf-8")
    (own / "report.j2").write_text(
        wording.replace("Đánh giá chung", "Tự đánh giá"), encoding="utf-8"
    )
    answers = str(_answers_file(tmp_path, factories.answers()))
    out = tmp_path / "r.docx"
    args = (
        "generate",
        "--no-history",  # the register refuses the same number twice; this test is about wording
        "--directive",
        factories.DIRECTIVE["id"],
        "--answers",
        answers,
        "--out",
        str(out),
    )
    assert run(*args, data_dir=data_dir).returncode == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "III. TỰ ĐÁNH GIÁ" in texts
    (own / "report.j2").write_text("{% if %}", encoding="utf-8")
    result = run(*args, data_dir=data_dir)
    assert result.returncode == 2 and "Mẫu lời văn «report.j2» bị lỗi" in result.stderr


def test_a_profile_set_over_a_damaged_one_keeps_the_damaged_file(
    tmp_path: Path, data_dir: Path
) -> None:
    (data_dir / "profile.json").write_text('{"name": "Đài", "kind"', encoding="utf-8")
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(factories.STATE_PROFILE, ensure_ascii=False), encoding="utf-8")
    assert run("profile", "set", str(profile), data_dir=data_dir).returncode == 0
    assert json.loads(run("profile", "show", data_dir=data_dir).stdout)["symbol"] == "PTTH"
    kept = [p.read_text(encoding="utf-8") for p in data_dir.glob("profile-damaged-*.json")]
    assert kept == ['{"name": "Đài", "kind"']
    # A readable profile replaced by another leaves no copy behind.
    assert run("profile", "set", str(profile), data_dir=data_dir).returncode == 0
    assert len(list(data_dir.glob("profile-damaged-*.json"))) == 1
