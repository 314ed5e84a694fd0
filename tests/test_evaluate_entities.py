"""B-cubed scoring of person entities (arnews.evaluate.entities)."""
from __future__ import annotations

import pytest

from arnews.evaluate.entities import bcubed


def test_bcubed_of_a_perfect_clustering_is_one():
    items = [("a", "1", 3), ("a", "1", 1), ("b", "2", 2)]
    assert bcubed(items) == {"p": 1.0, "r": 1.0, "f1": 1.0}


def test_a_wrong_merge_costs_precision_and_a_split_costs_recall():
    merged = bcubed([("a", "1", 1), ("b", "1", 1)])
    assert merged["r"] == 1.0 and merged["p"] == pytest.approx(0.5)
    split = bcubed([("a", "1", 1), ("a", "2", 1)])
    assert split["p"] == 1.0 and split["r"] == pytest.approx(0.5)
    # weights are mentions: a frequent name split off weighs more than a rare one
    assert bcubed([("a", "1", 9), ("a", "2", 1)])["r"] > bcubed([("a", "1", 5), ("a", "2", 5)])["r"]
