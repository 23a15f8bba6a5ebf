"""The directive library: bundled directives plus those the clerk imported.

Each directive is one JSON file validated by ``resources/schemas/directive.schema.json``. Bundled
files are read-only; imported ones live in ``<data dir>/directives/`` and win on the same id. A file
that cannot be read (damaged, edited by hand, from a newer version) keeps no other directive from
the clerk: the list shows the rest and names that file (:meth:`DirectiveLibrary.scan`); the file is
left where it is.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from assistant.core.errors import UserError
from assistant.core.fileio import atomic_write_text, read_json_object
from assistant.core.gate import clean_tree
from assistant.core.model import (
    AddresseeGroup,
    BodyKind,
    Directive,
    DocumentRef,
    Signer,
    Task,
)
from assistant.core.request import rule_from_dict
from assistant.core.schemas import first_error
from assistant.core.vntext import fold
from assistant.paths import RESOURCES

BUNDLED_DIR = RESOURCES / "directives"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def directive_from_dict(data: dict) -> Directive:
    """Build a Directive from its JSON form; raise UserError naming the first bad field."""
    data = clean_tree(data)
    err = first_error(data, "directive")
    if err is not None:
        where = ".".join(str(p) for p in err.path) or "(gốc)"
        raise UserError(
            f"Tệp công văn không hợp lệ ở trường «{where}».", f"{where}: {err.message}", field=where
        )
    return Directive(
        id=data["id"],
        kind=BodyKind(data["kind"]),
        issuer=data["issuer"],
        issuer_parent=data["issuer_parent"],
        number=data["number"],
        code=data["code"],
        date=_date(data["date"]),
        place=data["place"],
        subject=data["subject"],
        recipients=tuple(data["recipients"]),
        groups=tuple(
            AddresseeGroup(g["id"], g["label"], tuple(g.get("members", ()))) for g in data["groups"]
        ),
        tasks=tuple(
            Task(
                id=t["id"],
                label=t["label"],
                text=t["text"],
                kind=t["kind"],
                groups=tuple(t.get("groups", ())),
                title=t.get("title", ""),
            )
            for t in data["tasks"]
        ),
        report_to=data["report_to"],
        signer=Signer(**data["signer"]),
        text=data["text"],
        implements=tuple(
            DocumentRef(
                kind=r["kind"],
                symbol=r["symbol"],
                date=_date(r.get("date")),
                issuer=r.get("issuer", ""),
                subject=r.get("subject", ""),
            )
            for r in data.get("implements", ())
        ),
        report_request=data.get("report_request", ""),
        report_via=data.get("report_via", ""),
        report_deadline=_date(data.get("report_deadline")),
        report_periods=tuple(rule_from_dict(r) for r in data.get("report_periods", ())),
        distribution=tuple(data.get("distribution", ())),
        source=data.get("source", ""),
    )


def directive_to_dict(directive: Directive) -> dict:
    """The JSON form of a Directive (the inverse of :func:`directive_from_dict`)."""
    data = asdict(directive)
    data["kind"] = directive.kind.value
    data["date"] = directive.date.isoformat() if directive.date else None
    data["report_deadline"] = (
        directive.report_deadline.isoformat() if directive.report_deadline else None
    )
    for ref in data["implements"]:
        ref["date"] = ref["date"].isoformat() if ref["date"] else None
    for task in data["tasks"]:
        task["groups"] = list(task["groups"])
    # asdict keeps tuples, and JSON Schema's "array" accepts only lists: round-trip through JSON.
    return json.loads(json.dumps(data, ensure_ascii=False))


def _identity(directive: Directive) -> tuple:
    return (directive.number, fold(directive.code), fold(directive.issuer), directive.date)


class DirectiveLibrary:
    """Bundled directives plus the user's imported ones (``user_dir``)."""

    def __init__(self, user_dir: Path | None = None, bundled_dir: Path = BUNDLED_DIR) -> None:
        self.user_dir = user_dir
        self.bundled_dir = bundled_dir

    def _files(self) -> dict[str, Path]:
        files = {p.stem: p for p in sorted(self.bundled_dir.glob("*.json"))}
        if self.user_dir and self.user_dir.is_dir():
            files.update({p.stem: p for p in sorted(self.user_dir.glob("*.json"))})
        return files

    def all(self) -> list[Directive]:
        """Every directive that can be read, newest first."""
        return self.scan()[0]

    def scan(self) -> tuple[list[Directive], list[UserError]]:
        """Every directive that can be read, newest first, and for each file that cannot, the
        error saying which file and why."""
        items, unreadable = [], []
        for path in self._files().values():
            try:
                items.append(self._load(path))
            except UserError as exc:
                unreadable.append(exc)
        items.sort(key=lambda d: (d.date or date.min, d.id), reverse=True)
        return items, unreadable

    def get(self, directive_id: str) -> Directive:
        path = self._files().get(directive_id)
        if path is None:
            raise UserError(
                f"Không tìm thấy công văn có mã «{directive_id}». "
                "Dùng lệnh «directives» để xem danh sách mã.",
                f"unknown directive id {directive_id!r}",
            )
        return self._load(path)

    def is_bundled(self, directive_id: str) -> bool:
        return (self.bundled_dir / f"{directive_id}.json").is_file()

    def find_same(self, directive: Directive) -> Directive | None:
        """The library's directive with the same number, ký hiệu, issuer and date, if any."""
        key = _identity(directive)
        return next((d for d in self.all() if _identity(d) == key), None)

    def free_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` … whichever no directive has yet."""
        taken = set(self._files())
        return next(
            candidate
            for n in range(1, len(taken) + 2)
            if (candidate := base if n == 1 else f"{base}-{n}") not in taken
        )

    def add(self, directive: Directive, *, as_copy: bool = False) -> Path:
        """Save a new directive into the user's library (its file's stem is its id). The same
        directive (number, ký hiệu, issuer, date) already there is refused, naming it: open it,
        or, ``as_copy``, save a separate copy under a free id. Nothing is silently replaced."""
        if as_copy:
            return self._write(replace(directive, id=self.free_id(directive.id)))
        same = self.find_same(directive)
        if same is not None:
            raise UserError(
                f"Công văn {directive.symbol} này đã có trong thư viện (mã «{same.id}»). Hãy mở "
                "công văn đó, hoặc xác nhận lưu thành một bản riêng.",
                f"same directive as {same.id}",
                field="duplicate",
            )
        if directive.id in self._files():
            raise UserError(
                f"Mã «{directive.id}» đã dùng cho một công văn khác; hãy đặt mã khác.",
                f"id {directive.id} taken",
                field="id",
            )
        return self._write(directive)

    def update(self, directive: Directive) -> Path:
        """Replace the user's own directive of the same id; a bundled one is never changed."""
        self._refuse_bundled(directive.id, "sửa")
        self.get(directive.id)  # it must exist
        return self._write(directive)

    def remove(self, directive_id: str) -> None:
        self._refuse_bundled(directive_id, "xóa")
        path = self._files().get(directive_id)
        if path is None:
            self.get(directive_id)  # raises the Vietnamese "not found"
        path.unlink()

    def _refuse_bundled(self, directive_id: str, doing: str) -> None:
        if self.is_bundled(directive_id):
            raise UserError(
                f"Công văn «{directive_id}» có sẵn trong chương trình nên không {doing} được; "
                "hãy lưu thành một bản riêng rồi sửa bản đó.",
                f"{directive_id} is bundled",
                field="id",
            )

    def _write(self, directive: Directive) -> Path:
        if self.user_dir is None:
            raise ValueError("this library has no user folder")
        data = directive_to_dict(directive)
        directive_from_dict(data)  # refuse to store what we could not load back
        path = self.user_dir / f"{directive.id}.json"
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return path

    @staticmethod
    def _load(path: Path) -> Directive:
        data = read_json_object(path, "tệp công văn")  # its errors name the file
        try:
            return directive_from_dict(data)
        except UserError as exc:
            raise UserError(
                f"Công văn trong tệp «{path}» không đọc được. {exc.message}",
                f"{path}: {exc.detail}",
                field=exc.field,
            ) from exc


def unreadable_text(errors: list[UserError]) -> str:
    """What the list and the window say of the library's files that could not be read."""
    return (
        "Các tệp công văn sau không đọc được nên chưa có trong danh sách; tệp vẫn được giữ "
        "nguyên, hãy nhập lại các công văn đó:\n" + "\n".join(f"- {e.message}" for e in errors)
    )
