"""Steps written as lines of their own, bulleted items by their first sentence, and the asides and framing words of
a question that say nothing of what it asks (answer/pointers.py, answer/rewrite.py, answer/coverage.py)."""

import pytest

from careerbot.evaluation.scoring import first_sentence

# An unseen document: a section of steps, each a short line followed by the paragraphs that explain it, and a list
# whose items run to several sentences.
GARDENER = """Becoming a Landscape Gardener

Steps to Become a Landscape Gardener
Landscape gardeners shape parks and private gardens. In this guide, we cover the four steps to the trade.
Complete a horticulture certificate.
Most colleges teach plant science, soil care and garden design over one year of evening classes.
Work a season with a nursery.
Nurseries hire seasonal helpers every spring. The work teaches you how plants are grown and sold.
Learn to drive a small tractor.
Many sites need turf moved and beds dug by machine. A licence course takes two weekends.
Start a portfolio of garden designs.
Clients choose gardeners by the gardens they have already made.

Preparation for Landscape Gardeners
Job Zone Two: Some Preparation Needed. Gardeners learn on the job from experienced workers over several months.

Tasks of Landscape Gardeners
- Mow lawns, trim hedges and prune trees in parks and private gardens.
- Plant flowers, shrubs and trees to a garden design.
- Lay turf, paths and drainage on new sites.

Why Gardening?
Landscape gardening comes with several benefits listed below.
- Gardeners work outdoors. Most of the year is spent in parks, estates and private gardens.
- Gardeners see their work grow. A hedge planted in spring is a wall by the next summer.
- Demand is steady. Councils and homeowners need upkeep in every season.
"""


@pytest.fixture(scope="module")
def garden_advisor(embedder, tmp_path_factory):
    from careerbot.answer.advisor import load_advisor
    from helpers import tiny_index

    return load_advisor(tiny_index(tmp_path_factory.mktemp("garden"), embedder, {"gardener.txt": GARDENER}),
                        embedder)


@pytest.mark.parametrize("question", ["What steps should I take to become a landscape gardener?",
                                      "what are the steps to becoming a landscape gardener"])
def test_steps_on_lines_of_their_own_are_the_answer_not_what_explains_them(garden_advisor, question):
    answer = garden_advisor.ask(question)
    head = first_sentence(answer.answer)
    for step in ("Complete a horticulture certificate", "Work a season with a nursery",
                 "Learn to drive a small tractor", "Start a portfolio of garden designs"):
        assert step in head, head
    assert "evening classes" not in head and "licence course" not in head
    citation = answer.citations[0]  # one quote spanning the steps, verbatim
    assert garden_advisor.corpus.documents[citation.doc_id].text[citation.start:citation.end] == citation.quote


def test_a_bulleted_item_is_shown_by_its_first_sentence(garden_advisor):
    answer = garden_advisor.ask("what are the benefits of landscape gardening?")
    assert "Gardeners work outdoors; Gardeners see their work grow; Demand is steady" in answer.answer, answer.answer
    assert "hedge planted" not in answer.answer


@pytest.mark.parametrize("question,said", [
    ("what percent of ml engineers actually use python lol", "83%"),  # a chat aside
    ("What is data modeling in the context of machine learning?", "predictive models"),  # framing
    ("What does PayScale report as the average yearly pay for an entry-level machine learning engineer?",
     "$93,339"),  # a verb after "does" and its subject is not a subject the sources lack
    ("what do lead or principle ML enginers do?", "oversee entire ML teams"),  # a word confused with another
])
def test_asides_framing_and_confused_words_never_make_a_question_uncovered(advisor, question, said):
    answer = advisor.ask(question)
    assert answer.found and said in first_sentence(answer.answer), answer.answer


def test_a_noun_after_does_is_still_what_is_asked_about(advisor):
    answer = advisor.ask("What does a tattoo artist make in Boston?")
    assert not answer.found and "tattoo artist" in first_sentence(answer.answer)


def test_what_i_would_be_doing_is_answered_from_the_section_of_tasks(garden_advisor):
    # "Tasks"/"Responsibilities" sections say what a job does; a section on what it takes does not
    from careerbot.answer.understand import understand

    for question in ("what would i be doing as a landscape gardener?", "what does a gardener do on a typical day"):
        assert understand(question, garden_advisor.corpus).kind == "duties", question
        head = first_sentence(garden_advisor.ask(question).answer)
        assert ("Mow lawns" in head or "shape parks" in head) and "Job Zone" not in head, head
