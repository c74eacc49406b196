"""The question's text brought to the corpus's terms: preambles dropped, shares named as percentiles
(answer/rewrite.py)."""

from careerbot.answer.rewrite import normalise
from careerbot.answer.understand import understand


def test_greetings_and_self_introductions_are_not_what_is_asked(advisor):
    query = understand("Hello, I'm Priya, a physics teacher: could I move into ML engineering?", advisor.corpus)
    assert query.preamble.startswith("Hello")
    assert "Priya" not in query.text and not query.missing
    answer = advisor.ask("Hello, I'm Priya, a physics teacher: could I move into ML engineering?")
    assert answer.found and "Priya" not in answer.answer


def test_a_share_of_earners_is_a_percentile(advisor):
    assert "the 90th percentile" in normalise("what do the top 10 percent of nurses make", advisor.corpus)
    assert "the 10th percentile" in normalise("bottom 10% pay for cashiers", advisor.corpus)
    assert understand("what do the top 10 percent of nurses make", advisor.corpus).kind == "figure"
