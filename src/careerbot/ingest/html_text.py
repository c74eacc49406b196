"""HTML to plain text that keeps the structure the chunker reads: headings, paragraphs, list items, pipe tables."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre", "figure",
           "figcaption", "dd", "dt", "address"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "nav"}


def _inline_text(node: Tag) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def _cell_text(cell: Tag) -> str:
    return _inline_text(cell).replace("|", "/")


def _table_lines(table: Tag) -> list[str]:
    lines: list[str] = []
    caption = table.find("caption")
    if caption is not None:
        lines.append(_inline_text(caption))
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    for index, row in enumerate(rows):
        cells = [_cell_text(cell) for cell in row.find_all(["td", "th"]) if cell.find_parent("tr") is row]
        if not any(cells):
            continue
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "---|" * len(cells))
    return lines


def _walk(node: Tag, out: list[str]) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(inline).split())
        if text:
            out.append(text)
        inline.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                continue
            inline.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        if child.name in _HEADINGS:
            flush()
            out.append("#" * int(child.name[1]) + " " + _inline_text(child))
        elif child.name == "table":
            flush()
            out.append("\n".join(_table_lines(child)))
        elif child.name in ("ul", "ol"):
            flush()
            items = [li for li in child.find_all("li") if li.find_parent(["ul", "ol"]) is child]
            out.append("\n".join(f"- {_inline_text(li)}" for li in items if _inline_text(li)))
        elif child.name == "br":
            flush()
        elif child.name in _BLOCKS or child.name in ("body", "html", "li"):
            flush()
            _walk(child, out)
        else:
            inline.append(child.get_text(" "))
    flush()


def html_to_text(html: str) -> tuple[str, str | None]:
    """The document's text, one block per paragraph, and its <title> (or first h1) if it has one."""
    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title") or soup.find("h1")
    title = _inline_text(title_tag) if title_tag is not None else None
    blocks: list[str] = []
    _walk(soup.body if soup.body is not None else soup, blocks)
    return "\n\n".join(block for block in blocks if block.strip()) + "\n", title or None
