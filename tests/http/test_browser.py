"""The chat page in a real browser: Debian's Chromium driven by Playwright, against a live careerbot server
(web/static/app.js and the pages of http/routes/pages.py)."""

from __future__ import annotations

import json
import re
import shutil
from contextlib import contextmanager

import pytest

from careerbot.answer.advisor import CurrentAdvisor
from careerbot.config import PROJECT_ROOT
from careerbot.http.app import create_app
from careerbot.index.build import build_index
from helpers import running_server, shipped_copy

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="Debian's chromium is not installed (scripts/test installs it)")
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
XSS_TEXT = ("Security Careers\n\nPenetration testers probe web forms. A tester types <script>alert(1)</script> "
            "and <img src=x onerror=alert(2)> into forms to check that they are shown as text.\n")


@pytest.fixture(scope="module")
def server(embedder, tmp_path_factory):
    settings = shipped_copy(tmp_path_factory.mktemp("browser"))
    (settings.corpus_dir / "security-careers.txt").write_text(XSS_TEXT)
    build_index(settings, embedder)
    with running_server(create_app(CurrentAdvisor.load(settings, embedder))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@contextmanager
def open_page(browser, url: str, width: int = 1280, height: int = 900):
    """The chat page at `url` in a new browser context of the given viewport."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=url)
    page = context.new_page()
    page.dialogs = []  # any alert() would land here: the XSS test asserts there is none
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/")
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser, server):
    with open_page(browser, server) as page:
        yield page


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def ask(page, question: str):
    answers = page.locator("article.turn.bot")
    before = answers.count()
    page.fill("#question", question)
    page.keyboard.press("Enter")
    answers.nth(before).wait_for()  # locator waits: the page's CSP forbids the eval that wait_for_function uses
    return answers.nth(before)


def test_ask_and_see_a_cited_answer_with_a_thinking_state(page):
    shot(page, "01-empty-with-starters")
    assert page.locator("button.starter").count() >= 2

    held = []  # the request is held until the thinking state has been checked
    page.route("**/ask", lambda route: held.append(route))
    page.fill("#question", "What is Keras?")
    page.keyboard.press("Enter")
    page.wait_for_selector("body.thinking")
    assert page.locator("#question").is_disabled() and page.locator("#send").is_disabled()
    assert "Thinking" in page.locator("#status").inner_text()
    assert page.locator("#conversation").get_attribute("aria-busy") == "true"
    shot(page, "01b-thinking")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    answer = page.locator("article.turn.bot").first
    answer.wait_for()
    assert "Keras is a deep learning application programming interface" in answer.inner_text()
    assert not page.locator("#question").is_disabled()
    assert page.locator("#question").input_value() == ""
    assert answer.locator("a.marker").first.inner_text() == "[1]"
    shot(page, "02-cited-answer")


def test_a_marker_shows_its_quote_and_opens_the_highlighted_source(page):
    answer = ask(page, "Do I have to attend a bootcamp?")
    marker = answer.locator("a.marker").first
    marker.hover()
    tip = answer.locator(".tip").first
    assert tip.is_visible() and "mandatory" in tip.inner_text()
    marker.click()
    panel = page.locator("#sources")
    assert panel.is_visible()
    selected = panel.locator("li.source.selected")
    assert "mandatory" in selected.locator("mark").inner_text()
    assert selected.locator(".source-title").inner_text().startswith("[1]")
    shot(page, "03-sources-panel")


def test_the_source_viewer_highlights_the_cited_span(page):
    answer = ask(page, "What is Keras?")
    answer.locator("a.marker").first.click()
    link = page.locator("li.source.selected a.viewer-link")
    href = link.get_attribute("href")
    assert href.startswith("/sources/how-to-become-an-ml-engineer.txt?start=")
    link.click()
    page.wait_for_url(re.compile(r"/sources/"))
    cited = page.locator("mark#cited")
    assert "Keras is a deep learning application programming interface" in cited.inner_text()
    assert cited.is_visible()
    box, viewport = cited.bounding_box(), page.viewport_size
    assert -5 <= box["y"] <= viewport["height"]  # scrolled into view
    shot(page, "04-source-viewer")


def test_a_follow_up_question_uses_the_history(page):
    ask(page, "What is the entry-level salary in Seattle?")
    second = ask(page, "And in Boston?")
    assert "Reading your question as: What is the entry-level salary in Boston?" in second.inner_text()
    assert "$85,000 – $115,000" in second.locator("table.facts").inner_text()


def test_conflicting_figures_are_shown_side_by_side(page):
    answer = ask(page, "How much do ML engineers make in San Francisco?")
    table = answer.locator("table.facts.conflict")
    assert table.is_visible()
    text = table.inner_text()
    assert "$100,000 – $135,000" in text and "$125,000 – $170,000" in text
    assert "Machine Learning Engineer Entry Level" in text and "Why Machine Learning Engineer" in text
    shot(page, "05-conflicting-facts")


def test_a_not_found_answer_is_shown_as_such(page):
    answer = ask(page, "What is the capital of France?")
    assert "not-found" in answer.get_attribute("class")
    assert "Not covered by the sources" in answer.text_content()
    assert "They cover" in answer.inner_text()
    shot(page, "06-not-found")


def test_document_markup_is_shown_as_text_and_never_run(page):
    answer = ask(page, "What does a tester type into forms?")
    text = answer.inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    assert page.locator("img").count() == 0 and page.dialogs == []
    answer.locator("a.marker").first.click()
    assert "<img src=x" in page.locator("li.source.selected").inner_text()
    shot(page, "07-xss-as-text")
    page.locator("li.source.selected a.viewer-link").click()
    page.wait_for_url(re.compile(r"/sources/security-careers.txt"))
    assert "<script>alert(1)</script>" in page.locator("pre.doc-text").inner_text()
    assert page.locator("img").count() == 0 and page.dialogs == []


def test_a_reload_keeps_the_conversation_and_clear_empties_it(page):
    ask(page, "What is Keras?")
    page.reload()
    page.locator("article.turn.bot").first.wait_for()
    assert page.locator("article.turn.user").count() == 1
    assert "Keras" in page.locator("article.turn.bot").first.inner_text()
    assert page.locator("#empty").is_hidden()
    second = ask(page, "Who developed it?")  # the history sent after a reload still carries the topic
    assert "Reading your question as" in second.inner_text()
    page.click("#clear")
    assert page.locator("article.turn").count() == 0
    assert page.locator("#empty").is_visible()
    page.reload()
    assert page.locator("article.turn").count() == 0


def test_server_errors_appear_inline_and_retry_keeps_what_was_typed(page):
    page.route("**/ask", lambda route: route.fulfill(status=500, content_type="application/json",
                                                     body=json.dumps({"error": "The index is being rebuilt."})))
    page.fill("#question", "What is Keras?")
    page.keyboard.press("Enter")
    error = page.locator(".turn.error")
    error.wait_for()
    assert "The index is being rebuilt." in error.inner_text()
    assert page.locator("#question").input_value() == "What is Keras?"
    shot(page, "08-server-error")
    page.unroute("**/ask")
    page.route("**/ask", lambda route: route.abort())
    error.locator("button.retry").click()
    page.locator(".turn.error").wait_for()
    assert "cannot be reached" in page.locator(".turn.error").inner_text()
    page.unroute("**/ask")
    page.locator(".turn.error button.retry").click()
    page.locator("article.turn.bot").first.wait_for()
    assert page.locator(".turn.error").count() == 0
    assert "Keras" in page.locator("article.turn.bot").first.inner_text()


def test_a_4xx_message_is_shown_inline(page):
    page.fill("#question", "x" * 1000 + " why?")  # the textarea caps input at the server's limit
    assert len(page.locator("#question").input_value()) == 1000
    page.evaluate("document.getElementById('question').removeAttribute('maxlength')")
    page.fill("#question", "why? " * 300)
    page.keyboard.press("Enter")
    page.locator(".turn.error").wait_for()
    assert "limit is 1000" in page.locator(".turn.error").inner_text()


def test_keyboard_only_use(page):
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "question":
            break
    assert page.evaluate("document.activeElement.id") == "question"
    page.keyboard.type("What is Keras?")
    page.keyboard.press("Shift+Enter")
    assert page.locator("#question").input_value() == "What is Keras?\n"
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    page.locator("article.turn.bot").first.wait_for()
    playwright_api.expect(page.locator("#question")).to_be_focused()
    for _ in range(30):  # Shift+Tab back to the first marker of the answer
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('marker')"):
            break
    assert page.locator("a.marker:focus + .tip").is_visible()  # focus shows the quote, as hover does
    page.keyboard.press("Enter")
    assert page.locator("#sources").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("#sources").is_hidden()
    assert page.evaluate("document.activeElement.id") == "question"


def test_starter_questions_ask_themselves(page):
    starter = page.locator("button.starter").first
    question = starter.inner_text()
    starter.click()
    page.locator("article.turn.bot").first.wait_for()
    assert page.locator("article.turn.user").first.inner_text().strip().endswith(question)


def test_the_page_is_usable_375_pixels_wide(browser, server):
    with open_page(browser, server, width=375, height=740) as page:
        shot(page, "09-mobile-empty")
        answer = ask(page, "How much do ML engineers make in San Francisco?")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        answer.locator("a.marker").first.click()
        assert page.locator("#sources").is_visible()
        shot(page, "10-mobile-sources")
        labels = page.evaluate("[...document.querySelectorAll('textarea, button')].filter(e => "
                               "!(e.labels && e.labels.length) && !e.getAttribute('aria-label') && "
                               "!e.textContent.trim()).length")
        assert labels == 0  # every control has a label or visible text


# Charts beside the fact table (app.js renderChart), drawn from the facts' parsed values.

@pytest.fixture(scope="module")
def onet_server(embedder, tmp_path_factory):
    """The shipped corpus with the three O*NET occupations of tests/fixtures/onet imported."""
    from careerbot.ingest.onet import import_onet
    from helpers import ONET_FIXTURE

    settings = shipped_copy(tmp_path_factory.mktemp("charts"))
    import_onet(ONET_FIXTURE, settings.corpus_dir / "onet")
    build_index(settings, embedder)
    with running_server(create_app(CurrentAdvisor.load(settings, embedder))) as url:
        yield url


def chart_of(answer):
    figure = answer.locator("figure.chart-figure")
    figure.wait_for()
    return figure, figure.locator("svg.chart")


def test_several_cities_are_range_bars_on_one_axis_beside_the_table(page):
    answer = ask(page, "Compare entry-level ML engineer salaries in Seattle, Boston and Austin")
    figure, chart = chart_of(answer)
    assert figure.get_attribute("data-kind") == "ranges"
    bars = chart.locator("rect.bar")
    assert bars.count() == 3
    labels = chart.locator("text.label").all_text_contents()
    assert labels == ["Seattle, WA: $90,000 – $120,000", "Boston, MA: $85,000 – $115,000",
                      "Austin, TX: $80,000 – $110,000"]
    # One shared axis: Seattle's bar starts right of Austin's and is as long (both $30,000 wide).
    seattle, austin = bars.nth(0).bounding_box(), bars.nth(2).bounding_box()
    assert seattle["x"] > austin["x"] and abs(seattle["width"] - austin["width"]) < 1
    assert "$100k" in chart.locator("text.tick").all_text_contents()
    # The table is still there, and the chart is labelled as a picture of it.
    assert answer.locator("table.facts tbody tr").count() == 3
    assert chart.get_attribute("role") == "img" and "table" in chart.get_attribute("aria-label")
    shot(page, "11-chart-cities")


def test_onet_percentiles_are_a_box_with_the_median_marked(browser, onet_server):
    with open_page(browser, onet_server) as page:
        answer = ask(page, "How much do electricians make?")
        figure, chart = chart_of(answer)
        assert figure.get_attribute("data-kind") == "percentiles"
        ticks = chart.locator("text.tick").all_text_contents()
        assert {"10th", "25th", "median", "75th", "90th"} <= set(ticks)
        box, median = chart.locator("rect.box").bounding_box(), chart.locator("line.median").bounding_box()
        assert box["x"] < median["x"] < box["x"] + box["width"]
        shot(page, "12-chart-percentiles")


def test_sources_that_differ_are_marks_on_one_line(page):
    answer = ask(page, "What is the average salary of a machine learning engineer?")
    assert "conflict" in answer.locator("table.facts").get_attribute("class")
    figure, chart = chart_of(answer)
    assert figure.get_attribute("data-kind") == "conflict"
    marks = chart.locator(".mark")
    assert marks.count() >= 2
    legend = figure.locator(".chart-legend li").all_inner_texts()
    assert len(legend) == 2 and any("$112,850" in line for line in legend)
    rows = [box["y"] + box["height"] / 2 for box in (marks.nth(n).bounding_box() for n in range(marks.count()))]
    assert max(rows) - min(rows) < 1, "the sources' figures sit on one line"
    shot(page, "13-chart-conflict")


def test_a_chart_is_readable_on_a_phone(browser, server):
    with open_page(browser, server, width=375, height=740) as page:
        answer = ask(page, "Compare entry-level ML engineer salaries in Seattle, Boston and Austin")
        _, chart = chart_of(answer)
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        size = chart.locator("text.label").first.evaluate("text => text.getBoundingClientRect().height")
        assert size >= 11, "label text drawn at least ~11 px tall"
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
        shot(page, "14-chart-phone")
