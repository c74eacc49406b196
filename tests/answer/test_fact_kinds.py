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
    # one sentence states both figures and their source; the figures are not said again
    assert answer.answer == ("Python has the higher popularity percentage: 83% [1], against 9% for R [2], according "
                             "to “Machine Learning Engineer Entry Level”.")
    cities = advisor.ask("Compare salaries of ML engineers in Boston and Seattle")
    assert cities.answer.startswith("Seattle, WA has the higher")


def test_a_comparison_of_three_names_the_highest_and_lists_the_rest(advisor):
    answer = advisor.ask("Compare entry-level ML engineer salaries in Seattle, Boston and Austin")
    assert answer.answer.startswith("Seattle, WA has the highest salary range: $90,000 – $120,000 [1], against "
                                    "$85,000 – $115,000 for Boston, MA [2] and $80,000 – $110,000 for Austin, TX [3]")
