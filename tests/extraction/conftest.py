import pytest

from factcheck.extraction import relations


@pytest.fixture
def consistent_restatements(monkeypatch):
    """The restatement rules' own reports: extract() shows a restatement only when it breaks
    (relations.REPORT_CONSISTENT_RESTATEMENTS); the tests of those rules look at the consistent ones too."""
    monkeypatch.setattr(relations, "REPORT_CONSISTENT_RESTATEMENTS", True)
