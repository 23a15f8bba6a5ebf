"""Editing WordprocessingML in place, as the format fix does: a paragraph's or run's properties
(made when missing, in the place the schema wants them), a run's size and toggles, and the lines
of a multi-line paragraph (runs split at their breaks, so each line can take its own format)."""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from assistant.check.docx_model import Paragraph, _runs


def get_or_add(parent: _Element, tag: str, first: bool = False) -> _Element:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first or tag == "w:pPr" or tag == "w:rPr":
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def paragraph_properties(p: _Element) -> _Element:
    return get_or_add(p, "w:pPr")


def run_properties(r: _Element) -> _Element:
    return get_or_add(r, "w:rPr")


def set_size(r: _Element, size: float) -> None:
    rpr = run_properties(r)
    for tag in ("w:sz", "w:szCs"):
        get_or_add(rpr, tag).set(qn("w:val"), str(round(size * 2)))


def set_toggle(r: _Element, tag: str, on: bool) -> None:
    element = get_or_add(run_properties(r), tag)
    if tag == "w:u":
        element.set(qn("w:val"), "single" if on else "none")
    else:
        element.set(qn("w:val"), "1" if on else "0")


BREAKS = (qn("w:br"), qn("w:cr"))


def split_at_breaks(r: _Element) -> None:
    """One run holding several lines ("Nơi nhận:", break, "- Như trên;") becomes one run per
    line, each with the same run properties, so each line can take its own format."""
    props = r.find(qn("w:rPr"))
    pieces: list[list[_Element]] = [[]]
    for child in list(r):
        if child is props:
            continue
        pieces[-1].append(child)
        if child.tag in BREAKS:
            pieces.append([])
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2:
        return
    for piece in pieces[1:]:
        new = copy.deepcopy(r)
        for child in list(new):
            new.remove(child)
        if props is not None:
            new.append(copy.deepcopy(props))
        for child in piece:
            new.append(child)  # moved out of the original run
        r.addnext(new)
        r = new


def line_runs(line: Paragraph) -> list[_Element]:
    """The w:r elements of one line of a paragraph (all of them for a one-line paragraph)."""
    runs = list(_runs(line.xml))
    if not line.line_of:
        return runs
    for r in runs:
        if any(c.tag in BREAKS for c in r):
            split_at_breaks(r)
    runs = list(_runs(line.xml))
    out, number = [], 1
    for r in runs:
        breaks = sum(1 for c in r if c.tag in (qn("w:br"), qn("w:cr")))
        has_text = any(c.tag == qn("w:t") and c.text for c in r)
        if number == line.line_of and has_text:
            out.append(r)
        number += breaks
    return out


def retype(line: Paragraph, text: str) -> None:
    """New text for a line: into its first run with text, the line's other runs emptied."""
    runs = [r for r in line_runs(line) if r.find(qn("w:t")) is not None]
    for index, r in enumerate(runs):
        for t in r.findall(qn("w:t")):
            t.text = text if index == 0 and t is r.find(qn("w:t")) else ""
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
