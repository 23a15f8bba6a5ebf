"""The wording of a report: jinja2 templates in ``templates/`` that an agency can edit.

Templates write a tiny markup: ``<subject>``, ``<h1>``, ``<h2>``, ``<p>``, ``<li>`` and
``<closing>``. The environment is sandboxed, undefined variables are errors, and autoescaping is on,
so whatever a clerk types ("{{ x }}", "<b>", "&") is escaped, parsed back here, and shown literally.
Multi-line text goes through the ``paras`` filter and becomes one paragraph per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from assistant.core import vntext
from assistant.core.errors import UserError
from assistant.paths import TEMPLATES, cache_dir

BLOCK_TAGS = ("subject", "h1", "h2", "p", "li", "closing")
TYPED = "typed"  # the attribute |paras puts on the clerk's own lines, so a preview can tell them
TEMPLATE_VERSION = "2"  # bump when the bundled wording changes; stored with each report


@dataclass(frozen=True)
class Block:
    """A heading or paragraph the wording templates produced."""

    tag: str  # one of BLOCK_TAGS
    text: str
    typed: bool = False  # the clerk's own text (through |paras), not the templates' wording


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._tag: str | None = None
        self._typed = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._tag, self._text = tag, []
            self._typed = any(name == TYPED for name, _ in attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._tag:
            text = " ".join("".join(self._text).split())
            if text:
                self.blocks.append(Block(tag, text, self._typed))
            self._tag = None

    def handle_data(self, data: str) -> None:
        if self._tag:
            self._text.append(data)


def _paras(value: object, tag: str = "p") -> Markup:
    """Each non-empty line of a clerk's text as its own escaped block."""
    lines = vntext.paragraphs(str(value or ""))
    return Markup("").join(
        Markup(f"<{tag} {TYPED}>") + escape(line) + Markup(f"</{tag}>\n") for line in lines
    )


def _points(difference: float) -> str:
    """A difference of two shares in percentage points, as the shares print: 0.02 → "2,0"."""
    return vntext.percent(difference).removesuffix("%")


def environment(extra_dirs: Sequence[Path] = ()) -> ImmutableSandboxedEnvironment:
    """Templates from ``extra_dirs`` (an agency's own, first) then the bundled ones.

    Environments are cached so templates compile once; jinja still reloads a template whose file
    changed (auto_reload), so an agency's edit shows up in the next report.
    """
    return _environment(tuple(d for d in extra_dirs if d.is_dir()))


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Templates compiled once per version, not on every start of a command (jinja checks each
    template's source against its compiled copy); no cache where the folder cannot be made."""
    folder = cache_dir("templates")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


@cache
def _environment(extra_dirs: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    loaders = [FileSystemLoader(str(d)) for d in extra_dirs]
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        paras=_paras,
        num=vntext.number,
        pct=vntext.percent,
        points=_points,
        limit_pct=vntext.limit_percent,
        short_date=vntext.short_date,
        date_words=vntext.date_words,
        day_month=vntext.day_month,
        lower_initial=vntext.lower_initial,
    )
    return env


def render_blocks(env: ImmutableSandboxedEnvironment, name: str, context: dict) -> list[Block]:
    """Render template ``name`` and parse its markup into blocks."""
    try:
        markup = env.get_template(name).render(**context)
    except TemplateError as exc:
        raise UserError(
            f"Mẫu lời văn «{name}» bị lỗi: {exc.message}. Hãy sửa mẫu hoặc xóa bản đã sửa "
            "để dùng lại mẫu gốc.",
            f"template {name}: {type(exc).__name__}: {exc}",
        ) from exc
    parser = _BlockParser()
    parser.feed(vntext.clean(markup))
    parser.close()
    return parser.blocks
