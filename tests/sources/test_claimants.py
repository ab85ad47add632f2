"""Claimant names and kinds from the speakers the extractor finds (pure, no database)."""

import pytest

from factcheck.sources.claimants import claimant_is_organisation, claimant_name


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("the Office for National Statistics", "Office for National Statistics"),
        ("The BBC", "BBC"),
        ("the ministry", "the ministry"),  # no proper name to file it under: kept as written
        ("Jane  Smith", "Jane Smith"),
        ("theo Walcott", "theo Walcott"),  # "the" only as a word
    ],
)
def test_the_name_drops_a_leading_the_before_a_proper_name(said, name):
    assert claimant_name(said) == name


@pytest.mark.parametrize(
    ("said", "organisation"),
    [
        ("the Office for National Statistics", True),
        ("Bank of England", True),
        ("the Treasury", True),
        ("ONS", True),
        ("the council", True),
        ("the operator", True),  # "…, the operator said": a company
        ("Ukraine's air force", True),
        ("Jane Smith", False),
        ("Dr. Ann Lee", False),
        ("Kate Forbes MSP", False),  # letters after a name are a seat, not an organisation
        ("the minister", False),
        ("", False),
    ],
)
def test_organisations_are_told_from_people(said, organisation):
    assert claimant_is_organisation(said) is organisation
