"""Split a Document into Chunks (passages under one section) and Sentences (quotable units) with exact offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerbot.ingest.structure import Block, ends_sentence, heading_text, parse_blocks, sentence_spans
from careerbot.records import Chunk, Document, Sentence, SentenceKind

MIN_WORDS = 40  # a section shorter than this shares its chunk with the next one
MAX_WORDS = 200


@dataclass(frozen=True)
class ChunkedDocument:
    chunks: list[Chunk]
    sentences: list[Sentence]
    blocks: list[Block]  # the structure it was cut from, for fact extraction to read without parsing again


def _word_count(text: str, block: Block) -> int:
    return len(text[block.start:block.end].split())


def _split_long(text: str, block: Block) -> list[Block]:
    """A paragraph or list longer than MAX_WORDS becomes pieces of whole sentences."""
    if block.kind in ("heading", "table") or _word_count(text, block) <= MAX_WORDS:
        return [block]
    pieces: list[Block] = []
    units: list[tuple[int, int]] = []
    words = 0
    for unit in block.units or tuple(sentence_spans(text, block.start, block.end)):
        unit_words = len(text[unit[0]:unit[1]].split())
        if units and words + unit_words > MAX_WORDS:
            pieces.append(Block(block.kind, units[0][0], units[-1][1], tuple(units)))
            units, words = [], 0
        units.append(unit)
        words += unit_words
    if units:
        pieces.append(Block(block.kind, units[0][0], units[-1][1], tuple(units)))
    return pieces


def _group_blocks(document: Document, parsed: list[Block]) -> list[tuple[str, list[Block]]]:
    """Blocks grouped into chunk-sized runs, each with the section heading in force where it starts."""
    text = document.text
    groups: list[tuple[str, list[Block]]] = []
    section = document.title
    current: list[Block] = []
    current_section = section
    words = 0
    for block in (piece for whole in parsed for piece in _split_long(text, whole)):
        block_words = _word_count(text, block)
        starts_section = block.kind == "heading"
        if current and ((starts_section and words >= MIN_WORDS) or words + block_words > MAX_WORDS):
            groups.append((current_section, current))
            current, words = [], 0
        if starts_section:
            section = heading_text(text, block)
        if not current:
            current_section = section
        current.append(block)
        words += block_words
    if current:
        groups.append((current_section, current))
    return groups


def chunk_document(document: Document, first_chunk_id: int = 0, first_sentence_id: int = 0) -> ChunkedDocument:
    """Chunks follow the document's structure; every sentence, item and table row is a quotable unit."""
    text = document.text
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    heading = document.title
    parsed = parse_blocks(text)
    for section, blocks in _group_blocks(document, parsed):
        chunk_id = first_chunk_id + len(chunks)
        start, end = blocks[0].start, blocks[-1].end
        chunks.append(Chunk(chunk_id, document.doc_id, document.title, section, start, end, text[start:end]))
        for block in blocks:
            if block.kind == "heading":
                heading = heading_text(text, block)
            kinds: dict[str, SentenceKind] = {"table": "row", "list": "item", "heading": "heading"}
            kind = kinds.get(block.kind, "sentence")
            header = text[block.units[0][0]:block.units[0][1]] if block.kind == "table" else ""
            for index, (unit_start, unit_end) in enumerate(block.units):
                unit_kind: SentenceKind = "heading" if block.kind == "table" and index == 0 else kind
                sentences.append(Sentence(first_sentence_id + len(sentences), chunk_id, document.doc_id,
                                          unit_start, unit_end, text[unit_start:unit_end], unit_kind,
                                          header if unit_kind == "row" else "", heading))
        sentences += _short_item_runs(text, [s for s in sentences if s.chunk_id == chunk_id],
                                      first_sentence_id + len(sentences))
    return ChunkedDocument(chunks, sentences, parsed)


SHORT_ITEM_WORDS = 3  # items this short ("- PyTorch") say little alone; a run of them is quoted as one list
LABEL_ITEM_WORDS = 6  # nor do unpunctuated names this short ("Senior Principal Machine Learning Engineer")
_BETWEEN_ITEMS = re.compile(r"^[\s•·▪◦‣*+\-–]*$")


def _short_item_runs(text: str, chunk_sentences: list[Sentence], next_id: int) -> list[Sentence]:
    """One extra quotable unit per run of three or more consecutive short list items: the whole list, verbatim."""
    runs: list[list[Sentence]] = []
    for sentence in chunk_sentences:
        words = len(sentence.text.split())
        short = sentence.kind == "item" and (words <= SHORT_ITEM_WORDS or (
            words <= LABEL_ITEM_WORDS and not ends_sentence(sentence.text)))
        joined = runs and runs[-1] and _BETWEEN_ITEMS.match(text[runs[-1][-1].end:sentence.start])
        if short and joined:
            runs[-1].append(sentence)
        elif short:
            runs.append([sentence])
        elif runs and runs[-1]:
            runs.append([])
    extra: list[Sentence] = []
    for run in (r for r in runs if len(r) >= 3):
        start, end = run[0].start, run[-1].end
        extra.append(Sentence(next_id + len(extra), run[0].chunk_id, run[0].doc_id, start, end, text[start:end],
                              "list", "", run[0].section))
    return extra
