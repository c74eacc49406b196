"""Reading a corpus folder: every format, titles, and the files that cannot be read named with a reason
(ingest/readers.py, ingest/html_text.py)."""

from pathlib import Path

from careerbot.ingest.readers import read_corpus
from helpers import SHIPPED_CORPUS, write_pdf


def test_shipped_corpus_reads_whole_with_titles_from_first_lines():
    documents, skipped = read_corpus(SHIPPED_CORPUS)
    assert skipped == []
    titles = {d.doc_id: d.title for d in documents}
    assert len(titles) == 5
    assert titles["ml-engineer-entry-level.txt"] == "Machine Learning Engineer Entry Level"
    # A title broken over two lines in the source is read whole.
    assert titles["how-to-become-an-ml-engineer.txt"] == "HOW TO BECOME A Machine Learning Engineer"


def test_each_format_is_read_and_unreadable_files_are_named_with_a_reason(tmp_path: Path):
    (tmp_path / "notes.md").write_text("---\ntitle: Nursing Careers\n---\n# Overview\n\nNurses care for patients.\n")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Pilot Jobs</title><script>alert(1)</script></head><body><h1>Pilots</h1>"
        "<p>Pilots fly planes.</p><table><tr><th>City</th><th>Pay</th></tr><tr><td>Lima</td><td>$50,000</td></tr>"
        "</table></body></html>")
    write_pdf(tmp_path / "report.pdf", ["Welding Careers", "Welders join metal parts."], title="Welding Report")
    (tmp_path / "plain.txt").write_text("Baker Careers\n\nBakers bake bread early in the morning.\n")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Café careers pay well.".encode("latin-1"))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("ignored")

    documents, skipped = read_corpus(tmp_path)

    by_id = {d.doc_id: d for d in documents}
    assert set(by_id) == {"notes.md", "page.html", "report.pdf", "plain.txt"}
    assert by_id["notes.md"].title == "Nursing Careers"
    assert not by_id["notes.md"].text.startswith("---")
    assert by_id["page.html"].title == "Pilot Jobs"
    assert "alert(1)" not in by_id["page.html"].text
    assert "| Lima | $50,000 |" in by_id["page.html"].text
    assert by_id["report.pdf"].title == "Welding Report"
    assert "Welders join metal parts." in by_id["report.pdf"].text
    assert by_id["plain.txt"].title == "Baker Careers"
    reasons = {s.path: s.reason for s in skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "broken.pdf", "sheet.xlsx"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "PDF" in reasons["broken.pdf"]
    assert "unsupported file type '.xlsx'" in reasons["sheet.xlsx"]


def test_a_parser_crash_skips_the_file_with_its_reason(tmp_path: Path):
    (tmp_path / "huge-field.csv").write_text('Name,Notes\nA,"' + "x" * 200_000 + '"\n')
    (tmp_path / "fine.txt").write_text("Fine Careers\n\nThis one is fine to read.\n")
    documents, skipped = read_corpus(tmp_path)
    assert [d.doc_id for d in documents] == ["fine.txt"]
    assert skipped[0].path == "huge-field.csv" and "could not be parsed" in skipped[0].reason
