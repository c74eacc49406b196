"""Questions that are more than a look-up: a ranking over one table, two named subjects side by side
(answer/fact_kinds.py)."""


def test_ranking_within_a_table(advisor):
    most = advisor.ask("Which city pays entry-level machine learning engineers the most?")
    assert most.answer.startswith("San Francisco, CA has the highest")
    least = advisor.ask("Which company has the fewest open positions?")
    assert least.answer.startswith("Facebook has the lowest")
    top = advisor.ask("What are the top 3 programming languages for ML engineers?")
    assert [f.subject for f in top.facts] == ["Python", "R", "Java"]


def test_two_named_subjects_side_by_side(advisor):
    answer = advisor.ask("Compare entry-level salaries in Seattle and Austin")
    assert {f.value for f in answer.facts} == {"$90,000 – $120,000", "$80,000 – $110,000"}
    assert answer.answer.index("Seattle") < answer.answer.index("Austin")  # highest first


def test_a_comparison_leads_with_its_verdict(advisor):
    answer = advisor.ask("is python or r more popular with ml engineers?")
    assert answer.answer.startswith("Python has the higher popularity percentage: 83% [1], against 9% for R [2].")
    cities = advisor.ask("Compare salaries of ML engineers in Boston and Seattle")
    assert cities.answer.startswith("Seattle, WA has the higher")
