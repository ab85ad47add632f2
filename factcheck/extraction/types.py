"""Dataclasses returned by the extractor. Plain data: no behaviour beyond to_dict()."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Speaker:
    name: str
    start: int
    end: int
    title: str | None = None
    text: str = ""  # the words as written at start:end (a pronoun when resolved)

    def to_dict(self) -> dict:
        d = {"name": self.name, "start": self.start, "end": self.end}
        if self.title:
            d["title"] = self.title
        if self.text and self.text != self.name:
            d["text"] = self.text
        return d


@dataclass
class Quantity:
    id: int
    start: int
    end: int
    text: str
    value: float | int
    unit: str
    kind: str  # count, money, percent, duration, date, rank, other
    qualifier: str | None = None
    low: float | int | None = None
    high: float | int | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    statement: int = -1  # index of the statement holding it
    tolerance: float = 0.0  # half a unit of the last stated digit (rounding), not serialised

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "low": self.low,
            "high": self.high,
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "statement": self.statement,
        }


@dataclass
class Statement:
    index: int
    start: int
    end: int
    text: str
    sentence: int = 0
    paragraph: int = 0
    types: list[str] = field(default_factory=list)
    checkworthiness: float = 0.0
    checkworthy: bool = False
    rank: int = 0  # 1 = most check-worthy statement of the article
    reasons: list[tuple[str, float]] = field(default_factory=list)
    speaker: Speaker | None = None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    quantity_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "types": list(self.types),
            "checkworthiness": self.checkworthiness,
            "checkworthy": self.checkworthy,
            "rank": self.rank,
            "reasons": [[label, weight] for label, weight in self.reasons],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "quotes": [[s, e] for s, e in self.quotes],
            "quantity_ids": list(self.quantity_ids),
        }


@dataclass
class Relation:
    kind: str  # sum, difference, part_of, percentage, change, ratio, comparison, record
    operands: list[int]
    result: int | None
    holds: bool | str | None  # True, False, "approximately", None (needs outside evidence)
    explanation: str
    statement_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "operands": list(self.operands),
            "result": self.result,
            "holds": self.holds,
            "explanation": self.explanation,
            "statement_ids": list(self.statement_ids),
        }


@dataclass
class Extraction:
    extractor_version: str
    statements: list[Statement] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    threshold: float = 0.5

    def to_dict(self) -> dict:
        return {
            "extractor_version": self.extractor_version,
            "threshold": self.threshold,
            "statements": [s.to_dict() for s in self.statements],
            "quantities": [q.to_dict() for q in self.quantities],
            "relations": [r.to_dict() for r in self.relations],
        }
