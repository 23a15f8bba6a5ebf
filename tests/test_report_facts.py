"""A report states only what the clerk gave, in the agency's own voice, with every task it owes.

Each bundled directive is reported with its example answers, in the agency's own format, as given
and with every optional section emptied. Every body line must then be either the clerk's text or
one of the connectives below once the clerk's values (texts, names, figures, dates) are blanked
out: a sentence template that states a fact nobody typed fails this test.
"""

import copy
import json
import re
import subprocess
import sys
from dataclasses import replace

import pytest

from assistant.core import vntext
from assistant.core.answers import answers_to_report
from assistant.core.catalogue import TASK_KINDS
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.core.figures import CHECKLIST_874_SENTENCES, PLATFORMS
from assistant.core.formats import Element, profile
from assistant.core.layout import build_layout, cite, cite_again
from assistant.core.readiness import require_ready
from tests.conftest import REPO

EXAMPLES = sorted((REPO / "resources" / "answers").glob("*.json"))
OPTIONAL = ("implementation", "strengths", "difficulties", "next_steps", "proposals")
BLANK = "◊"
_CHECKS = "|".join(re.escape(s) for pair in CHECKLIST_874_SENTENCES.values() for s in pair)
_STAFF = "cán bộ, công chức, viên chức, người lao động|cán bộ, đảng viên"
# Every connective sentence of the bundled templates, with the clerk's values blanked (◊).
CONNECTIVES = [
    r"◊",
    r"- ◊[;.]",
    r"Thực hiện ◊ về việc ◊, ◊ báo cáo kết quả thực hiện( ◊| từ ngày ◊ đến ngày ◊)? như sau:",
    r"[IVX]+\. (TÌNH HÌNH TRIỂN KHAI THỰC HIỆN|KẾT QUẢ THỰC HIỆN|ĐÁNH GIÁ CHUNG"
    r"|PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI|ĐỀ XUẤT, KIẾN NGHỊ)",
    r"◊\. (◊|Ưu điểm|Hạn chế, khó khăn, vướng mắc và nguyên nhân)",
    r"Nhiệm vụ này mới thực hiện được một phần\.",
    r"Nhiệm vụ này chưa thực hiện\.",
    r"Nhiệm vụ này không thuộc phạm vi của ◊\.",
    r"Trong kỳ báo cáo, ◊ đã sản xuất ◊ video clip ngắn\.",
    r"Video clip đã đăng, phát trên các nền tảng số, mạng xã hội:",
    r"- ◊: ◊ video clip(, ◊ lượt xem)?(, ◊ lượt tương tác)?[;.]",
    r"Tổng số lượt xem trên các nền tảng: ◊(; tổng số lượt tương tác: ◊)?\.",
    r"Một số video clip tiêu biểu:",
    r"Video clip do ◊ biên tập, kiểm duyệt trước khi đăng, phát\.",
    r"Tổng số tin, bài đăng tải, chia sẻ trong kỳ: ◊; trong đó tin, bài phản ánh tiêu cực, "
    r"mặt trái của xã hội: ◊, chiếm tỷ lệ ◊%\.",
    r"Chi tiết trên từng nền tảng:",
    r"- ◊: ◊ tin, bài, trong đó ◊ tin, bài tiêu cực \(◊%\)[;.]",
    r"Tỷ lệ tin, bài tiêu cực \(◊%\) (chưa )?bảo đảm yêu cầu dưới ◊%\.",
    r"◊ đã phổ biến Bộ Quy tắc ứng xử trên mạng xã hội \(ban hành kèm theo Quyết định số "
    rf"◊/QĐ-BTTTT,? ngày ◊ của Bộ Thông tin và Truyền thông\) đến ◊ ({_STAFF})"
    r"( \(đạt tỷ lệ ◊%\))?\.",
    r"◊ đã ban hành ◊\.",
    r"◊ quản lý ◊ tài khoản, trang mạng xã hội chính thức(, trong đó ◊ tài khoản đã được "
    r"xác thực)?\.",
    r"Trong kỳ, phát hiện ◊ trường hợp vi phạm Bộ Quy tắc(, đã xử lý ◊ trường hợp)?\.",
    r"Trong kỳ, không phát hiện trường hợp vi phạm Bộ Quy tắc\.",
    r"Về các yêu cầu của Bộ Quy tắc:",
    rf"- ◊ ({_CHECKS})[;.]",
    r"Trên đây là báo cáo kết quả thực hiện ◊ của ◊(\./\.|\.)",
]
STOCK_CLAIMS = [
    "triển khai kịp thời, đúng nội dung yêu cầu",
    "Tiếp tục triển khai thực hiện nghiêm túc",
    "đã quán triệt, phân công",
    "Không có.",
    "không phát hiện trường hợp cán bộ",
    "về việc sử dụng mạng xã hội, đăng tải thông tin",
    "đều được",
    "sẽ điều chỉnh",
    "giữ vai trò chủ đạo",
    "chưa ban hành quy chế",
    "đơn vị",
    "Chưa có kết quả cụ thể",
]


def _example(path, empty_optional: bool = False):
    data = json.loads(path.read_text(encoding="utf-8"))
    if empty_optional:
        for key in OPTIONAL:
            data.pop(key, None)
    return data, answers_to_report(data, DirectiveLibrary().get(path.stem))


def _texts(value: object) -> list[str]:
    """Every line the clerk typed anywhere in the answers, as the document prints it."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, str):
        return [" ".join(line.split()) for line in vntext.paragraphs(value)]
    return []


def _given(data: dict, report) -> list[str]:
    directive, fmt = report.directive, profile(report.effective_format)
    values = [*_texts(data), report.profile.self_name, report.profile.name]
    values += [cite(directive, fmt), cite_again(directive, fmt)]
    values += [vntext.lower_initial(directive.subject), directive.subject]
    values += [t.title for t in directive.tasks] + [k.title for k in TASK_KINDS.values()]
    values += list(PLATFORMS.values())
    return sorted({v for v in values if v}, key=len, reverse=True)


def _blanked(line: str, given: list[str]) -> str:
    for value in given:
        line = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", BLANK, line)
    line = re.sub(r"\d+(?:[.,/]\d+)*", BLANK, line)
    return re.sub(f"{BLANK}(\\s*{BLANK})+", BLANK, line)


@pytest.mark.parametrize("empty_optional", [False, True], ids=["as-given", "optional-empty"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_sentence_is_the_clerks_or_a_connective(path, empty_optional: bool) -> None:
    data, report = _example(path, empty_optional)
    require_ready(report)
    given = _given(data, report)
    layout = build_layout(report)
    residues = [(line.text, _blanked(line.text, given)) for line in layout.body]
    strays = [(t, r) for t, r in residues if not any(re.fullmatch(c, r) for c in CONNECTIVES)]
    assert strays == []
    wording = "\n".join(r for _, r in residues)  # what the program wrote, not the clerk
    assert [claim for claim in STOCK_CLAIMS if claim in wording] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_empty_sections_are_left_out_and_the_numbering_follows(path) -> None:
    _, report = _example(path, empty_optional=True)
    headings = [ln.text for ln in build_layout(report).body if ln.element is Element.HEADING1]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_task_is_reported_with_its_status(path) -> None:
    data, report = _example(path)
    body = [ln.text for ln in build_layout(report).body]
    headings = {ln.split(". ", 1)[1]: i for i, ln in enumerate(body) if re.match(r"\d+\. ", ln)}
    for task in report.directive.tasks:
        answer = data["tasks"].get(task.id)
        if answer is None or answer["status"] == "not_reported":
            assert task.title not in headings
            continue
        at = headings[task.title]
        status_line = {
            "partly": "Nhiệm vụ này mới thực hiện được một phần.",
            "not_done": "Nhiệm vụ này chưa thực hiện.",
        }.get(answer["status"])
        if status_line:
            assert body[at + 1] == status_line
        for line in _texts(answer.get("notes", "")):
            assert line in body[at:]


def test_the_ubnd_signature_has_both_authority_lines_in_each_system() -> None:
    _, report = _example(REPO / "resources" / "answers" / "830-stttt-ttbcxb-2024.json")
    state = [line.text for line in build_layout(report).signer]
    assert state == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"]
    party = build_layout(replace(report, format_id="hd36", format_confirmed=True)).signer
    assert [line.text for line in party][:2] == ["T/M ỦY BAN NHÂN DÂN", "K/T CHỦ TỊCH"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_cited_dates_are_zero_padded(path) -> None:
    _, report = _example(path)
    text = build_layout(report).plain_text()
    dates = re.findall(r"ngày (\d{1,2})/(\d{1,2})/\d{4}", text)
    assert dates and all(len(d) == 2 for d, _ in dates), dates


def test_an_unknown_directive_number_is_cited_by_date_and_issuer() -> None:
    directive = DirectiveLibrary().get("unknown-cv-tu-2021")
    assert directive.number is None
    fmt = profile("hd36")
    assert "…" not in cite(directive, fmt) and "số" not in cite(directive, fmt)
    assert cite(directive, fmt).startswith("Công văn ngày ")
    assert cite_again(directive, fmt) == "Công văn ngày 03/8/2021"  # the issuer said once


def _refusal(**changes) -> str:
    path = REPO / "resources" / "answers" / "3270-cv-btgtu-2024.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = value
    with pytest.raises(UserError) as caught:
        require_ready(answers_to_report(data, DirectiveLibrary().get(path.stem)))
    return caught.value.message


def test_unanswered_unexplained_or_foreign_format_is_asked_for() -> None:
    example = json.loads(
        (REPO / "resources" / "answers" / "3270-cv-btgtu-2024.json").read_text("utf-8")
    )
    tasks = copy.deepcopy(example["tasks"])
    del tasks["t3"]
    assert "Nhiệm vụ 3" in _refusal(tasks=tasks) and "chưa có câu trả lời" in _refusal(tasks=tasks)
    tasks = copy.deepcopy(example["tasks"])
    tasks["t2"]["notes"] = ""
    assert "lý do chưa hoàn thành" in _refusal(tasks=tasks)
    tasks = copy.deepcopy(example["tasks"])
    tasks["t3"] = {"status": "done"}
    assert "hãy ghi kết quả" in _refusal(tasks=tasks)
    assert "--confirm-format" in _refusal(format="hd36")


def test_the_command_line_names_what_is_missing(tmp_path, data_dir) -> None:
    path = REPO / "resources" / "answers" / "3270-cv-btgtu-2024.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["tasks"]["t3"]
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "generate",
            "--directive",
            path.stem,
            "--answers",
            str(answers),
            "--out",
            str(tmp_path / "r.docx"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 2 and not (tmp_path / "r.docx").exists()
    assert done.stderr.startswith("Lỗi: Báo cáo chưa đủ để tạo:\n- Nhiệm vụ 3 (")
