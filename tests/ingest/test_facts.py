"""Tables and figures -> facts, each cited to its span (ingest/facts.py)."""

from pathlib import Path

from careerbot.ingest.chunking import chunk_document
from careerbot.ingest.facts import extract_facts
from careerbot.ingest.readers import read_document


def facts_of(path: Path):
    document = read_document(path, path.name)
    return extract_facts(document, chunk_document(document))


def by_subject(facts):
    return {(f.subject, f.attribute): f for f in facts}


def test_flattened_text_table_rows_become_facts_with_their_spans(tmp_path: Path):
    path = tmp_path / "nursing.txt"
    path.write_text(
        "Nursing Careers\n\nA look at nurse pay.\n\nPay by City\n\n"
        "The table below shows the median pay for senior nurses in three cities.\n\n"
        "City Annual Pay\nLisbon, PT €40,000 – €48,000\nOslo, NO kr 600,000\nDenver, CO $95,000\n")
    facts = by_subject(facts_of(path))
    lisbon = facts[("Lisbon, PT", "Annual Pay")]
    assert lisbon.value == "€40,000 – €48,000"
    assert (lisbon.parsed.kind, lisbon.parsed.low, lisbon.parsed.high, lisbon.parsed.currency) == \
        ("money", 40000, 48000, "EUR")
    assert lisbon.caption == "Pay by City"
    assert {"senior", "median"} <= set(lisbon.qualifiers)
    assert path.read_text()[lisbon.start:lisbon.end] == "Lisbon, PT €40,000 – €48,000"
    assert facts[("Denver, CO", "Annual Pay")].parsed.low == 95000


def test_a_place_column_between_label_and_figure_is_a_qualifier(tmp_path: Path):
    path = tmp_path / "hospitals.txt"
    path.write_text("Hospitals Hiring\n\nHospitals hiring nurses now.\n\n"
                    "Hospital Location Open Roles\nKaiser Oakland, CA 120\nMayo Rochester, MN 85\n"
                    "Geisinger Danville, PA 35\n")
    facts = by_subject(facts_of(path))
    kaiser = facts[("Kaiser", "Open Roles")]
    assert kaiser.value == "120" and "Oakland, CA" in kaiser.qualifiers
    assert facts[("Geisinger", "Open Roles")].parsed.low == 35


def test_markdown_html_and_csv_tables_give_one_fact_per_cell(tmp_path: Path):
    (tmp_path / "pilots.md").write_text("# Pilot Pay\n\n## By airline\n\n| Airline | Starting Pay | Share Female |\n"
                                        "|---|---|---|\n| Nordair | $70,000 | 12% |\n| Sunjet | $65,500 | 9% |\n")
    (tmp_path / "welders.html").write_text(
        "<html><body><h2>Welder wages</h2><table><tr><th>State</th><th>Hourly Wage</th></tr>"
        "<tr><td>Ohio</td><td>$24.50 per hour</td></tr><tr><td>Texas</td><td>$22.10 per hour</td></tr></table>"
        "</body></html>")
    (tmp_path / "electrician-openings.csv").write_text("Region,Openings,Growth\nNorth,1200,4%\nSouth,950,6%\n")
    (tmp_path / "plumbers.tsv").write_text("Level\tMedian Pay\nApprentice\t$38,000\nMaster\t$76,000\n")

    markdown = by_subject(facts_of(tmp_path / "pilots.md"))
    assert markdown[("Nordair", "Starting Pay")].value == "$70,000"
    assert markdown[("Sunjet", "Share Female")].parsed.low == 9
    assert markdown[("Sunjet", "Share Female")].caption == "By airline"
    html = by_subject(facts_of(tmp_path / "welders.html"))
    assert html[("Ohio", "Hourly Wage")].parsed.unit == "per hour"
    assert html[("Texas", "Hourly Wage")].value == "$22.10 per hour"
    csv_facts = by_subject(facts_of(tmp_path / "electrician-openings.csv"))
    assert csv_facts[("North", "Openings")].value == "1200"
    assert csv_facts[("South", "Growth")].parsed.kind == "percent"
    assert csv_facts[("South", "Growth")].title == "Electrician openings"
    tsv = by_subject(facts_of(tmp_path / "plumbers.tsv"))
    assert tsv[("Master", "Median Pay")].parsed.high == 76000


def test_prose_figures_carry_level_and_source(advisor):
    prose = [f for f in advisor.corpus.facts if f.source == "prose"]
    payscale = next(f for f in prose if f.value == "$93,339 per year")
    assert "entry-level" in payscale.qualifiers
    assert payscale.parsed.unit == "per year" and payscale.parsed.low == 93339
    glassdoor = next(f for f in prose if f.value.startswith("$110,000 to $150,000"))
    assert "according to Glassdoor" in glassdoor.qualifiers
    senior = next(f for f in prose if f.value.startswith("$150,000 to $200,000+"))
    assert "senior" in senior.qualifiers and senior.parsed.high == 200000


def test_shipped_tables_become_facts(advisor):
    facts = {(f.doc_id, f.subject, f.value) for f in advisor.corpus.facts}
    assert ("ml-engineer-entry-level.txt", "Seattle, WA", "$90,000 – $120,000") in facts
    assert ("ml-engineer-entry-level.txt", "Google", "45") in facts
    assert ("why-machine-learning-engineer.txt", "London, UK", "£60,000 – £85,000") in facts
    assert ("why-machine-learning-engineer.txt", "Data Scientist", "450") in facts
