"""Answers written from what was chosen: facts as sentences (the lead row once), supporting passages, a ranking, two
subjects side by side; citations numbered in order of first use."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import partial

from careerbot.answer.compose import (
    comparison_verdict,
    fact_sentence,
    neighbours_sentence,
    plain,
    ranking_sentence,
    sort_value,
    threshold_verdict,
)
from careerbot.answer.evidence import resolved
from careerbot.answer.pointers import display, is_pointer, render_block, step_units
from careerbot.answer.query import FactMatch, Query, Retrieval, Scored
from careerbot.index.corpus_index import CorpusIndex
from careerbot.records import Answer, Citation, FactUse, Sentence
from careerbot.text.terms import STOPWORDS
from careerbot.text.values import FIGURE, parse_value

SUPPORTING_SENTENCES = 2  # passages quoted after the facts of a figure answer
MAX_NEIGHBOUR_ROWS = 8  # rows of a column named when the one asked for is not in it


class Citations:
    """Citations numbered in order of first use; citing the same span twice reuses its number."""

    def __init__(self, corpus: CorpusIndex) -> None:
        self.corpus = corpus
        self.items: list[Citation] = []
        self._by_span: dict[tuple[str, int, int], int] = {}

    def cite(self, sentence: Sentence, score: float) -> Citation:
        key = (sentence.doc_id, sentence.start, sentence.end)
        if key in self._by_span:
            return self.items[self._by_span[key] - 1]
        chunk = self.corpus.chunks[sentence.chunk_id]
        citation = Citation(id=len(self.items) + 1, doc_id=sentence.doc_id, title=chunk.title,
                            section=sentence.section or chunk.section,
                            text=chunk.text, quote=sentence.text, start=sentence.start, end=sentence.end,
                            score=round(score, 4))
        self.items.append(citation)
        self._by_span[key] = citation.id
        return citation

    def cite_fact(self, match: FactMatch) -> tuple[Citation, FactUse]:
        fact = match.fact
        citation = self.cite(self.corpus.sentences[fact.sentence_id], match.score)
        return citation, FactUse(fact.subject, fact.attribute, fact.value, fact.parsed, fact.caption,
                                 fact.qualifiers, fact.source, citation)


def _renumbered(numbers: dict[int, Citation], marker: re.Match[str]) -> str:
    return f"[{numbers[int(marker.group(1))].id}]"


def _cited_pieces(text: str) -> list[str]:
    """An answer's text cut after each citation marker ("... [2]." / "... [3]")."""
    return [piece.strip() for piece in re.findall(r".*?\[\d+\]\.?(?=\s|$)|.+$", text) if piece.strip()]


def _said_already(piece: str, said: str) -> bool:
    """A piece citing only passages said already, with figures all said already ("Apple: ... 21, Cupertino, CA [1]"
    after "Apple: Cupertino, CA; ... 21 [1]"): the same, worded again."""
    cited = re.findall(r"\[\d+\]", piece)
    figures = {m.group(0) for m in FIGURE.finditer(piece)}
    # (a name or place not said yet is news: "Google: Mountain View, CA; ... 45 [1]" after "Google has ... 45 [1]")
    news = {w.lower() for w in re.findall(r"\b[A-Z][\w&-]+", piece) if w.lower() not in STOPWORDS} \
        - {w.lower() for w in re.findall(r"[\w&-]+", said)}
    return bool(cited and figures) and all(c in said for c in cited) and not news \
        and figures <= {m.group(0) for m in FIGURE.finditer(said)}


def join_answers(answers: list[Answer], parts: list[str]) -> Answer:
    """Answers to the parts of a double question as one, their citations renumbered in order; a part the sources do
    not answer is said in one sentence naming it, when another part is answered."""
    text: list[str] = []
    citations: list[Citation] = []
    facts: list[FactUse] = []
    answered = any(a.found for a in answers)
    for answer, part in zip(answers, parts, strict=True):
        if answered and not answer.found and not answer.citations:
            text.append(f"The sources do not answer “{part.strip()}”")
            continue
        by_span = {(c.doc_id, c.start, c.end): c for c in citations}
        renumbered: dict[int, Citation] = {}
        for citation in answer.citations:  # a passage both parts quote keeps its first number
            renumbered[citation.id] = by_span.get((citation.doc_id, citation.start, citation.end)) or \
                replace(citation, id=len(citations) + 1)
            if renumbered[citation.id].id == len(citations) + 1:
                citations.append(renumbered[citation.id])
        marked = re.sub(r"\[(\d+)\]", partial(_renumbered, renumbered), answer.answer)
        said = " ".join(text)  # a sentence the earlier part said already is not said again
        text.append(" ".join(piece for piece in _cited_pieces(marked) if piece not in said
                             and not _said_already(piece, said)))
        facts.extend(replace(f, citation=renumbered[f.citation.id]) for f in answer.facts)
    return replace(answers[0], answer=" ".join(t for t in text if t), found=any(a.found for a in answers),
                   citations=citations, facts=facts)


_MEASURED = frozenset({"money", "percent"})


def _other_measure(text: str, answered: Collection[str]) -> bool:
    """The passage states pay or a share and the answer's facts (`answered`: their kinds of value) state the other
    ("276K /yr" beside "32% advanced to"): a figure of another measure than the one the answer gives."""
    kinds = {parse_value(match.group(0)).kind for match in FIGURE.finditer(text)} & _MEASURED
    return bool(kinds and answered and not kinds.intersection(answered))


def compose_answer(corpus: CorpusIndex, found: Retrieval, facts: list[FactMatch], chosen: list[Scored],
                   lead: str = "", found_answer: bool = True, opening: Scored | None = None,
                   every_cell: bool = False, place_first: bool = False) -> Answer:
    """The answer: the `lead` text, the `opening` passage (a sentence that states the answer before its figure),
    the facts as sentences, then supporting passages. `every_cell`: the cells of the lead row are each said (they
    are the ones asked for), not left to the facts table. `place_first`: the lead fact says where before its
    figure (a question asking where)."""
    citations = Citations(corpus)
    parts: list[str] = [lead] if lead else []
    if opening is not None:
        parts.append(f"{render_block(corpus, opening.sentence)} [{citations.cite(opening.sentence, opening.score).id}]")
        chosen = [c for c in chosen if c.sentence.sentence_id != opening.sentence.sentence_id]
    uses: list[FactUse] = []
    first_of: dict[tuple[str, str], FactMatch] = {}  # the same value from the same document once
    for match in facts:
        first_of.setdefault((match.fact.doc_id, match.fact.value), match)
    facts = list(first_of.values())
    for number, match in enumerate(facts):
        if number == 1 and match.fact.doc_id != facts[0].fact.doc_id:
            parts.append("Another source gives:" if len({m.fact.doc_id for m in facts}) == 2
                         else "Other sources give:")
        citation, use = citations.cite_fact(match)
        uses.append(use)
        if number > 0 and match.fact.sentence_id == facts[0].fact.sentence_id and not every_cell:
            continue  # the other cells of the lead row are in the facts table, not repeated as sentences
        if match.fact.source == "prose" and match.fact.subject.lower() in match.fact.quote.lower():
            # the source's own sentence, with the source named (a figure under its heading gets a sentence)
            parts.append(f"{display(corpus.sentences[match.fact.sentence_id])} (“{match.fact.title}”) "
                         f"[{citation.id}]")
        else:
            parts.append(fact_sentence(match.fact, citation.id, place_first and number == 0))
    if facts:
        # Supporting passages come from where the facts stand (a table's caption), not from elsewhere.
        fact_sentences = {m.fact.sentence_id for m in facts}
        fact_chunks = {corpus.sentences[s].chunk_id for s in fact_sentences}
        answered = {m.fact.parsed.kind for m in facts} & _MEASURED
        chosen = [c for c in chosen if c.sentence.sentence_id not in fact_sentences
                  and c.sentence.chunk_id in fact_chunks and c.sentence.kind not in ("row", "block")
                  and not is_pointer(c.sentence)
                  and not any(m.fact.quote == c.sentence.text for m in facts)
                  and not _other_measure(c.sentence.text, answered)][:SUPPORTING_SENTENCES]
    said: set[str] = set()  # a template's sentence two pages say word for word: once
    for item in chosen:
        if " ".join(item.sentence.text.split()) in said:
            continue
        said.add(" ".join(item.sentence.text.split()))
        if item.sentence.kind == "steps":  # each step cited on its own: a quote is the step, not the section
            steps = [f"{plain(unit.text.strip().rstrip('.'))} [{citations.cite(unit, item.score).id}]"
                     for unit in step_units(corpus, item.sentence)]
            parts.append(f"{plain(item.sentence.context)}: {'; '.join(steps)}.")
            continue
        citation = citations.cite(item.sentence, item.score)
        parts.append(f"{resolved(render_block(corpus, item.sentence), item.refers_to)} [{citation.id}]")
    return Answer(question=found.question, resolved_question=found.question, answer=" ".join(parts),
                  found=found_answer, citations=citations.items, facts=uses)


def compose_neighbours(corpus: CorpusIndex, found: Retrieval, facts: list[FactMatch], lead: str,
                       whole_column: bool = False) -> Answer:
    """The sources lack the figure asked for: say so (`lead`), then name what they give nearby, each cited, without
    its value: a neighbour's figure shown beside "no figure for X" reads as X's. `whole_column`: a subject the table
    lacks ("2020") is answered with every row its column has ("2015, 2016, ... 2019")."""
    citations = Citations(corpus)
    if whole_column and facts and facts[0].fact.table >= 0:
        best = facts[0].fact
        column = [corpus.facts[p] for p in corpus.facts_by_table.get((best.doc_id, best.table), [])
                  if corpus.facts[p].attribute == best.attribute]
        facts = [FactMatch(f, facts[0].score, False) for f in column[:MAX_NEIGHBOUR_ROWS]] or facts
    first_of: dict[tuple[str, str, str], FactMatch] = {}
    for match in facts:
        first_of.setdefault((match.fact.doc_id, match.fact.subject, match.fact.attribute), match)
    named = [(m.fact, citations.cite_fact(m)[0].id) for m in first_of.values()]
    text = " ".join(part for part in (lead, neighbours_sentence(named)) if part)
    return Answer(question=found.question, resolved_question=found.question, answer=text, found=False,
                  citations=citations.items, facts=[])


def threshold_answer(corpus: CorpusIndex, found: Retrieval, query: Query, facts: list[FactMatch]) -> Answer | None:
    """A yes/no question that measures against a figure, answered by the best fact of the same kind (a sum of
    money against a sum, a share against a share)."""
    assert query.threshold is not None
    side, value, written = query.threshold
    kind = "percent" if written.endswith("%") else "money" if written[:1] in "$£€¥₹" else ""
    match = next((m for m in facts if m.fact.parsed.low is not None and (not kind or m.fact.parsed.kind == kind)),
                 None)
    if match is None:
        return None
    citations = Citations(corpus)
    citation, use = citations.cite_fact(match)
    text = threshold_verdict(match.fact, citation.id, side, value, written)
    return Answer(question=found.question, resolved_question=found.question, answer=text, found=True,
                  citations=citations.items, facts=[use])


def compose_ranking(corpus: CorpusIndex, query: Query, ranked: list[FactMatch], total: int,
                    one_document: bool) -> Answer:
    citations = Citations(corpus)
    marked = []
    uses = []
    for position, match in enumerate(ranked):
        citation, use = citations.cite_fact(match)
        marked.append((match.fact, citation.id))
        if position < (query.top_n or (len(ranked) if query.plural else 1)):  # the figures asked for; the
            # rest of the order is cited in the text
            uses.append(use)
    text = ranking_sentence(marked, query.direction, total, one_document)
    return Answer(question=query.text, resolved_question=query.text, answer=text, found=True,
                  citations=citations.items, facts=uses)


def compose_comparison(corpus: CorpusIndex, found: Retrieval, compared: list[tuple[str, list[FactMatch]]],
                       least: bool = False, by_page: bool = False, claimed: str = "") -> Answer:
    """Each subject's figures, led by which is higher (`by_page`: the subjects are the pages the figures stand on,
    compared on one row of each, not the rows' own subject). `claimed`: the subject the question asks is the higher
    (the lower, `least`): "Do data scientists make more than software developers?" is answered yes or no first."""
    citations = Citations(corpus)
    parts: list[str] = []
    uses: list[FactUse] = []
    leads: list[tuple[FactMatch, int]] = []
    shown: set[tuple[str, int]] = set()
    for name, matches in compared:
        if not matches:
            parts.append(f"The sources give no figure for {name}.")
            continue
        if (matches[0].fact.doc_id, matches[0].fact.start) in shown:  # the same subject by another name
            continue
        shown.update((m.fact.doc_id, m.fact.start) for m in matches)
        for number, match in enumerate(matches):
            citation, use = citations.cite_fact(match)
            uses.append(use)
            parts.append(fact_sentence(match.fact, citation.id))
            if number == 0:
                leads.append((match, citation.id))
    verdict = comparison_verdict([(m.fact, marker) for m, marker in leads], least, by_page)
    if verdict:  # the verdict states each subject's figure: their own sentences would say it again
        lead_sentences = {fact_sentence(m.fact, marker) for m, marker in leads}
        own = next((matches[0] for name, matches in compared if name == claimed and matches), None)
        if own is not None and any(m is own for m, _ in leads):  # yes or no, then which is higher
            first = sort_value(own.fact.parsed) or 0.0
            others = [sort_value(m.fact.parsed) or 0.0 for m, _ in leads if m is not own]
            holds = all(first < v for v in others) if least else all(first > v for v in others)
            opening = verdict[:1].lower() if verdict.startswith("They ") else verdict[:1]
            verdict = f"{'Yes' if holds else 'No'}: {opening}{verdict[1:]}"
        parts = [verdict] + [part for part in parts if part not in lead_sentences]
    return Answer(question=found.question, resolved_question=found.question, answer=" ".join(parts),
                  found=any(matches for _, matches in compared), citations=citations.items, facts=uses)
