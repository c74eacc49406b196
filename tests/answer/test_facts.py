"""Which facts answer a question: the subject named, the measure asked for, every source's figure when they
disagree (answer/facts.py)."""

import pytest

from careerbot.answer.advisor import load_advisor
from careerbot.index.build import build_index
from helpers import tiny_corpus


@pytest.mark.parametrize("question,value", [
    ("how much do junior ML engineers make in Austin?", "$80,000 – $110,000"),
    ("entry level ML salary boston", "$85,000 – $115,000"),
    ("What is the entry-level salary in Seattle?", "$90,000 – $120,000"),
    ("How many positions is Google hiring for?", "45"),
])
def test_figure_questions_lead_with_the_fact_cited_to_its_row(advisor, question, value):
    answer = advisor.ask(question)
    assert answer.found
    assert answer.answer.index(value) < answer.answer.index("[1]")
    fact = answer.facts[0]
    assert fact.value == value
    source = advisor.corpus.documents[fact.citation.doc_id].text
    assert source[fact.citation.start:fact.citation.end] == fact.citation.quote
    assert value in fact.citation.quote
    assert f"[{fact.citation.id}]" in answer.answer


@pytest.mark.parametrize("question,values", [
    ("How much do ML engineers make in San Francisco?", {"$100,000 – $135,000", "$125,000 – $170,000"}),
    ("What is the entry-level salary of a machine learning engineer?",
     {"$93,339 per year", "$80,000 and $110,000 annually"}),
    ("What share of machine learning engineers are women?", {"30%", "18%"}),
])
def test_conflicting_figures_are_all_shown_with_their_sources(advisor, question, values):
    answer = advisor.ask(question)
    shown = {f.value: f for f in answer.facts}
    assert values <= set(shown)
    assert len({shown[v].citation.doc_id for v in values}) == len(values)
    for value in values:
        assert value in answer.answer and shown[value].citation.title in answer.answer


def test_text_cells_are_facts(advisor):
    answer = advisor.ask("What is the proficiency required for R?")
    assert [(f.subject, f.value) for f in answer.facts] == [("R", "Intermediate")]


def test_a_figure_line_under_a_heading_is_that_headings_fact(advisor):
    # Scraped pages put a role on one line and its pay on the next ("276K /yrMost Likely Range").
    lead = advisor.ask("How much does a Lead Machine Learning Engineer make according to Glassdoor?")
    assert lead.answer.startswith("Lead Machine Learning Engineer: the most likely range is 276K /yr")
    assert [f.value for f in lead.facts] == ["276K /yr"]
    manager = advisor.ask("what's the pay for an ML engineer manager")
    assert manager.answer.startswith("Machine Learning Engineer Manager:") and "287K /yr" in manager.answer


def test_a_generated_document_with_a_new_table_is_answered_after_a_rebuild(embedder, tmp_path):
    settings = tiny_corpus(tmp_path, {"data-analyst-pay.md": (
        "# Data Analyst Pay\n\nData analysts turn raw numbers into reports for managers.\n\n"
        "## Pay by metro\n\nThe table below gives the starting pay for junior data analysts in each metro.\n\n"
        "| Metro | Starting Pay | Remote Share |\n|---|---|---|\n"
        "| Lisbon | €28,000 | 40% |\n| Denver | $68,000 | 35% |\n| Toronto | C$61,000 | 30% |\n")})
    report = build_index(settings, embedder)
    assert report.facts == 6  # three rows, two value columns
    advisor = load_advisor(settings, embedder)
    answer = advisor.ask("What is the starting pay for data analysts in Denver?")
    assert answer.found
    assert answer.facts[0].subject == "Denver" and answer.facts[0].value == "$68,000"
    assert "entry-level" in answer.facts[0].qualifiers
    remote = advisor.ask("What share of data analysts work remote in Lisbon?")
    assert remote.facts[0].value == "40%"
