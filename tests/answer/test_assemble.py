"""Answers written from what was chosen, citations numbered in order of first use (answer/assemble.py)."""

import re


def test_markers_are_numbered_in_order_and_every_citation_is_used(advisor):
    answer = advisor.ask("What skills do I need to become a machine learning engineer?")
    markers = [int(m) for m in re.findall(r"\[(\d+)\]", answer.answer)]
    assert markers == list(range(1, len(answer.citations) + 1))
    assert [c.id for c in answer.citations] == markers
