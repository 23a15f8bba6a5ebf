"""The directive library from the command line: show, add, update, remove; nothing silently replaced."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from assistant.core.answers import profile_from_dict
from assistant.core.concern import split_tasks, why_mine
from assistant.core.directives import BUNDLED_DIR, DirectiveLibrary
from assistant.core.request import Periodicity, PeriodRule
from tests import factories
from tests.conftest import REPO
from tests.importer_corpus import SPECS, write_docx

BUNDLED = "3270-cv-btgtu-2024"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "directives", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_show_prints_the_whole_record(data_dir: Path) -> None:
    shown = run(data_dir, "show", "1483-cv-btgtu-2024")
    assert shown.returncode == 0, shown.stderr
    assert "Báo cáo gửi: Ban Tuyên giáo Tỉnh ủy (qua Phòng Tuyên truyền)" in shown.stdout
    record = json.loads(run(data_dir, "show", "1483-cv-btgtu-2024", "--json").stdout)
    assert record["report_via"] == "Phòng Tuyên truyền" and len(record["tasks"]) == 3


def test_add_refuses_the_same_directive_and_keeps_a_copy_on_request(
    data_dir: Path, tmp_path: Path
) -> None:
    record = tmp_path / "cv.json"
    record.write_text(run(data_dir, "show", BUNDLED, "--json").stdout, encoding="utf-8")
    refused = run(data_dir, "add", str(record))
    assert (
        refused.returncode == 2
        and "đã có trong thư viện (mã «3270-cv-btgtu-2024»)" in refused.stderr
    )
    copied = run(data_dir, "add", str(record), "--copy")
    assert copied.returncode == 0 and "«3270-cv-btgtu-2024-2»" in copied.stdout
    assert (data_dir / "directives" / "3270-cv-btgtu-2024-2.json").is_file()


def test_bundled_directives_are_never_changed(data_dir: Path, tmp_path: Path) -> None:
    bundled = BUNDLED_DIR / f"{BUNDLED}.json"
    before = _digest(bundled)
    record = tmp_path / "cv.json"
    record.write_text(run(data_dir, "show", BUNDLED, "--json").stdout, encoding="utf-8")
    for args in (("remove", BUNDLED), ("update", BUNDLED, str(record))):
        done = run(data_dir, *args)
        assert done.returncode == 2 and "có sẵn trong chương trình" in done.stderr
    assert _digest(bundled) == before


def test_the_users_own_directive_can_be_updated_and_removed(data_dir: Path, tmp_path: Path) -> None:
    record = tmp_path / "cv.json"
    data = dict(factories.DIRECTIVE, number="9999", report_deadline="2026-12-15")
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run(data_dir, "add", str(record)).returncode == 0
    data["report_periods"] = [{"periodicity": "quarterly", "day": 20}]
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run(data_dir, "update", data["id"], str(record)).returncode == 0
    saved = DirectiveLibrary(user_dir=data_dir / "directives").get(data["id"])
    assert saved.report_periods == (PeriodRule(Periodicity.QUARTERLY, 20),)
    assert run(data_dir, "remove", data["id"]).returncode == 0
    assert run(data_dir, "show", data["id"]).returncode == 2


def test_a_bad_record_names_the_field(data_dir: Path, tmp_path: Path) -> None:
    record = tmp_path / "cv.json"
    record.write_text(json.dumps(dict(factories.DIRECTIVE, report_deadline="15/12")), "utf-8")
    done = run(data_dir, "add", str(record))
    assert done.returncode == 2 and "«report_deadline»" in done.stderr


def test_each_period_has_its_deadline() -> None:
    quarters = PeriodRule(Periodicity.QUARTERLY, 20).periods(2026)
    assert [p.deadline.isoformat() for p in quarters] == [
        "2026-03-20",
        "2026-06-20",
        "2026-09-20",
        "2026-12-20",
    ]
    december = PeriodRule(Periodicity.MONTHLY, 31, month_offset=1).periods(2026)
    assert december[0].deadline.isoformat() == "2026-02-28"  # the month's last day
    assert december[-1].deadline.isoformat() == "2027-01-31"
    halves = PeriodRule(Periodicity.HALF_YEARLY, 15).periods(2026)
    assert [(p.end.isoformat(), p.deadline.isoformat()) for p in halves] == [
        ("2026-06-30", "2026-06-15"),
        ("2026-12-31", "2026-12-15"),
    ]


def test_an_alias_places_the_agency_in_its_group_and_says_why() -> None:
    directive = DirectiveLibrary().get("830-stttt-ttbcxb-2024")
    profile = profile_from_dict(
        dict(
            factories.STATE_PROFILE,
            name="Đài PTTH tỉnh",
            aliases=["Đài Phát thanh – Truyền hình Thái Nguyên"],
        )
    )
    mine, others = split_tasks(directive, profile)
    assert [t.id for t in mine] == ["t5"] and len(others) == 4
    assert "trong đó có «Đài Phát thanh – Truyền hình Thái Nguyên»" in why_mine(
        directive, profile, mine[0]
    )
    assert "không phải nhóm của cơ quan bạn" in why_mine(directive, profile, others[0])


def test_importing_a_directive_twice_offers_a_copy(data_dir: Path, tmp_path: Path) -> None:
    docx = str(write_docx(SPECS[0], tmp_path / "cv.docx"))
    importing = [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "import", docx]
    first = subprocess.run([*importing, "--save"], capture_output=True, text=True, cwd=REPO)
    assert first.returncode == 0, first.stderr
    again = subprocess.run([*importing, "--save"], capture_output=True, text=True, cwd=REPO)
    assert again.returncode == 2 and "đã có trong thư viện" in again.stderr
    copy = subprocess.run(
        [*importing, "--save", "--copy"], capture_output=True, text=True, cwd=REPO
    )
    assert copy.returncode == 0 and len(list((data_dir / "directives").glob("*.json"))) == 2
