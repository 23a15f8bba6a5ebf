"""Copying a history into another: a local SQLite history onto the agency's server
(``history migrate --to URL``), and a server's history into a SQLite copy (its backup, and so the
way back). Numbers are kept; a report whose number the target already has is not copied but
reported; nothing in the target is overwritten; a report copied by an earlier run is recognised,
so a copy that was interrupted, or run twice, adds nothing twice.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from assistant.storage import backup
from assistant.storage.contract import COPIED_COLUMNS, Filters, Store


@dataclass
class Transfer:
    """What a move of reports between histories did: copied, already there, conflicts."""

    copied: int = 0
    present: int = 0  # copied by an earlier run
    conflicts: list[str] = field(default_factory=list)
    ids: dict[int, int] = field(default_factory=dict)  # source report id → target report id


def copy_history(source: Store, target: Store) -> Transfer:
    done = Transfer()
    register = source.all_register_rows()
    owned: dict[int | None, list[tuple]] = {}
    for row in register:
        owned.setdefault(row[3], []).append(row)
    reports = set()
    # Into an empty history nothing is a copy already: no need to look (a server's backup).
    fresh = target.count(Filters(archived=None)) == 0
    for source_id, *columns in source.copied_rows():
        reports.add(source_id)
        values = dict(zip(COPIED_COLUMNS, columns, strict=True))
        _copy_report(source, target, (source_id, values), owned.get(source_id, []), done, fresh)
    # Numbers cancelled ahead, or voided for a draft since deleted: no report to go with.
    for row in register:
        if row[3] not in reports:
            with target.transaction() as tx:
                why = tx.import_number(row, None)
            if why:
                done.conflicts.append(why)
    return done


def _copy_report(
    source: Store,
    target: Store,
    report: tuple[int, dict],
    numbers: list[tuple],
    done: Transfer,
    fresh: bool,
) -> None:
    """One report with its status log and register rows, in one transaction, or not at all."""
    source_id, values = report
    values["archived"] = bool(values["archived"])
    if values["status"] == "writing":
        done.conflicts.append(f"báo cáo #{source_id} đang được ghi ra tệp nên chưa chép")
        return
    existing = None
    if not fresh:
        existing = target.copy_of(values["created_at"], values["directive_id"], values["answers"])
    if existing is not None:
        done.present += 1
        done.ids[source_id] = existing
        return
    with target.transaction() as tx:
        for year, series, number, *_ in numbers:
            here = tx.number_taken(year, series, number)
            if here is not None:
                done.conflicts.append(
                    f"báo cáo #{source_id}: số {number:02d}/{series} năm {year} đã có trong sổ "
                    f"nơi nhận ({here[0]}), chưa chép"
                )
                return
        new_id = tx.insert_report(values)
        for _, status, at in source.status_log([source_id]):
            tx.log(new_id, status, at)
        for row in numbers:
            tx.import_number(row, new_id)
    done.copied += 1
    done.ids[source_id] = new_id


def export_copy(source: Store, zip_path: Path, documents: dict[int, Path]) -> Path:
    """A server's backup: its history copied into a SQLite file, zipped as a local backup is
    (``history restore`` then brings it back into a local history)."""
    from assistant.storage.opening import DB_FILE
    from assistant.storage.sqlite_store import SqliteStore

    with tempfile.TemporaryDirectory() as folder:
        copy = SqliteStore(Path(folder) / DB_FILE, session=False)
        try:
            ids = copy_history(source, copy).ids
            moved = {ids[old]: path for old, path in documents.items() if old in ids}
            return backup.export(copy.db.conn, moved, zip_path)
        finally:
            copy.close()
