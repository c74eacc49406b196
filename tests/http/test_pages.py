"""The pages people open: the chat page and the source viewer, through an HTTP client against the app
(http/routes/pages.py)."""

import pytest
from fastapi.testclient import TestClient

from careerbot.answer.advisor import CurrentAdvisor
from careerbot.http.app import create_app
from helpers import tiny_index

SECRET = "TOP-SECRET-CONTENT 5e1f9"  # in files beside and inside a corpus folder that are not indexed documents


def test_chat_page_and_its_assets_are_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "<textarea" in page.text and "/static/app.js" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]
    assert client.get("/static/app.js").status_code == 200


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


@pytest.fixture(scope="module")
def guarded(embedder, tmp_path_factory):
    """An app over a corpus folder with a secret beside it (root/secret.txt) and two inside it that are not
    documents (a hidden file and a skipped file type): what a viewer that opened files by name would serve."""
    root = tmp_path_factory.mktemp("guarded")
    (root / "secret.txt").write_text(SECRET)
    settings = tiny_index(root, embedder, {
        "bakers.txt": "Baker Careers\n\nBakers bake bread and pastries early in the morning.\n",
        ".secret.txt": SECRET, "credentials.json": f'{{"token": "{SECRET}"}}'})
    with TestClient(create_app(CurrentAdvisor.load(settings, embedder)), raise_server_exceptions=False) as client:
        yield client, root


def test_the_guarded_corpus_serves_its_own_documents(guarded):
    client, root = guarded
    page = client.get("/sources/bakers.txt")
    assert page.status_code == 200 and "Bakers bake bread" in page.text


@pytest.mark.parametrize("raw_path", [
    "/sources/../secret.txt",
    "/sources/..%2Fsecret.txt",
    "/sources/%2e%2e/secret.txt",
    "/sources/%2e%2e%2fsecret.txt",
    "/sources/%252e%252e%252fsecret.txt",
    "/sources/..\\\\secret.txt",
    "/sources/bakers.txt/../../secret.txt",
    "/sources/.secret.txt",
    "/sources/credentials.json",
    "/sources/{root}/secret.txt",
    "/sources/{root}/corpus/.secret.txt",
    "/sources/" + "..%2F" * 40 + "etc%2Fpasswd",
    "/sources//etc/passwd",
    "/sources/C:/Windows/win.ini",
    "/static/..%2F..%2Fpyproject.toml",
    "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/" + "..%2F" * 40 + "etc%2Fpasswd",
])
def test_paths_that_try_to_leave_the_corpus_are_refused(guarded, raw_path):
    client, root = guarded
    response = client.get(raw_path.format(root=root))
    assert response.status_code in (400, 404)
    assert SECRET not in response.text  # the files beside and inside the corpus folder
    assert "root:" not in response.text  # /etc/passwd
    assert "[build-system]" not in response.text  # the project's pyproject.toml, two folders above web/static


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
    settings = tiny_index(tmp_path, embedder, {
        "top-10%-jobs.txt": "Top Jobs\n\nThe top ten percent of jobs pay the most money.\n"})
    with TestClient(create_app(CurrentAdvisor.load(settings, embedder))) as client:
        page = client.get("/sources/top-10%25-jobs.txt?start=0&end=8")
        assert page.status_code == 200 and '<mark id="cited" tabindex="-1">Top Jobs</mark>' in page.text
