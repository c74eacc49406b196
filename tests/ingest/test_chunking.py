"""Documents split into chunks under one section and quotable sentences, with exact offsets (ingest/chunking.py)."""

from pathlib import Path

from careerbot.ingest.chunking import chunk_document
from careerbot.ingest.facts import extract_facts
from careerbot.ingest.readers import read_corpus, read_document
from helpers import SHIPPED_CORPUS


def test_chunks_and_sentences_point_at_exact_text():
    documents, _ = read_corpus(SHIPPED_CORPUS)
    for document in documents:
        chunked = chunk_document(document)
        for chunk in chunked.chunks:
            assert document.text[chunk.start:chunk.end] == chunk.text
            assert chunk.section
        for sentence in chunked.sentences:
            assert document.text[sentence.start:sentence.end] == sentence.text
            chunk = chunked.chunks[sentence.chunk_id]
            assert chunk.start <= sentence.start < sentence.end <= chunk.end


def test_chunks_follow_sections_and_keep_table_rows_with_their_caption():
    documents, _ = read_corpus(SHIPPED_CORPUS)
    entry = next(d for d in documents if d.doc_id == "ml-engineer-entry-level.txt")
    chunks = chunk_document(entry).chunks
    salary = [c for c in chunks if "Seattle, WA $90,000 – $120,000" in c.text]
    assert len(salary) == 1
    assert salary[0].section == "Salaries Based on Geographic Location"
    assert "City Salary Range" in salary[0].text and "Austin, TX $80,000 – $110,000" in salary[0].text
    sizes = [len(c.text.split()) for c in chunks]
    assert max(sizes) <= 220
    assert sum(40 <= size <= 200 for size in sizes) >= len(sizes) * 0.8


def test_a_markdown_file_of_rules_only_or_odd_tables_does_not_stop_chunking(tmp_path: Path):
    path = tmp_path / "odd.md"
    path.write_text("# Odd\n\n---\n---\n\n|---|---|\n|---|---|\n\nA sentence that says something useful here.\n")
    document = read_document(path, "odd.md")
    chunked = chunk_document(document)
    assert any("useful" in s.text for s in chunked.sentences)
    assert extract_facts(document, chunked) == []


def test_a_run_of_short_list_items_is_also_quotable_as_one_list(tmp_path: Path):
    path = tmp_path / "skills.md"
    path.write_text("# Data Skills\n\nThe skills employers list most often:\n\n- SQL\n- Python\n- Tableau\n- Excel\n\n"
                    "Most analysts learn them on the job over several years.\n")
    document = read_document(path, "skills.md")
    lists = [s for s in chunk_document(document).sentences if s.kind == "list"]
    assert len(lists) == 1
    assert lists[0].text == "SQL\n- Python\n- Tableau\n- Excel"
    assert document.text[lists[0].start:lists[0].end] == lists[0].text
