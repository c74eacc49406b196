"""The source viewer and the chat page's HTML, through a real HTTP client against the app."""

import pytest
from fastapi.testclient import TestClient

from careerbot.answer.advisor import CurrentAdvisor
from careerbot.http.app import create_app


@pytest.fixture(scope="module")
def client(advisor):
    with TestClient(create_app(CurrentAdvisor(advisor))) as client:
        yield client


def test_source_viewer_shows_the_whole_document_with_the_span_highlighted(client, advisor):
    text = advisor.corpus.documents["ml-engineer-entry-level.txt"].text
    start = text.index("Seattle, WA $90,000")
    end = start + len("Seattle, WA $90,000 – $120,000")
    page = client.get(f"/sources/ml-engineer-entry-level.txt?start={start}&end={end}")
    assert page.status_code == 200
    assert '<mark id="cited" tabindex="-1">Seattle, WA $90,000 – $120,000</mark>' in page.text
    assert "Machine Learning Engineer Entry Level" in page.text
    assert "Austin, TX $80,000 – $110,000" in page.text  # the rest of the document is there too
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]


def test_source_viewer_without_a_span_shows_the_document(client):
    page = client.get("/sources/why-machine-learning-engineer.txt")
    assert page.status_code == 200 and "<mark" not in page.text


def test_unknown_documents_are_a_404_page(client):
    page = client.get("/sources/no-such-document.txt")
    assert page.status_code == 404
    assert "No such document" in page.text and "text/html" in page.headers["content-type"]


@pytest.mark.parametrize("raw_path", [
    "/sources/../pyproject.toml",
    "/sources/..%2F..%2Fetc%2Fpasswd",
    "/sources/%2e%2e/%2e%2e/etc/passwd",
    "/sources/%252e%252e%252fetc%252fpasswd",
    "/sources//etc/passwd",
    "/sources/..\\\\pyproject.toml",
    "/sources/C:/Windows/win.ini",
])
def test_paths_that_try_to_leave_the_corpus_are_refused(client, raw_path):
    response = client.get(raw_path)
    assert response.status_code in (400, 404)
    assert "root:" not in response.text and "[build-system]" not in response.text


@pytest.mark.parametrize("query", ["start=abc&end=10", "start=50&end=10", "start=0&end=99999999", "start=-5&end=3"])
def test_a_bad_span_is_a_clear_400_page(client, query):
    response = client.get(f"/sources/ml-engineer-entry-level.txt?{query}")
    assert response.status_code == 400 and "start and end" in response.text


def test_the_page_offers_starter_questions_from_the_corpus(client, advisor):
    page = client.get("/").text
    assert 'class="starter"' in page
    asked = [s.text for s in advisor.corpus.sentences if s.text.endswith("?")]
    assert any(question in page for question in asked)


def test_document_names_with_percent_signs_open(embedder, tmp_path):
    from careerbot.answer.advisor import CurrentAdvisor
    from careerbot.config import Settings
    from careerbot.index.build import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "top-10%-jobs.txt").write_text("Top Jobs\n\nThe top ten percent of jobs pay the most money.\n")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings, embedder)
    with TestClient(create_app(CurrentAdvisor.load(settings, embedder))) as client:
        page = client.get("/sources/top-10%25-jobs.txt?start=0&end=8")
        assert page.status_code == 200 and '<mark id="cited" tabindex="-1">Top Jobs</mark>' in page.text
