"""The pages people open: the chat page and the source viewer (Jinja2 templates; everything rendered as text)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from careerbot.answer.starters import starter_questions
from careerbot.http.deps import AdvisorDep
from careerbot.index.corpus_index import CorpusIndex

router = APIRouter()


def safe_doc_id(doc_id: str) -> bool:
    """A document name as the index writes them: relative, no '..' or '.' parts, no backslashes. (Documents are
    looked up in the index, never opened by this name; refusing these says so plainly.)"""
    parts = doc_id.split("/")
    return bool(doc_id) and not doc_id.startswith("/") and "\\" not in doc_id \
        and all(part not in ("", ".", "..") for part in parts)


def cited_span(start: str | None, end: str | None, length: int) -> tuple[int, int] | None:
    """(start, end) to highlight; (0, 0) for none; None when the numbers are not a span of the document."""
    if start is None and end is None:
        return (0, 0)
    try:
        low, high = int(start or ""), int(end or "")
    except ValueError:
        return None
    return (low, high) if 0 <= low < high <= length else None


def starters_for(app: FastAPI, corpus: CorpusIndex) -> list[str]:
    """Starter questions of the loaded index version, worked out once per version."""
    cached = getattr(app.state, "starters", None)
    if cached is None or cached[0] != corpus.version:
        app.state.starters = (corpus.version, starter_questions(corpus))
    starters: list[str] = app.state.starters[1]
    return starters


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def chat_page(request: Request, advisor: AdvisorDep) -> HTMLResponse:
    corpus = advisor.corpus
    titles = sorted(d.title for d in corpus.documents.values())
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "index.html", {
        "titles": titles, "starters": starters_for(request.app, corpus),
        "max_chars": advisor.settings.max_question_chars})

@router.get("/sources/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
def source_page(request: Request, doc_id: str, advisor: AdvisorDep, start: str | None = None,
                end: str | None = None) -> HTMLResponse:
    """The whole document as careerbot read it, the cited span highlighted."""
    if not safe_doc_id(doc_id):
        return error_page(request, 400, "Refused", "That is not a document name careerbot serves.")
    document = advisor.corpus.documents.get(doc_id)
    if document is None:
        return error_page(request, 404, "No such document",
                          f"There is no document '{doc_id}' in the index. It may have been removed; ask again.")
    span = cited_span(start, end, len(document.text))
    if span is None:
        return error_page(request, 400, "Bad passage", "start and end must be whole numbers with start < end, "
                                                       "inside the document.")
    text = document.text
    low, high = span if span != (0, 0) else (len(text), len(text))
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "source.html", {
        "title": document.title, "doc_id": doc_id, "before": text[:low], "highlighted": text[low:high],
        "after": text[high:]})

def error_page(request: Request, status: int, heading: str, message: str) -> HTMLResponse:
    """An HTML page saying what went wrong, with the status code."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"heading": heading, "message": message},
                                      status_code=status)
