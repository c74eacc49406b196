"""A question (and its history) -> an Answer composed of retrieved facts and sentences, each cited to its text."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import replace

from careerbot.answer.compose import (
    comparison_verdict,
    fact_sentence,
    not_said,
    ranking_sentence,
)
from careerbot.answer.conversation import resolve_history
from careerbot.answer.evidence import (
    Retrieval,
    Scored,
    choose_sentences,
    from_source,
    lexical_cover,
    states_answer,
)
from careerbot.answer.fact_kinds import (
    compare_facts,
    covered_tables,
    rank_facts,
    wh_facts,
)
from careerbot.answer.facts import FactMatch, score_facts, select_facts
from careerbot.answer.pointers import display, is_pointer, render_block
from careerbot.answer.query import Query
from careerbot.answer.understand import phrase_around as _phrase
from careerbot.answer.understand import understand
from careerbot.config import Settings
from careerbot.errors import CareerbotError, InvalidQuestion
from careerbot.index.embedding import Embedder
from careerbot.index.lexical import fuse
from careerbot.index.store import (
    VERSIONS,
    CorpusIndex,
    check_model,
    current_version,
    load_version,
    read_manifest,
)
from careerbot.records import Answer, Citation, Fact, FactUse, Sentence, Turn
from careerbot.text.terms import (
    LEVEL_PATTERNS,
    lemma,
    levels,
    singular,
    term_set,
    words,
)

FULL_COVER = 0.8  # a short question whose rare words one quoted sentence nearly all holds is covered ("what's a GAN?")
STRONG_MATCH = 0.5  # above this, a question with a word the sources lack is still answered (a typo, a synonym)
SUPPORTING_SENTENCES = 2  # passages quoted after the facts of a figure answer
MAX_LISTED = 12  # subjects named in a "not covered" answer, per table
MAX_TABLES = 6  # tables compared with a name the sources lack


class _Citations:
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


def _joined(answers: list[Answer]) -> Answer:
    """Answers to the parts of a double question as one, their citations renumbered in order."""
    text: list[str] = []
    citations: list[Citation] = []
    facts: list[FactUse] = []
    for answer in answers:
        offset = len(citations)
        renumbered = {c.id: replace(c, id=c.id + offset) for c in answer.citations}
        text.append(re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", answer.answer))
        citations.extend(renumbered.values())
        facts.extend(replace(f, citation=renumbered[f.citation.id]) for f in answer.facts)
    return replace(answers[0], answer=" ".join(text), found=any(a.found for a in answers), citations=citations,
                   facts=facts)


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

    def ask(self, question: str, history: Sequence[Turn] = (), explain: bool = False) -> Answer:
        cleaned = self.validate(question, history)
        corpus = self.corpus  # one version answers the whole question, even if a new one is swapped in meanwhile
        resolved = resolve_history(cleaned, history, corpus).question if history else cleaned
        query = understand(resolved, corpus)
        notes: list[str] = []
        if len(query.parts) > 1:  # "..., and which ...?": each question answered on its own, in order
            notes.append(f"{len(query.parts)} questions in one: " + " | ".join(query.parts))
            answer = _joined([self._answer(corpus, understand(part, corpus), notes) for part in query.parts])
        else:
            answer = self._answer(corpus, query, notes)
        details = {"query": query.describe(), "steps": notes} if explain else None
        return replace(answer, question=cleaned, resolved_question=resolved, index_version=corpus.version,
                       explain=details)

    def _answer(self, corpus: CorpusIndex, query: Query, notes: list[str]) -> Answer:
        found = self.retrieve(corpus, query.search_text)
        notes.append(f"retrieval: best passage cosine {found.best_chunk:.3f}; passages "
                     + "; ".join(f"{corpus.chunks[c].doc_id}#{corpus.chunks[c].section}" for c in
                                 list(found.chunk_scores)[:3]))
        weak = found.best_chunk < STRONG_MATCH
        about = query.kind in ("figure", "duties", "definition", "ranking", "comparison")
        # Only what the question is about can make it uncovered: a name, a real place, or a noun of its subject.
        missing = list(query.missing_places) + [w for w in query.missing if w[:1].isupper() or about or weak]
        if missing:
            notes.append(f"not covered: the sources never use {', '.join(missing)}")
            return self._not_covered(corpus, found, missing)
        facts = [] if query.kind in ("howto", "duties") else select_facts(
            corpus, query.text, found.sentence_scores, query.kind in ("figure", "ranking", "comparison"),
            tuple(m.text for m in query.subjects if m.role == "subject"))
        if query.sources:  # "according to Glassdoor": that source's figures, when it gives any
            facts = [m for m in facts if from_source(corpus, query.sources, m.fact.doc_id,
                                                     f"{m.fact.quote} {' '.join(m.fact.qualifiers)}")] or facts
        notes.extend(f"fact {m.fact.subject} / {m.fact.attribute} = {m.fact.value} ({m.score:.3f})" for m in facts)
        chosen = choose_sentences(corpus, found, self.settings.answer_sentences, query)
        if query.sources:
            chosen = sorted(chosen, key=lambda c: not from_source(corpus, query.sources, c.sentence.doc_id,
                                                                  c.sentence.text))
        stated = query.kind == "ranking" and self._stated(query, chosen)
        if stated:
            notes.append("the text states the superlative itself: quoted, not ranked")
            facts = []
        if query.kind == "ranking" and not stated:
            ranked = rank_facts(corpus, query, found.sentence_scores)
            if ranked:
                notes.append(f"ranking over {ranked[1]} figures of '{ranked[0][0].fact.attribute}'")
                return self._compose_ranking(corpus, query, ranked[0], ranked[1])
        named_in_text = bool(chosen) and lexical_cover(corpus, query, chosen[0]) >= FULL_COVER
        if found.best_chunk < self.settings.min_score and not any(m.subject_named for m in facts) \
                and not named_in_text:
            notes.append(f"not covered: best passage below {self.settings.min_score}")
            return self._not_covered(corpus, found, [])
        if query.kind == "comparison" and query.asks_figure:
            compared = compare_facts(corpus, query, found.sentence_scores)
            if compared:
                notes.append("comparison: " + "; ".join(f"{name}: {len(ms)} figures" for name, ms in compared))
                return self._compose_comparison(corpus, found, compared)
        facts, missing_combination = self._facts_for_place_and_level(query, facts, corpus, found)
        if missing_combination:
            notes.append(f"no figure for {missing_combination}; nearest figures shown as such")
            return self._compose(corpus, found, facts, [], lead=f"The sources give no {missing_combination}."
                                 + (" What they give for the nearest case:" if facts else ""), found_answer=False)
        unlisted = self._unlisted_subject(corpus, query, facts, chosen)
        if unlisted:
            notes.append(f"the facts found are not about {unlisted}: a near miss, not an answer")
            return self._compose(corpus, found, facts[:MAX_LISTED // 2], [], found_answer=False,
                                 lead=f"The sources give no figure for {unlisted}. What they give:")
        if query.kind == "wh" and not facts:
            facts = wh_facts(corpus, query, found.sentence_scores)
        notes.extend(f"sentence {c.score:.3f} {c.why}: {c.sentence.text[:90]}" for c in chosen)
        if query.kind == "wh" and not facts:
            stating = [c for c in chosen if states_answer(query, c.sentence)]
            if not stating:
                subject = query.subjects[-1].text if query.subjects else ""
                notes.append(f"no chosen sentence states the {query.wh} asked for")
                return self._compose(corpus, found, [], chosen[:1], found_answer=False,
                                     lead=not_said(query.text, query.wh, subject) + " The closest passage:")
            chosen = stating + [c for c in chosen if c not in stating]
        if not facts and not chosen:
            return self._not_covered(corpus, found, [])
        return self._compose(corpus, found, facts, chosen)

    @staticmethod
    def _stated(query: Query, chosen: list[Scored]) -> bool:
        """Whether the text states the superlative itself ("The minimum education level ... is a master's degree"):
        then it is quoted, not computed from a table."""
        phrase = re.search(r"\b(?:most|least|highest|lowest|minimum|maximum|best|top)\s+\w+", query.text, re.I)
        if phrase is None:
            return False
        return any(phrase.group(0).lower() in c.sentence.text.lower() for c in chosen[:2])

    @staticmethod
    def _unlisted_subject(corpus: CorpusIndex, query: Query, facts: list[FactMatch], chosen: list[Scored]) -> str:
        """A name or year a figure question asks about that none of the evidence found is about or even mentions
        ("How many open positions does IBM have?" answered by a table without IBM)."""
        if not query.asks_figure or not (facts or chosen):
            return ""
        said = " ".join(f"{m.fact.subject} {m.fact.quote} {' '.join(m.fact.qualifiers)} {m.fact.title} "
                        f"{m.fact.caption}" for m in facts) if facts else \
            " ".join(f"{c.sentence.text} {c.sentence.section} {corpus.documents[c.sentence.doc_id].title}"
                     for c in chosen[:1])
        said = said.lower().replace("’", "'")
        places = {w.lower() for p in query.places for w in p.text.split()}
        names = [m.text for m in query.subjects if m.role == "name"]
        names += [w for w in re.findall(r"\b[A-Z]{2,5}\b", query.text)
                  if w.lower() not in corpus.acronyms and w.lower() not in places]
        if facts:  # a rare word of the subject asked about that the figure's source never uses ("quantum plumber")
            source = facts[0].fact
            # the whole source document, its other names ("Also called: Deep Sea Diver") included
            bundle = set(term_set(f"{said} {corpus.documents[source.doc_id].text}"))
            bundle |= {lemma(w) for w in bundle}
            levelled = {w for pattern, _ in LEVEL_PATTERNS for m in pattern.finditer(query.text) for w in words(m.group(0))}
            for word in query.topic:
                if len(word) > 3 and corpus.idf.get(singular(word), 0.0) > corpus.rare_idf and word not in levelled \
                        and not ({singular(word), lemma(word)} & bundle) and word not in corpus.acronyms:
                    return _phrase(query.text, word)
        if any(m.subject_named for m in facts):
            return ""
        for name in names:
            if name.lower().replace("’", "'") in said or name.lower() in places:
                continue
            whole = re.search(rf"{re.escape(name)}(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&.-]*)*", query.text)
            return whole.group(0) if whole else name
        return ""

    @staticmethod
    def _facts_for_place_and_level(query: Query, facts: list[FactMatch], corpus: CorpusIndex,
                                   found: Retrieval) -> tuple[list[FactMatch], str]:
        """Facts for the place the question names, at the level it names. When the sources have the place but not
        at that level (a senior figure for Boston), the place's figures come back with what is missing."""
        if not query.places or not facts:
            return facts, ""
        spellings = {s.lower() for place in query.places for s in place.known_as}
        cities = {s.split(",")[0] for s in spellings}

        def at_place(fact: Fact) -> bool:
            labels = [fact.subject.lower(), *(q.lower() for q in fact.qualifiers)]
            return any(label in spellings or label.split(",")[0] in cities for label in labels)

        located = [m for m in facts if at_place(m.fact)]
        if not located:  # the best figures are not the place's: its own, if the sources have any
            placed = [m for m in score_facts(corpus, query.text, found.sentence_scores) if at_place(m.fact)]
            # A row about the place ("Seattle, WA") before a row merely stated there (a company in Redmond, WA).
            placed.sort(key=lambda m: (m.fact.subject.lower() not in spellings, -m.score))
            located = [m for m in placed if m.fact.sentence_id == placed[0].fact.sentence_id] if placed else []
        if not located:
            return facts, ""
        place = query.places[0].known_as[0] if len(query.places[0].known_as) == 1 else query.places[0].text
        place_words = {w.lower() for p in query.places for w in words(f"{p.text} {' '.join(p.known_as)}")}
        asked = [w for w in query.topic if w not in place_words and not levels(w)]
        source = term_set(corpus.documents[located[0].fact.doc_id].text)
        if asked and not any({singular(w), lemma(w)} & source or w in corpus.acronyms for w in asked):
            # the place's figures are about something else ("electricians in Texas" vs ML engineers in Austin)
            others = [m for m in facts if not at_place(m.fact)]
            return others, f"figure for {_phrase(query.text, asked[0])} in {query.places[0].text}"
        if query.levels:
            levelled = [m for m in located if set(query.levels) & set(levels(" ".join(m.fact.qualifiers)))]
            if not levelled:
                return located, f"{' and '.join(query.levels)} figure for {place}"
            located = levelled
        statistic = {"avg": "average", "mean": "average"}.get(query.statistic, query.statistic)
        if statistic in ("median", "average"):
            def states(match: FactMatch) -> set[str]:
                said = f"{match.fact.attribute} {' '.join(match.fact.qualifiers)}".lower().replace("mean", "average")
                return {word for word in ("median", "average") if word in said}
            if all(states(m) and statistic not in states(m) for m in located):
                return located, f"{statistic} figure for {place}"
        return located, ""

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

    def _compose(self, corpus: CorpusIndex, found: Retrieval, facts: list[FactMatch], chosen: list[Scored],
                 lead: str = "", found_answer: bool = True) -> Answer:
        citations = _Citations(corpus)
        parts: list[str] = [lead] if lead else []
        uses: list[FactUse] = []
        seen: set[tuple[str, str]] = set()
        facts = [m for m in facts if (m.fact.doc_id, m.fact.value) not in seen
                 and not seen.add((m.fact.doc_id, m.fact.value))]  # type: ignore[func-returns-value]
        for number, match in enumerate(facts):
            if number == 1 and match.fact.doc_id != facts[0].fact.doc_id:
                parts.append("Another source gives:" if len({m.fact.doc_id for m in facts}) == 2
                             else "Other sources give:")
            citation, use = citations.cite_fact(match)
            uses.append(use)
            if number > 0 and match.fact.sentence_id == facts[0].fact.sentence_id:
                continue  # the other cells of the lead row are in the facts table, not repeated as sentences
            if match.fact.source == "prose" and match.fact.subject.lower() in match.fact.quote.lower():
                # the source's own sentence, with the source named (a figure under its heading gets a sentence)
                parts.append(f"{display(corpus.sentences[match.fact.sentence_id])} (“{match.fact.title}”) "
                             f"[{citation.id}]")
            else:
                parts.append(fact_sentence(match.fact, citation.id))
        if facts:
            # Supporting passages come from where the facts stand (a table's caption), not from elsewhere.
            fact_sentences = {m.fact.sentence_id for m in facts}
            fact_chunks = {corpus.sentences[s].chunk_id for s in fact_sentences}
            chosen = [c for c in chosen if c.sentence.sentence_id not in fact_sentences
                      and c.sentence.chunk_id in fact_chunks and c.sentence.kind not in ("row", "block")
                      and not is_pointer(c.sentence)
                      and not any(m.fact.quote == c.sentence.text for m in facts)][:SUPPORTING_SENTENCES]
        for item in chosen:
            citation = citations.cite(item.sentence, item.score)
            parts.append(f"{render_block(corpus, item.sentence)} [{citation.id}]")
        return Answer(question=found.question, resolved_question=found.question, answer=" ".join(parts),
                      found=found_answer, citations=citations.items, facts=uses)

    def _compose_ranking(self, corpus: CorpusIndex, query: Query, ranked: list[FactMatch], total: int) -> Answer:
        citations = _Citations(corpus)
        marked = []
        uses = []
        for position, match in enumerate(ranked):
            citation, use = citations.cite_fact(match)
            marked.append((match.fact, citation.id))
            if position < (query.top_n or (len(ranked) if query.plural else 1)):  # the figures asked for; the
                # rest of the order is cited in the text
                uses.append(use)
        text = ranking_sentence(marked, query.direction, total)
        return Answer(question=query.text, resolved_question=query.text, answer=text, found=True,
                      citations=citations.items, facts=uses)

    def _compose_comparison(self, corpus: CorpusIndex, found: Retrieval,
                            compared: list[tuple[str, list[FactMatch]]]) -> Answer:
        citations = _Citations(corpus)
        parts: list[str] = []
        uses: list[FactUse] = []
        leads: list[tuple[FactMatch, int]] = []
        for name, matches in compared:
            if not matches:
                parts.append(f"The sources give no figure for {name}.")
                continue
            for number, match in enumerate(matches):
                citation, use = citations.cite_fact(match)
                uses.append(use)
                parts.append(fact_sentence(match.fact, citation.id))
                if number == 0:
                    leads.append((match, citation.id))
        verdict = comparison_verdict([(m.fact, marker) for m, marker in leads])
        if verdict:
            parts.insert(0, verdict)
        return Answer(question=found.question, resolved_question=found.question, answer=" ".join(parts),
                      found=any(matches for _, matches in compared), citations=citations.items, facts=uses)

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
