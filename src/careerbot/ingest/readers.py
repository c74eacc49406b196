"""Read a folder of documents (txt, md, html, pdf) into Documents, naming every file that could not be read."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from careerbot.ingest.structure import heading_text, parse_blocks
from careerbot.records import Document, Skipped


class UnreadableDocument(Exception):
    """Raised by a reader; the message is the reason shown in the build report."""


@dataclass(frozen=True)
class ParsedText:
    text: str
    title: str | None  # from the format's own metadata; None means "the first line"


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise UnreadableDocument("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(f"not UTF-8 text (invalid byte at offset {error.start}); save it as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes) -> ParsedText:
    return ParsedText(_decode(data), None)


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def read_markdown(data: bytes) -> ParsedText:
    text = _decode(data)
    title = None
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() == "title" and value.strip():
                title = value.strip().strip("\"'")
        text = text[match.end():]
    return ParsedText(text, title)


def read_html(data: bytes) -> ParsedText:
    from careerbot.ingest.html_text import html_to_text

    text, title = html_to_text(_decode(data))
    return ParsedText(text, title)


def read_pdf(data: bytes) -> ParsedText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadableDocument(f"unreadable PDF ({error})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise UnreadableDocument("PDF has no extractable text (a scanned image?)")
    return ParsedText(text, str(meta_title).strip() if meta_title else None)


def _delimited(data: bytes, delimiter: str) -> ParsedText:
    """A CSV or TSV file becomes a pipe table: its first row is the header, its first column the row labels."""
    rows = [row for row in csv.reader(io.StringIO(_decode(data)), delimiter=delimiter) if any(c.strip() for c in row)]
    if len(rows) < 2:
        raise UnreadableDocument("a table needs a header row and at least one data row")
    width = len(rows[0])
    lines = []
    for number, row in enumerate(rows):
        cells = [" ".join(cell.split()).replace("|", "/") for cell in row[:width]] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + "---|" * width)
    return ParsedText("\n".join(lines) + "\n", None)


def read_csv(data: bytes) -> ParsedText:
    return _delimited(data, ",")


def read_tsv(data: bytes) -> ParsedText:
    return _delimited(data, "\t")


READERS: dict[str, Callable[[bytes], ParsedText]] = {
    ".csv": read_csv,
    ".tsv": read_tsv,
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def _first_line_title(text: str) -> str:
    """The first line, or the whole first heading when a heading runs over two lines."""
    blocks = parse_blocks(text[:2000])
    if blocks and blocks[0].kind == "heading":
        return heading_text(text, blocks[0])[:200]
    for line in text.splitlines():
        cleaned = line.strip().lstrip("#").strip()
        if cleaned:
            return cleaned[:200]
    return ""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, doc_id: str) -> Document:
    """Read one file into a Document; raises UnreadableDocument with the reason."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableDocument(f"unsupported file type '{path.suffix or '(none)'}' "
                                 f"(supported: {', '.join(sorted(READERS))})")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"cannot read file ({error.strerror or error})") from None
    if not data.strip():
        raise UnreadableDocument("empty file")
    parsed = reader(data)
    if not parsed.text.strip():
        raise UnreadableDocument("no text in the file")
    if reader in (read_csv, read_tsv):
        # A table has no title line of its own: its file name is its title, and heads the text as a heading.
        title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
        parsed = ParsedText(f"# {title}\n\n{parsed.text}", title)
    title = parsed.title or _first_line_title(parsed.text)
    return Document(doc_id=doc_id, title=title, text=parsed.text, content_hash=content_hash(data),
                    format=path.suffix.lower().lstrip("."))


def corpus_files(corpus_dir: Path) -> Iterator[Path]:
    """Every file under the corpus folder, in a stable order, hidden files and folders left out."""
    for path in sorted(corpus_dir.rglob("*")):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        yield path


def read_corpus(corpus_dir: Path) -> tuple[list[Document], list[Skipped]]:
    """All readable documents of the folder, and the files skipped with the reason."""
    read = [read_file(path, corpus_dir) for path in corpus_files(corpus_dir)]
    return [r for r in read if isinstance(r, Document)], [r for r in read if isinstance(r, Skipped)]


def read_file(path: Path, corpus_dir: Path) -> Document | Skipped:
    """One file of the corpus as a document, or why it was skipped."""
    doc_id = path.relative_to(corpus_dir).as_posix()
    try:
        return read_document(path, doc_id)
    except UnreadableDocument as error:
        return Skipped(doc_id, str(error))
    except (Exception, RecursionError) as error:  # a parser's own failure: one bad file never stops a build
        return Skipped(doc_id, f"could not be parsed ({type(error).__name__}: {error})"[:300])
