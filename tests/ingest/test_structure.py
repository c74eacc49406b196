"""The structure of a plain-text document: blocks and their quotable units (ingest/structure.py)."""

from careerbot.ingest.structure import parse_blocks, sentence_spans

TEXT = """Pay by City

The table below shows pay in three cities.

City Median Pay
Lisbon, PT €40,000
Oslo, NO kr 600,000
Denver, CO $95,000

Skills:
  • Python: used by most teams.
  • SQL: for querying data.

| Tool | Share |
|---|---|
| Git | 90% |
| Docker | 60% |
"""


def kinds(text):
    return [(block.kind, text[block.start:block.end].split("\n")[0]) for block in parse_blocks(text)]


def test_blocks_follow_the_documents_structure():
    assert kinds(TEXT) == [
        ("heading", "Pay by City"),
        ("paragraph", "The table below shows pay in three cities."),
        ("table", "City Median Pay"),
        ("list", "Skills:"),
        ("table", "| Tool | Share |"),
    ]


def test_table_rows_are_units_and_the_header_comes_first():
    table = [b for b in parse_blocks(TEXT) if b.kind == "table"][0]
    rows = [TEXT[s:e] for s, e in table.units]
    assert rows == ["City Median Pay", "Lisbon, PT €40,000", "Oslo, NO kr 600,000", "Denver, CO $95,000"]


def test_pipe_table_rows_skip_the_rule_line():
    table = [b for b in parse_blocks(TEXT) if b.kind == "table"][1]
    assert [TEXT[s:e] for s, e in table.units] == ["| Tool | Share |", "| Git | 90% |", "| Docker | 60% |"]


def test_list_items_are_quoted_without_their_bullets():
    block = [b for b in parse_blocks(TEXT) if b.kind == "list"][0]
    assert [TEXT[s:e] for s, e in block.units] == ["Skills:", "Python: used by most teams.", "SQL: for querying data."]


def test_sentences_split_on_ends_but_not_on_abbreviations():
    text = "Most hold a B.S. degree, e.g. in math. Some earn a Ph.D. Others do not! Is it worth it? Yes."
    spans = [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    assert spans == ["Most hold a B.S. degree, e.g. in math.", "Some earn a Ph.D. Others do not!",
                     "Is it worth it?", "Yes."]


def test_headings_broken_over_two_lines_are_joined():
    text = ("Data Analyst Careers\nIntro line here.\nHow Much Do Data\nAnalysts Make?\n"
            "They make a lot of money in most places.\nSkills\nThey need SQL.\n")
    headings = [b for b in parse_blocks(text) if b.kind == "heading"]
    assert [text[b.start:b.end] for b in headings] == ["Data Analyst Careers", "How Much Do Data\nAnalysts Make?",
                                                        "Skills"]
