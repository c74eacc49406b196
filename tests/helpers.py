"""What the tests share, one copy each: careerbot run as a user runs it, small corpora and indexes, a live server,
hand-made answers for scoring, and a hand-written PDF. Fixtures are in conftest.py."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from careerbot.config import PROJECT_ROOT, Settings
from careerbot.evaluation.scoring import EvalCase
from careerbot.index.build import build_index
from careerbot.index.embedding import Embedder
from careerbot.records import Answer, Citation, FactUse, ParsedValue, Turn

if TYPE_CHECKING:
    from careerbot.answer.advisor import Advisor

SHIPPED_CORPUS = PROJECT_ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ONET_FIXTURE = FIXTURES / "onet"  # cut from the real files by fixtures/make_onet_fixture.py
ONET_PAGES_FIXTURE = FIXTURES / "onet-pages"  # ... with --pages: pages of other shapes


# careerbot as a user runs it: `python -m careerbot ...` in a subprocess, without the developer's CAREERBOT_* settings.

def careerbot_env(env_extra: dict[str, str] | None = None, unset: tuple[str, ...] = ()) -> dict[str, str]:
    """This process's environment without any CAREERBOT_* variable or those named in `unset`, plus `env_extra`."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("CAREERBOT_") and name not in unset}
    return env | (env_extra or {})


MODULE = ("-m", "careerbot")


def run_careerbot(*args: str, cwd: Path | None = None, timeout: float = 300, env_extra: dict[str, str] | None = None,
                  input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `careerbot ARGS` to the end; its output as text."""
    return subprocess.run([sys.executable, *MODULE, *args], cwd=cwd, env=careerbot_env(env_extra), input=input,
                          capture_output=True, text=True, timeout=timeout)


def start_careerbot(*args: str, cwd: Path | None = None, env_extra: dict[str, str] | None = None,
                    unset: tuple[str, ...] = (), entry: tuple[str, ...] = MODULE,
                    **popen: Any) -> subprocess.Popen[Any]:
    """Start `careerbot ARGS` and return at once; `popen` goes to Popen (stdout=..., text=...). `entry` is what
    Python runs instead of `-m careerbot`, e.g. ("-c", code, ...) for a script that calls careerbot.cli.main."""
    return subprocess.Popen([sys.executable, *entry, *args], cwd=cwd, env=careerbot_env(env_extra, unset), **popen)


# Corpora and indexes.

def tiny_corpus(root: Path, documents: dict[str, str | bytes], **settings: Any) -> Settings:
    """root/corpus holding `documents` (name -> text, or bytes written as they are); Settings with root/index."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, content in documents.items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return Settings(corpus_dir=corpus, index_dir=root / "index", **settings)


def history(*questions: str) -> list[Turn]:
    """A conversation of these user questions, each with an empty assistant turn (as a client may send it)."""
    return [turn for q in questions for turn in (Turn("user", q), Turn("assistant", ""))]


def tiny_index(root: Path, embedder: Embedder, documents: dict[str, str | bytes], **settings: Any) -> Settings:
    """tiny_corpus(root, documents), indexed with `embedder`."""
    built = tiny_corpus(root, documents, **settings)
    build_index(built, embedder)
    return built


def pages_advisor(root: Path, embedder: Embedder, pages: dict[str, tuple[str, ...]],
                  page: Callable[..., str]) -> Advisor:
    """An advisor over one document a subject: `page(title, *cells)` for each title, named after the title (up to
    its first comma)."""
    from careerbot.answer.advisor import load_advisor

    documents: dict[str, str | bytes] = {f"{title.split(',')[0].lower().replace(' ', '-')}.md": page(title, *cells)
                                         for title, cells in pages.items()}
    return load_advisor(tiny_index(root, embedder, documents), embedder)


def occupation_page(title: str, summary: str, task: str, related: str, schooling: str, share: str, employed: str,
                    annual: str, called: str) -> str:
    """A page shaped as the O*NET import writes one (the figures made up by each test)."""
    return (f"# {title}\n\n## What {title} do\n\n{summary}\n\nAlso called: {called}.\n\n"
            f"## Tasks of {title}\n\n- {task}\n- Maintain records of the work done.\n\n"
            f"## Education of {title}\n\nThe table below gives the share of {title} respondents by the education "
            f"their job requires.\n\n| Required education | Share of respondents |\n|---|---|\n"
            f"| {schooling} | {share} |\n\n"
            f"## Occupations related to {title}\n\nRelated occupations: {related}.\n\n"
            f"## Wages of {title}\n\nThe table below gives U.S. national employment and wages of {title}.\n\n"
            "| Occupation | Employment | Median annual wage |\n|---|---|---|\n"
            f"| {title} | {employed} | {annual} |\n")


def shipped_copy(root: Path, prebuilt: Settings | None = None, **settings: Any) -> Settings:
    """The shipped corpus in root/corpus; with `prebuilt`, its index copied too, so the next build reuses it all."""
    shutil.copytree(SHIPPED_CORPUS, root / "corpus")
    if prebuilt is not None:
        shutil.copytree(prebuilt.index_dir, root / "index", ignore=shutil.ignore_patterns(".build.lock"))
    return Settings(corpus_dir=root / "corpus", index_dir=root / "index", **settings)


def welders(salary: str) -> str:
    """A small document whose Tulsa row says `salary`: added or changed to see a rebuild pick it up."""
    return (f"Welding Careers\n\nWelders join metal parts with heat.\n\nWelder Pay\n\nCity Annual Pay\n"
            f"Tulsa, OK {salary}\nReno, NV $51,000\nMobile, AL $47,500\n")


# A live server.

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port in a thread; yields its base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def wait_until_up(url: str, process: subprocess.Popen[Any], timeout: float = 240) -> None:
    """Wait until GET url/health answers 200; fail with the process's output if it exits or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = process.communicate(timeout=30)[0]
            raise AssertionError(f"the server at {url} did not start: {output}")
        time.sleep(0.5)


# Answers made by hand, to score without an advisor.

def cite(number: int, doc_id: str = "ml-engineer-entry-level.txt") -> Citation:
    return Citation(id=number, doc_id=doc_id, title="T", section="S", text="passage", quote="quote", start=0, end=5,
                    score=0.9)


def fact_use(value: str, number: int = 1) -> FactUse:
    return FactUse(subject="Austin, TX", attribute="Salary Range", value=value, parsed=ParsedValue("money"),
                   caption="Salaries", qualifiers=("entry-level",), source="table", citation=cite(number))


SALARY = "$80,000 – $110,000"


# A case the made answer passes: the Austin entry-level salary, asked casually.
AUSTIN_CASE = EvalCase(id="s-001", split="dev", kind="figure", style="casual", question="junior ml pay in austin",
                       found=True, doc_id="ml-engineer-entry-level.txt", first=("$80,000",), values=(SALARY,),
                       exclude=("$90,000",))


def made_answer(text: str = f"Austin, TX — Salary Range: {SALARY} (entry-level) [1].", found: bool = True,
                citations: tuple[Citation, ...] = (cite(1),),
                facts: tuple[FactUse, ...] = (fact_use(SALARY),)) -> Answer:
    return Answer(question="q", resolved_question="q", answer=text, found=found, citations=list(citations),
                  facts=list(facts))


# Files.

def write_pdf(path: Path, lines: list[str], title: str | None = None) -> None:
    """A small valid PDF with one page of text, written by hand so tests need no PDF writer."""
    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if title:
        objects.append(f"<< /Title ({title}) >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    info = f" /Info {len(objects)} 0 R" if title else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
