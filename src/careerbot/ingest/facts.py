"""Tables and figures -> Facts: every table row and every money or percentage figure in prose, cited to its span."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from careerbot.ingest.chunking import ChunkedDocument
from careerbot.ingest.structure import Block, Span, heading_text
from careerbot.records import Document, Fact, FactSource, Sentence
from careerbot.text.terms import STOPWORDS, parts_of_speech, qualifiers
from careerbot.text.values import FIGURE, TRAILING_FIGURE, figure_text_start, figure_value, parse_value

# A place written as "City Name, ST" closing a row label: a column of its own ("Google Mountain View, CA").
_PLACE_AT_END = re.compile(r"^(\S+?)\s+((?:[A-Z][\w.'’-]*\s)*[A-Z][\w.'’-]*,\s[A-Z]{2})$")
# Column names that say a table has a place column between its labels and its figures.
_PLACE_COLUMN = re.compile(r"^(?:Location|City|Place|Region|State|Country|Office|Headquarters|HQ)$", re.I)
_FUNCTION = STOPWORDS | {"per", "between", "from", "around", "about", "roughly", "approximately", "up"}
# Words that end the subject of a sentence stating a figure (English verbs, not domain words).
_VERB = re.compile(r"\b(?:earns?|makes?|takes?|can|could|will|may|might|is|are|was|were|has|have|had|ranges?|"
                   r"commands?|typically|often|expects?|receives?|gets?|earned|made|reported|say|says)\b", re.I)

# The same verbs in lower case: "Range" in a title-case label is a name, not a verb.
_LOWER_VERB = re.compile(_VERB.pattern)


@dataclass(frozen=True)
class TableContext:
    caption: str  # the heading above the table
    intro: str  # the sentence(s) just before it
    number: int


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _shared_prefix_length(header: list[str], others: list[list[str]]) -> int:
    """Words that open this header and at least one other header of the document: a column name they share."""
    for size in range(min(3, len(header) - 1), 0, -1):
        if sum(other[:size] == header[:size] for other in others) >= 2:
            return size
    return 0


def split_header(header: str, others: list[list[str]]) -> tuple[str, list[str]]:
    """A flattened header line -> (the row-label column's name, the words naming the other columns).

    The label column's name is a prefix the document's headers share, or else the first word, stretched over
    function words ("Years of Experience").
    """
    words = header.split()
    size = _shared_prefix_length(words, others)
    if size == 0:
        size = 1
        while size < len(words) - 1 and (words[size].lower() in _FUNCTION or words[size - 1].lower() in _FUNCTION):
            size += 1
    return " ".join(words[:size]), words[size:]


class _Extractor:
    def __init__(self, document: Document, sentences: list[Sentence], first_fact_id: int) -> None:
        self.document = document
        self.text = document.text
        self.by_span = {(s.start, s.end): s for s in sentences}
        self.facts: list[Fact] = []
        self.first_fact_id = first_fact_id

    def add(self, sentence: Sentence, subject: str, attribute: str, value: str, caption: str,
            stated: list[str], source: FactSource, table: int = -1) -> None:
        subject, attribute, value = (" ".join(x.split()) for x in (subject, attribute, value))
        if not subject or not value:
            return
        self.facts.append(Fact(
            fact_id=self.first_fact_id + len(self.facts), doc_id=self.document.doc_id, title=self.document.title,
            subject=subject, attribute=attribute, value=value, parsed=parse_value(value), caption=caption,
            qualifiers=tuple(dict.fromkeys(stated)), quote=sentence.text, start=sentence.start, end=sentence.end,
            sentence_id=sentence.sentence_id, source=source, table=table))

    def row_sentence(self, span: tuple[int, int]) -> Sentence | None:
        return self.by_span.get(span)

    def pipe_table(self, block: Block, context: TableContext) -> None:
        header = _cells(self.text[block.units[0][0]:block.units[0][1]])
        stated = qualifiers(f"{context.caption} {context.intro}")
        for span in block.units[1:]:
            sentence = self.row_sentence(span)
            cells = _cells(self.text[span[0]:span[1]])
            if sentence is None or not cells:
                continue
            for column, value in zip(header[1:], cells[1:], strict=False):
                self.add(sentence, cells[0], column, value, context.caption, stated, "table", context.number)

    def flat_table(self, block: Block, context: TableContext, other_headers: list[list[str]]) -> None:
        header = self.text[block.units[0][0]:block.units[0][1]]
        label_column, rest = split_header(header, other_headers)
        rows = [(span, self.text[span[0]:span[1]]) for span in block.units[1:]]
        figures = [TRAILING_FIGURE.search(row) for _, row in rows]
        stated = qualifiers(f"{context.caption} {context.intro} {header}")
        if sum(m is not None for m in figures) * 3 >= len(rows) * 2:
            self._numeric_rows(rows, figures, rest, context, stated)
        else:
            self._text_rows(rows, label_column, rest, context, stated)

    def _numeric_rows(self, rows: list[tuple[Span, str]], figures: list[re.Match[str] | None], rest: list[str],
                      context: TableContext, stated: list[str]) -> None:
        labels = [row[:m.start()].strip(" :–-") if m else "" for (_, row), m in zip(rows, figures, strict=False)]
        places = [_PLACE_AT_END.match(label) for label in labels]
        has_place_column = len(rest) > 1 and bool(_PLACE_COLUMN.match(rest[0]))
        attribute = " ".join(rest[1:] if has_place_column else rest)
        for (span, row), match, label, place in zip(rows, figures, labels, places, strict=False):
            sentence = self.row_sentence(span)
            if sentence is None or match is None or not label:
                continue
            row_stated = list(stated)
            if has_place_column and place:
                label = place.group(1)
                row_stated.append(place.group(2))
            self.add(sentence, label, attribute, row[match.start():], context.caption, row_stated, "table",
                     context.number)

    def _text_rows(self, rows: list[tuple[Span, str]], label_column: str, rest: list[str], context: TableContext,
                   stated: list[str]) -> None:
        """Rows whose cells are words: every row yields its label and its value as a fact, text values included.

        A flattened row has lost its cell borders, so the split is read from the rows: a value every row ends
        with ("Master's or PhD"); else, when each row lists several things after its first word ("Finance
        Algorithmic Trading Engineer, Credit Risk Analyst"), the first word is the label; else the last word is
        the value ("Python Advanced", "... Google")."""
        tails = [row.split() for _, row in rows]
        if any(len(t) < 2 for t in tails):
            return
        shared = 0
        while all(len(t) > shared + 1 for t in tails) and len({tuple(t[-shared - 1:]) for t in tails}) == 1:
            shared += 1
        for (span, _row), words in zip(rows, tails, strict=False):
            sentence = self.row_sentence(span)
            if sentence is None:
                continue
            if shared:
                label, value = words[:-shared], words[-shared:]
            elif all("," in " ".join(t[1:]) and "," not in t[0] for t in tails):
                label, value = words[:1], words[1:]
            else:
                label, value = words[:-1], words[-1:]
            self.add(sentence, " ".join(label), " ".join(rest), " ".join(value), context.caption, stated, "table",
                     context.number)

    def prose(self, sentence: Sentence, section: str, heading: str, following: str = "") -> None:
        """Figures of a sentence; a short verbless line that opens with its figure ("276K /yr Most Likely Range")
        is the value of the heading above it, as on a scraped page's cards; one that breaks off on a function word
        before a heading ("32% advanced to" / "Lead Machine Learning Engineer") is about that heading."""
        text = sentence.text
        for match in FIGURE.finditer(text):
            parsed = figure_value(match)
            scaled = re.search(r"\d\s?(?:[KkMm]|million|billion)\b", match.group(0))
            if parsed.kind not in ("money", "percent") and not scaled:
                continue
            start = figure_text_start(match)
            if following and not text[:start].strip() and len(text.split()) <= 8 \
                    and text.split()[-1].lower() in _FUNCTION:
                self.add(sentence, following, f"{_trim(text[match.end():])} {following}", text[start:match.end()],
                         section, qualifiers(following), "prose")
                continue
            if (heading and not text[:start].strip() and len(text.split()) <= 8 and not _LOWER_VERB.search(text)
                    and not re.search(r"[.:]\s*$", text) and text.split()[-1].lower() not in _FUNCTION):
                self.add(sentence, heading, _trim(text[match.end():]) or section, text[start:match.end()], section,
                         qualifiers(heading), "prose")
                continue
            subject, attribute = describe(text, start, match.end())
            self.add(sentence, subject, attribute or section, text[start:match.end()], section,
                     qualifiers(text) + qualifiers(section), "prose")


def describe(text: str, start: int, end: int) -> tuple[str, str]:
    """(subject, attribute) of a figure in a sentence, from the words around it."""
    before = text[:start]
    lead, colon, _ = before.partition(":")
    if colon and len(lead.split()) <= 8:
        subject = lead
    elif not before.strip():
        after = text[end:]
        of_phrase = re.match(r"\s*of\s+(.*)", after)
        remainder = of_phrase.group(1) if of_phrase else after
        verb = _VERB.search(remainder)
        subject = remainder[:verb.start()] if verb else remainder
        attribute = remainder[verb.start():] if verb else ""
        return _trim(subject), _trim(attribute)
    else:
        clause = re.sub(r"^\s*According to [^,]+,\s*", "", before)
        verb = _VERB.search(clause)
        subject = clause[:verb.start()] if verb else clause
    words = re.findall(r"[\w’'-]+", before)
    measure: list[str] = []
    for word in reversed(words):
        # (an adverb says how, not what: "can earn anywhere from $150,000", "roughly $90,000")
        if word.lower() in _FUNCTION or parts_of_speech(word.lower()) == frozenset({"ADV"}):
            if measure:
                break
            continue
        if _VERB.fullmatch(word):
            break
        measure.insert(0, word)
        if len(measure) == 4:
            break
    return _trim(subject), " ".join(measure)


def _trim(phrase: str) -> str:
    words = phrase.strip(" ,.;:").split()
    while words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words[:10])


def extract_facts(document: Document, chunked: ChunkedDocument, first_fact_id: int = 0) -> list[Fact]:
    """Every table row (each value cell) and every money or percentage figure in the document's sentences."""
    extractor = _Extractor(document, chunked.sentences, first_fact_id)
    blocks = chunked.blocks
    flat_headers = [document.text[b.units[0][0]:b.units[0][1]].split() for b in blocks
                    if b.kind == "table" and b.caption is not None]
    section = document.title
    intro = ""
    headings: list[tuple[int, str]] = []  # (where a heading ends, its text), in order
    starts: dict[int, str] = {}  # where a heading starts -> its text
    for number, block in enumerate(blocks):
        if block.kind == "heading":
            section, intro = heading_text(document.text, block), ""
            headings.append((block.end, section))
            starts[block.start] = section
        elif block.kind == "table":
            context = TableContext(section, intro, number)
            if block.caption is None:
                extractor.pipe_table(block, context)
            else:
                extractor.flat_table(block, context, flat_headers)
        else:
            intro = document.text[block.start:block.end]
    chunk_sections = {c.chunk_id: c.section for c in chunked.chunks}
    ends = [end for end, _ in headings]
    for sentence in chunked.sentences:
        if sentence.kind in ("sentence", "item"):
            above = bisect.bisect_right(ends, sentence.start) - 1
            gap = len(document.text[sentence.end:]) - len(document.text[sentence.end:].lstrip())
            extractor.prose(sentence, chunk_sections.get(sentence.chunk_id, document.title),
                            headings[above][1] if above >= 0 else "", starts.get(sentence.end + gap, ""))
    return extractor.facts

