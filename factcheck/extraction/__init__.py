"""The statement extractor: pure Python (no Django), deterministic, offline.

from factcheck.extraction import extract, EXTRACTOR_VERSION
result = extract(text)          # -> Extraction (dataclasses); result.to_dict() is the JSON contract
"""

from .pipeline import EXTRACTOR_VERSION, extract
from .types import Extraction, Quantity, Relation, Speaker, Statement

__all__ = ["EXTRACTOR_VERSION", "Extraction", "Quantity", "Relation", "Speaker", "Statement", "extract"]
