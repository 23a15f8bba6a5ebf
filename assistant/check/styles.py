"""Word's formatting cascade: which value a run or paragraph really shows.

python-docx reports only what is written on the run or paragraph itself. Word shows the first
value found along direct formatting → character style → paragraph style → table style →
document defaults, each style followed up its ``basedOn`` chain. A clerk sees the result, so the
checker judges the result.

Bold and italic are "toggle" properties in the standard (a style can flip its parent's value);
Word's own dialogs show the nearest explicit value, and so do we.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml.etree import _Element

MAX_CHAIN = 32  # a longer basedOn chain is a loop in a damaged file
FALSE_VALUES = {"0", "false", "off", "none"}


def to_int(value: str | None) -> int | None:
    """An integer attribute; None when missing or malformed (some writers put "720.0")."""
    if value is None:
        return None
    try:
        return round(float(value))
    except ValueError:
        return None


def is_on(element: _Element) -> bool:
    """A toggle such as <w:b/>, <w:b w:val="0"/>."""
    return element.get(qn("w:val"), "true").lower() not in FALSE_VALUES


@dataclass(frozen=True)
class FontSlot:
    """One font slot of a run: an explicit font, or a theme font."""

    name: str | None  # explicit font name
    theme: str | None  # theme font ("minorHAnsi"): whatever the theme says, not a fixed font


class Styles:
    """The style sheet of one document: style chains and defaults, looked up by id."""

    def __init__(self, styles_element: _Element | None) -> None:
        root = styles_element
        self._by_id: dict[str, _Element] = {}
        self._default: dict[str, str] = {}
        self._chains: dict[str | None, tuple[_Element, ...]] = {}
        self.rpr_default = self.ppr_default = None
        if root is None:
            return
        for style in root.iterfind(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id is None:
                continue
            self._by_id.setdefault(style_id, style)
            if is_on_attr(style.get(qn("w:default"))):
                self._default.setdefault(style.get(qn("w:type"), ""), style_id)
        self.rpr_default = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.ppr_default = root.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, style_id: str | None) -> tuple[_Element, ...]:
        """The style and its ancestors, nearest first; cycles and dangling ids end the chain."""
        if style_id not in self._chains:
            self._chains[style_id] = self._walk(style_id)
        return self._chains[style_id]

    def _walk(self, style_id: str | None) -> tuple[_Element, ...]:
        found: list[_Element] = []
        while style_id and style_id in self._by_id and len(found) < MAX_CHAIN:
            style = self._by_id[style_id]
            if any(style is seen for seen in found):
                break
            found.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = None if based is None else based.get(qn("w:val"))
        return tuple(found)

    def default_id(self, kind: str) -> str | None:
        return self._default.get(kind)


def is_on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in FALSE_VALUES


def _props(styles: tuple[_Element, ...], tag: str) -> list[_Element]:
    return [p for p in (s.find(qn(tag)) for s in styles) if p is not None]


def paragraph_chain(
    styles: Styles, ppr: _Element | None, table_style: str | None
) -> tuple[list[_Element], list[_Element]]:
    """The pPr and rPr layers that apply to a paragraph, nearest first (direct pPr included)."""
    style_id = None
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        style_id = None if pstyle is None else pstyle.get(qn("w:val"))
    paragraph_styles = styles.chain(style_id or styles.default_id("paragraph"))
    table_styles = styles.chain(table_style) if table_style else ()
    pprs = _props(paragraph_styles, "w:pPr") + _props(table_styles, "w:pPr")
    rprs = _props(paragraph_styles, "w:rPr") + _props(table_styles, "w:rPr")
    if ppr is not None:
        pprs.insert(0, ppr)
    if styles.ppr_default is not None:
        pprs.append(styles.ppr_default)
    if styles.rpr_default is not None:
        rprs.append(styles.rpr_default)
    return pprs, rprs


def run_chain(styles: Styles, rpr: _Element | None, paragraph_rprs: list[_Element]) -> list:
    """The rPr layers of a run: direct, its character style chain, then the paragraph's layers."""
    layers: list[_Element] = []
    style_id = None
    if rpr is not None:
        layers.append(rpr)
        rstyle = rpr.find(qn("w:rStyle"))
        style_id = None if rstyle is None else rstyle.get(qn("w:val"))
    character_styles = styles.chain(style_id or styles.default_id("character"))
    return layers + _props(character_styles, "w:rPr") + paragraph_rprs


def first(layers: list[_Element], tag: str) -> _Element | None:
    """The nearest layer's ``tag`` child."""
    for layer in layers:
        found = layer.find(qn(tag))
        if found is not None:
            return found
    return None


def first_attr(layers: list[_Element], tag: str, *attrs: str) -> str | None:
    """The nearest value of any of ``attrs`` on a ``tag`` child (e.g. ind/left or ind/start)."""
    for layer in layers:
        found = layer.find(qn(tag))
        if found is None:
            continue
        for attr in attrs:
            value = found.get(qn(f"w:{attr}"))
            if value is not None:
                return value
    return None


def font_slot(layers: list[_Element], slot: str) -> FontSlot:
    """The font of one rFonts slot; a theme attribute beats a name on the same layer."""
    for layer in layers:
        fonts = layer.find(qn("w:rFonts"))
        if fonts is None:
            continue
        theme = fonts.get(qn(f"w:{slot}Theme"))
        if theme:
            return FontSlot(None, theme)
        name = fonts.get(qn(f"w:{slot}"))
        if name:
            return FontSlot(name, None)
    return FontSlot(None, None)
