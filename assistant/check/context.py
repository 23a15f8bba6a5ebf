"""What every check receives: the document, the profile, where the elements are."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.check.docx_model import DocModel, Paragraph, Run
from assistant.check.elements import Located
from assistant.check.findings import (
    ERROR,
    Finding,
    Places,
    element_label,
    num,
    source,
)
from assistant.core.formats import Element, FormatProfile


@dataclass
class Context:
    """What every check reads: the document's model, the format, the elements found and the
    places."""

    model: DocModel
    fmt: FormatProfile
    located: Located
    places: Places

    def finding(
        self,
        finding_id: str,
        element: Element | str,
        paragraphs: list[Paragraph] | str,
        found: str,
        expected: str,
        message: str,
        severity: str = ERROR,
        rule_source: str = "",
    ) -> Finding:
        """``rule_source``: where the rule comes from when it is not the profile's own text."""
        many = not isinstance(paragraphs, str)
        return Finding(
            id=finding_id,
            severity=severity,
            element=str(element),
            label=element_label(element, self.fmt),
            found=found,
            expected=f"{rule_source or source(self.fmt)}: {expected}",
            where=self.places.many(paragraphs) if many else paragraphs,
            message=message,
            count=len(paragraphs) if many else 1,
        )

    def all_paragraphs(self) -> list[Paragraph]:
        """Body and cells, then the headers and footers of every section."""
        out = list(self.model.paragraphs)
        seen: set[int] = set()
        for section in self.model.sections:
            for part in (*section.headers.values(), *section.footers.values()):
                if id(part) not in seen:
                    seen.add(id(part))
                    out.extend(part.paragraphs)
        return out

    def order(self) -> dict[int, int]:
        """Each body paragraph's place in reading order, by its XML element's identity (the
        line views of one paragraph share it)."""
        return {id(p.xml): i for i, p in enumerate(self.model.paragraphs)}

    def element_of(self) -> dict[int, Element]:
        """Each located paragraph's element, by paragraph identity."""
        return {id(p): e for e, ps in self.located.at.items() for p in ps}


def visible(p: Paragraph) -> list[Run]:
    """The runs a reader sees: a space's size or font shows nowhere on the page."""
    return [r for r in p.runs if r.text.strip()]


def pt(value: float | None) -> str:
    """A font size as a finding shows it; None: no layer of the cascade sets one."""
    return "không đặt" if value is None else f"{num(value)} pt"
