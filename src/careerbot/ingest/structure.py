"""The structure of a plain-text document: blocks (headings, paragraphs, lists, tables) and their quotable units.

Everything keeps character offsets into the document text, so a citation can point at the exact words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from careerbot.text.values import FIGURE, parse_value

Span = tuple[int, int]

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣*+\-–]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TERMINAL = re.compile(r"[.!?;,]['\"”’)\]]*\s*$")
# Abbreviations after which a period does not end a sentence (English usage, not domain words).
_ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "jr", "sr", "st",
                  "u.s", "u.k", "ph.d", "no", "approx", "dept", "fig", "cf", "al"}
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9$£€])")

MAX_HEADING_WORDS = 12
MAX_ROW_WORDS = 16


BlockKind = Literal["heading", "paragraph", "list", "table"]


@dataclass(frozen=True)
class Block:
    """A run of lines that belong together."""

    kind: BlockKind
    start: int
    end: int
    units: tuple[Span, ...]  # sentences, list items or table rows (the first row of a table is its header)
    caption: Span | None = None  # for tables: the line that names the table (header or preceding heading)


def _lines(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    position = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return spans


def _words(text: str) -> int:
    return len(text.split())


def is_heading_line(line: str) -> bool:
    if _MD_HEADING.match(line):
        return True
    stripped = line.strip()
    if not stripped or _BULLET.match(line) or _PIPE_ROW.match(line) or stripped.endswith(":"):
        return False
    return _words(stripped) <= MAX_HEADING_WORDS and not _TERMINAL.search(stripped) and not states_figure(stripped)


def ends_sentence(line: str) -> bool:
    """The line ends as a sentence or a clause does (a full stop, a comma...), not as a name or a label."""
    return bool(_TERMINAL.search(line))


def states_figure(line: str) -> bool:
    """A line with pay, a share or a scaled amount in it ("276K /yr Most Likely Range", "32% advanced to") states a
    figure: it is a value of the heading above it, not a heading."""
    for match in FIGURE.finditer(line):
        parsed = parse_value(match.group(0))
        if parsed.kind in ("money", "percent") or re.search(r"\d\s?[KkMm]\b", match.group(0)):
            return True
    return False


def _is_flat_table(text: str, lines: list[Span]) -> bool:
    """A caption or header line followed by at least two short rows, none punctuated like prose."""
    if len(lines) < 3:
        return False
    for start, end in lines:
        line = text[start:end]
        if _BULLET.match(line) or _MD_HEADING.match(line) or _words(line) > MAX_ROW_WORDS or _TERMINAL.search(line):
            return False
    return True


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Split text[start:end] into sentences; a line break inside a hard-wrapped paragraph does not end one."""
    spans: list[Span] = []
    segment_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\S+)$", text[segment_start:match.start() + 1])
        token = word.group(1).lower().rstrip(".").lstrip("(\"“") if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        spans.append((segment_start, match.end()))
        segment_start = match.end()
        while segment_start < end and text[segment_start].isspace():
            segment_start += 1
    if segment_start < end:
        spans.append((segment_start, end))
    return [(s, e) for s, e in ((s, _rstrip(text, s, e)) for s, e in spans) if e > s]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _list_units(text: str, lines: list[Span]) -> list[Span]:
    """Each bullet starts an item; lines that do not start with a bullet continue the item before them."""
    items: list[Span] = []
    for start, end in lines:
        if _BULLET.match(text[start:end]) or not items:
            items.append((start, end))
        else:
            items[-1] = (items[-1][0], end)
    units: list[Span] = []
    for start, end in items:
        marker = _BULLET.match(text[start:end])
        units.extend(sentence_spans(text, start + (marker.end() if marker else 0), end))
    return units


def _classify(text: str, lines: list[Span]) -> list[Block]:
    """Blocks of one blank-line-separated group of lines."""
    start, end = lines[0][0], lines[-1][1]
    first = text[lines[0][0]:lines[0][1]]
    if _MD_HEADING.match(first) and len(lines) > 1:
        return _classify(text, lines[:1]) + _classify(text, lines[1:])
    if len(lines) == 1 and (is_heading_line(first) or (_NUMBERED.match(first) and is_heading_line(
            _NUMBERED.sub("", first)))):  # "2. Machine Learning Frameworks and Libraries" alone: a numbered heading
        return [Block("heading", start, end, (lines[0],))]
    rows = [span for span in lines if not _PIPE_RULE.match(text[span[0]:span[1]])]
    if not rows:  # only rules ("---"): a thematic break, nothing to quote
        return []
    if len(rows) >= 2 and all(_PIPE_ROW.match(text[s:e]) or _PIPE_RULE.match(text[s:e]) for s, e in lines):
        return [Block("table", start, end, tuple(rows), caption=None)]
    if _is_flat_table(text, lines):
        return [Block("table", start, end, tuple(lines), caption=lines[0])]
    if any(_BULLET.match(text[s:e]) for s, e in lines):
        return [Block("list", start, end, tuple(_list_units(text, lines)))]
    return [Block("paragraph", start, end, tuple(sentence_spans(text, start, end)))]


def _groups(text: str) -> list[list[Span]]:
    """Lines grouped by blank lines; a document that never leaves blank lines gets one group per line."""
    groups: list[list[Span]] = []
    position = 0
    for part in re.split(r"(\n[ \t]*\n)", text):
        if part.strip() and not re.fullmatch(r"\n[ \t]*\n", part):
            lines = _lines(text, position, position + len(part))
            if lines:
                groups.append(lines)
        position += len(part)
    line_count = sum(len(group) for group in groups)
    if len(groups) * 4 < line_count:  # blank lines are rare: they do not mark paragraphs in this document
        single: list[list[Span]] = []
        for line in (line for group in groups for line in group):
            bullet = bool(_BULLET.match(text[line[0]:line[1]]))
            if bullet and single and _BULLET.match(text[single[-1][-1][0]:single[-1][-1][1]]):
                single[-1].append(line)  # a run of bullet lines is one list
            else:
                single.append([line])
        return single
    return groups


_DANGLING = re.compile(r"\b(?:a|an|the|of|and|or|to|for|in|on|with|at|by|from|as)$", re.IGNORECASE)
_QUESTION_START = re.compile(r"^(?:how|what|why|who|when|where|which|can|do|does|is|are|should)\b", re.IGNORECASE)


def _continues(text: str, first: Block, second: Block) -> bool:
    """A heading broken over two lines: it ends on a function word, or a question runs on to its '?'."""
    head, tail = text[first.start:first.end].strip(), text[second.start:second.end].strip()
    if _MD_HEADING.match(head) or _MD_HEADING.match(tail) or "\n" in head or "\n" in tail:
        return False
    if second.kind != "heading" and not (len(tail.split()) <= MAX_HEADING_WORDS and tail.endswith("?")):
        return False
    return bool(_DANGLING.search(head)) or (bool(_QUESTION_START.match(head)) and "?" not in head
                                            and tail.endswith("?"))


def parse_blocks(text: str) -> list[Block]:
    """The document's blocks in reading order."""
    blocks: list[Block] = []
    for group in _groups(text):
        for block in _classify(text, group):
            previous = blocks[-1] if blocks else None
            if previous and previous.kind == "heading" and _continues(text, previous, block):
                blocks[-1] = Block("heading", previous.start, block.end, ((previous.start, block.end),))
            else:
                blocks.append(block)
    return _heading_runs_as_lists(text, blocks)


LIST_RUN = 5  # this many short lines in a row with nothing under any of them: a list, not nested headings


def _content_words(line: str) -> set[str]:
    """A line's words of three letters or more, by their first five ("engineer" and "engineering" meet)."""
    return {word[:5] for word in re.findall(r"[a-z0-9]+", line.lower()) if len(word) > 2}


def _heading_runs_as_lists(text: str, blocks: list[Block]) -> list[Block]:
    """A page that writes a list one item per line with no bullets ("Summer Intern ...", "Lead ...", "Manager ...")
    reads as a run of empty headings. Headings nest two or three deep at most, so a longer run is a list. It is the
    run's longest stretch in which each line shares a word with the next, headed by its first line (a heading names
    what its items are: "Machine Learning Engineer Career Path" over "Lead Machine Learning Engineer"...); when no
    such stretch is long enough ("Data Scientist", "Software Engineer"), the run's first line heads the rest."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        run_end = index
        while run_end < len(blocks) and blocks[run_end].kind == "heading" \
                and not _MD_HEADING.match(text[blocks[run_end].start:blocks[run_end].end]) \
                and "\n" not in text[blocks[run_end].start:blocks[run_end].end]:
            run_end += 1
        run = blocks[index:run_end]
        if len(run) < LIST_RUN:
            out.append(blocks[index])
            index += 1
            continue
        words = [_content_words(text[block.start:block.end]) for block in run]
        stretch: tuple[int, int] | None = None  # the longest run of lines that each share a word with the next
        start = 0
        for position in range(1, len(run) + 1):
            if position == len(run) or not words[position - 1] & words[position]:
                if position - start >= LIST_RUN and (stretch is None or position - start > stretch[1] - stretch[0] + 1):
                    stretch = (start, position - 1)
                start = position
        head, last = stretch or (0, len(run) - 1)
        items = run[head + 1:last + 1]
        out += run[:head + 1]
        out.append(Block("list", items[0].start, items[-1].end, tuple((b.start, b.end) for b in items)))
        out += run[last + 1:]
        index = run_end
    return out


def heading_text(text: str, block: Block) -> str:
    return " ".join(_NUMBERED.sub("", text[block.start:block.end].strip().lstrip("#")).split())
