"""A question (and its history) -> an Answer composed of retrieved facts and sentences, each cited to its text."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from careerbot.config import Settings
from careerbot.conversation import resolve_history
from careerbot.documents import Answer, Citation, FactUse, Sentence, Turn
from careerbot.embedding import Embedder
from careerbot.errors import CareerbotError, InvalidQuestion
from careerbot.fact_answers import FactMatch, covered_tables, select_facts
from careerbot.lexical import fuse
from careerbot.store import VERSIONS, CorpusIndex, check_model, current_version, load_version, read_manifest
from careerbot.terms import STOPWORDS, content_words, singular, weighted_share, words

GLOBAL_SENTENCES = 24  # best sentences taken from the whole corpus, beside those of the best chunks
NEAR_DUPLICATE = 0.92  # sentences this similar to one already chosen add nothing
SENTENCE_MARGIN = 0.12  # a sentence scoring this far below the best one is not worth quoting
MIN_QUOTE_WORDS = 4
STRONG_MATCH = 0.5  # above this, a question with a word the sources lack is still answered (a typo, a synonym)
LEXICAL_WEIGHT = 0.15  # how much sharing the question's rare words (a city, a tool) lifts a sentence
SUPPORTING_SENTENCES = 2  # passages quoted after the facts of a figure answer
MAX_LISTED = 12  # subjects named in a "not covered" answer, per table
MAX_TABLES = 6  # tables compared with a name the sources lack


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float


@dataclass(frozen=True)
class Retrieval:
    """What one question found: chunk hits and a score for every sentence of the corpus."""

    question: str
    chunk_scores: dict[int, float]
    sentence_scores: np.ndarray
    best_chunk: float


class _Citations:
    """Citations numbered in order of first use; citing the same sentence twice reuses its number."""

    def __init__(self, corpus: CorpusIndex) -> None:
        self.corpus = corpus
        self.items: list[Citation] = []
        self._by_sentence: dict[int, int] = {}

    def cite(self, sentence: Sentence, score: float) -> Citation:
        if sentence.sentence_id in self._by_sentence:
            return self.items[self._by_sentence[sentence.sentence_id] - 1]
        chunk = self.corpus.chunks[sentence.chunk_id]
        citation = Citation(id=len(self.items) + 1, doc_id=sentence.doc_id, title=chunk.title,
                            section=sentence.section or chunk.section,
                            text=chunk.text, quote=sentence.text, start=sentence.start, end=sentence.end,
                            score=round(score, 4))
        self.items.append(citation)
        self._by_sentence[sentence.sentence_id] = citation.id
        return citation


_BRACKETED_NUMBER = re.compile(r"\[(\d+)\]")


_BULLET_LINE = re.compile(r"^\s*(?:[•·▪◦‣*+\-–]|\d{1,2}[.)])\s+")


def _display(sentence: Sentence) -> str:
    """A sentence as the answer shows it; a footnote like [2] in the source becomes (2), so that every [n] in an
    answer is one of careerbot's markers (the citation's quote keeps the exact text)."""
    if sentence.kind == "list":  # a run of short items reads as one line: "Machine Learning, PyTorch, Keras"
        items = [_BULLET_LINE.sub("", line).strip() for line in sentence.text.splitlines()]
        return ", ".join(item for item in items if item) + "."
    text = _BRACKETED_NUMBER.sub(r"(\1)", " ".join(sentence.text.split()))
    context = _BRACKETED_NUMBER.sub(r"(\1)", " ".join(sentence.context.split()))
    return f"{context}: {text}" if context else text


def _fact_phrase(match: FactMatch, marker: int) -> str:
    fact = match.fact
    described = f"{fact.subject} — {fact.attribute}" if fact.attribute else fact.subject
    stated = f" ({', '.join(fact.qualifiers)})" if fact.qualifiers else ""
    phrase = f"{described}: {fact.value}{stated}, in {fact.title}"
    return _BRACKETED_NUMBER.sub(r"(\1)", phrase) + f" [{marker}]."


class Advisor:
    """Answers questions from one loaded index version; cheap to call from many threads at once."""

    def __init__(self, settings: Settings, embedder: Embedder, corpus: CorpusIndex) -> None:
        self.settings = settings
        self.embedder = embedder
        self.corpus = corpus  # replaced whole, never changed in place: a question holds the one it started with
        self._reloading = threading.Lock()
        self._failed: str | None = None  # a published version that could not be loaded

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder) -> "Advisor":
        corpus = load_version(settings.index_dir)
        check_model(corpus.manifest, embedder.name, embedder.fingerprint)
        return cls(settings, embedder, corpus)

    def reload_if_changed(self) -> bool:
        """Swap in the version CURRENT points at, if it is not the loaded one. True when it swapped."""
        with self._reloading:
            version = current_version(self.settings.index_dir)
            if version is None or version == self.corpus.version or version == self._failed:
                return False
            try:
                check_model(read_manifest(self.settings.index_dir / VERSIONS / version), self.embedder.name,
                            self.embedder.fingerprint)
                corpus = load_version(self.settings.index_dir, version)
            except CareerbotError:
                self._failed = version  # not retried every poll; the loaded version keeps answering
                raise
            self.corpus = corpus  # one assignment: requests in flight keep the version they started with
            return True

    def validate(self, question: str, history: Sequence[Turn]) -> str:
        cleaned = " ".join(question.split()) if isinstance(question, str) else ""
        if not cleaned:
            raise InvalidQuestion("The question is empty: type a question, for example "
                                  "'What skills does this job need?'")
        if len(cleaned) > self.settings.max_question_chars:
            raise InvalidQuestion(f"The question is {len(cleaned)} characters long; the limit is "
                                  f"{self.settings.max_question_chars}. Shorten it and ask again.")
        if len(history) > self.settings.max_history_turns:
            raise InvalidQuestion(f"The history has {len(history)} turns; the limit is "
                                  f"{self.settings.max_history_turns}. Send only the recent turns.")
        for number, turn in enumerate(history):
            if turn.role not in ("user", "assistant"):
                raise InvalidQuestion(f"history[{number}].role is '{turn.role}'; it must be 'user' or 'assistant'.")
            if len(turn.content) > self.settings.max_turn_chars:
                raise InvalidQuestion(f"history[{number}].content is {len(turn.content)} characters long; the limit "
                                      f"is {self.settings.max_turn_chars}.")
        return cleaned

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        cleaned = self.validate(question, history)
        corpus = self.corpus  # one version answers the whole question, even if a new one is swapped in meanwhile
        resolved = resolve_history(cleaned, history, corpus).question if history else cleaned
        answer = self._answer(corpus, resolved)
        return replace(answer, question=cleaned, index_version=corpus.version)

    def _answer(self, corpus: CorpusIndex, cleaned: str) -> Answer:
        found = self.retrieve(corpus, cleaned)
        names, others = self._unknown_words(cleaned, corpus)
        unknown = names or (others if found.best_chunk < STRONG_MATCH else [])
        if unknown:
            return self._not_covered(corpus, found, unknown)
        facts = select_facts(corpus, cleaned, found.sentence_scores)
        # A short question can sit far from every passage and still name a table row exactly ("median salary in
        # London?"): a fact about a subject the question names is evidence enough.
        if found.best_chunk < self.settings.min_score and not any(m.subject_named for m in facts):
            return self._not_covered(corpus, found, unknown)
        chosen = self._choose_sentences(corpus, found)
        if not facts and not chosen:
            return self._not_covered(corpus, found, unknown)
        return self._compose(corpus, found, facts, chosen)

    def retrieve(self, corpus: CorpusIndex, question: str) -> Retrieval:
        """The best chunks by dense and lexical search fused, each with its cosine to the question."""
        query = self.embedder.embed([question])[0]
        depth = self.settings.top_k * 3
        dense = corpus.chunk_vectors.search(query, depth)
        lexical = corpus.lexical.search(question, depth) if corpus.lexical is not None else []
        fused = fuse(dense, lexical)[: self.settings.top_k]
        rows = [row for row, _ in fused]
        cosines = corpus.chunk_matrix[rows] @ query if corpus.chunk_matrix is not None and rows else []
        chunk_scores = {row: float(score) for row, score in zip(rows, cosines)}
        # Whether the corpus covers the question at all is judged by meaning: the best dense match.
        return Retrieval(question, chunk_scores, corpus.sentence_vectors @ query, dense[0][1] if dense else 0.0)

    def _unknown_words(self, question: str, corpus: CorpusIndex) -> tuple[list[str], list[str]]:
        """Words of the question that no document contains: (names, other words).

        A name (capitalised past the question's first word) the sources never mention means the question is about
        something they do not cover, however close its wording is to a covered one.
        """
        names: list[str] = []
        others: list[str] = []
        for position, token in enumerate(re.findall(r"[A-Za-z][A-Za-z0-9+#&'’-]*", question)):
            token = token.rstrip("'’-")
            forms = [f for f in words(token) if f not in STOPWORDS and len(f) > 2]
            if not forms or any(singular(f) in corpus.idf for f in forms):
                continue
            (names if position > 0 and token[:1].isupper() else others).append(token)
        return list(dict.fromkeys(names)), list(dict.fromkeys(others))

    def _choose_sentences(self, corpus: CorpusIndex, found: Retrieval) -> list[Scored]:
        scores = found.sentence_scores
        candidates = {sid for cid in found.chunk_scores for sid in corpus.sentences_by_chunk.get(cid, [])}
        top = np.argpartition(-scores, min(GLOBAL_SENTENCES, len(scores) - 1))[:GLOBAL_SENTENCES]
        candidates.update(int(i) for i in top)
        floor = min(found.chunk_scores.values(), default=0.0)
        question_terms = self._weighted_terms(corpus, found.question)
        best: dict[int, float] = {}
        for sid in candidates:
            sentence = corpus.sentences[sid]
            score = (0.5 * float(scores[sid]) + 0.5 * found.chunk_scores.get(sentence.chunk_id, floor)
                     + LEXICAL_WEIGHT * self._overlap(question_terms, sentence))
            target = self._answer_to(corpus, sentence)
            if target is not None:
                best[target.sentence_id] = max(best.get(target.sentence_id, score), score)
        scored = sorted((Scored(corpus.sentences[sid], score) for sid, score in best.items()),
                        key=lambda s: s.score, reverse=True)
        chosen: list[Scored] = []
        for candidate in scored:
            if len(chosen) == self.settings.answer_sentences or candidate.score < scored[0].score - SENTENCE_MARGIN:
                break
            vector = corpus.sentence_vectors[candidate.sentence.sentence_id]
            if any(float(vector @ corpus.sentence_vectors[c.sentence.sentence_id]) > NEAR_DUPLICATE for c in chosen):
                continue
            chosen.append(candidate)
        return chosen

    @staticmethod
    def _answer_to(corpus: CorpusIndex, sentence: Sentence) -> Sentence | None:
        """The sentence worth quoting for a match: a question in the text (an FAQ) is answered by the next one, and
        a lead-in ("... include the following:") by what follows it."""
        if sentence.kind == "heading":
            return None
        if sentence.text.rstrip().endswith(("?", ":")):
            following = sentence.sentence_id + 1
            if following < len(corpus.sentences) and corpus.sentences[following].doc_id == sentence.doc_id:
                return Advisor._answer_to(corpus, corpus.sentences[following])
            return None
        if sentence.kind != "row" and len(sentence.text.split()) < MIN_QUOTE_WORDS:
            return None
        return sentence

    @staticmethod
    def _weighted_terms(corpus: CorpusIndex, text: str) -> dict[str, float]:
        terms = {singular(w) for w in content_words(text)}
        return {t: corpus.idf.get(t, 0.0) for t in terms}

    @staticmethod
    def _overlap(question_terms: dict[str, float], sentence: Sentence) -> float:
        """Share of the question's informative words (IDF-weighted) that the sentence or its row header contains."""
        return weighted_share(question_terms, {singular(w) for w in words(sentence.text + " " + sentence.context)})

    def _compose(self, corpus: CorpusIndex, found: Retrieval, facts: list[FactMatch], chosen: list[Scored]) -> Answer:
        citations = _Citations(corpus)
        parts: list[str] = []
        uses: list[FactUse] = []
        if facts:
            values = {(m.fact.doc_id, m.fact.value) for m in facts}
            if len({doc for doc, _ in values}) > 1 and len({value for _, value in values}) > 1:
                parts.append(f"The sources give {len(facts)} figures; each is shown with its source:")
            for match in facts:
                citation = citations.cite(corpus.sentences[match.fact.sentence_id], match.score)
                parts.append(_fact_phrase(match, citation.id))
                fact = match.fact
                uses.append(FactUse(fact.subject, fact.attribute, fact.value, fact.parsed, fact.caption,
                                    fact.qualifiers, fact.source, citation))
            # Supporting passages come from where the facts stand (a table's caption), not from elsewhere.
            fact_sentences = {m.fact.sentence_id for m in facts}
            fact_chunks = {corpus.sentences[s].chunk_id for s in fact_sentences}
            chosen = [c for c in chosen if c.sentence.sentence_id not in fact_sentences
                      and c.sentence.chunk_id in fact_chunks and c.sentence.kind != "row"][:SUPPORTING_SENTENCES]
        for item in chosen:
            citation = citations.cite(item.sentence, item.score)
            parts.append(f"{_display(item.sentence)} [{citation.id}]")
        return Answer(question=found.question, resolved_question=found.question, answer=" ".join(parts), found=True,
                      citations=citations.items, facts=uses)

    def _tables_like(self, names: list[str], tables: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
        """The tables whose row labels are most like the names asked about (a city asked about: tables of cities)."""
        tables = [(measure, table[:MAX_LISTED * 2]) for measure, table in tables[:MAX_TABLES]]
        if not tables:
            return []
        subjects = [subject for _, table in tables for subject in table]
        vectors = self.embedder.embed(names + subjects)
        likeness = vectors[len(names):] @ vectors[:len(names)].T
        best_per_table: list[float] = []
        position = 0
        for _, table in tables:
            best_per_table.append(float(likeness[position:position + len(table)].max()))
            position += len(table)
        top = max(best_per_table)
        return [table for table, score in zip(tables, best_per_table) if score >= top - 0.1][:2]

    def _not_covered(self, corpus: CorpusIndex, found: Retrieval, unknown: list[str]) -> Answer:
        titles = sorted({d.title for d in corpus.documents.values()})
        if unknown:
            opening = f"The sources do not mention {', '.join(unknown)}, so I cannot answer that from them."
        else:
            opening = "The sources do not cover that question, so I cannot answer it from them."
        tables = self._tables_like(unknown, covered_tables(corpus, found.question, found.sentence_scores)) if unknown else []
        if tables:
            hint = "".join(f" They give {measure} for: {'; '.join(subjects[:MAX_LISTED])}"
                           f"{f' and {len(subjects) - MAX_LISTED} more' if len(subjects) > MAX_LISTED else ''}."
                           for measure, subjects in tables)
        else:
            hint = f" They cover: {'; '.join(titles[:8])}."
            nearby = list(dict.fromkeys(corpus.chunks[cid].section for cid in list(found.chunk_scores)[:3]))
            if nearby and not unknown:
                hint += f" The closest sections are: {'; '.join(nearby)}."
        return Answer(question=found.question, resolved_question=found.question, answer=opening + hint, found=False)
