"""A question (and its history) -> an Answer composed of retrieved sentences, each cited to its exact text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from careerbot.config import Settings
from careerbot.documents import Answer, Chunk, Citation, Sentence, Turn
from careerbot.embedding import Embedder
from careerbot.errors import InvalidQuestion
from careerbot.store import CorpusIndex, load_version
from careerbot.terms import STOPWORDS, content_words, singular, words

GLOBAL_SENTENCES = 24  # best sentences taken from the whole corpus, beside those of the best chunks
NEAR_DUPLICATE = 0.92  # sentences this similar to one already chosen add nothing
SENTENCE_MARGIN = 0.12  # a sentence scoring this far below the best one is not worth quoting
MIN_QUOTE_WORDS = 4
STRONG_MATCH = 0.5
LEXICAL_WEIGHT = 0.15  # how much sharing the question's rare words (a city, a tool) lifts a sentence  # above this, a question with a word the sources lack is still answered (a typo, a synonym)


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float


def _display(sentence: Sentence) -> str:
    text = " ".join(sentence.text.split())
    return f"{' '.join(sentence.context.split())}: {text}" if sentence.context else text


class Advisor:
    """Answers questions from one loaded index version; cheap to call from many threads at once."""

    def __init__(self, settings: Settings, embedder: Embedder, corpus: CorpusIndex) -> None:
        self.settings = settings
        self.embedder = embedder
        self.corpus = corpus

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder) -> "Advisor":
        from careerbot.store import check_model

        corpus = load_version(settings.index_dir)
        check_model(corpus.manifest, embedder.name, embedder.fingerprint)
        return cls(settings, embedder, corpus)

    def validate(self, question: str, history: Sequence[Turn]) -> str:
        cleaned = " ".join(question.split()) if isinstance(question, str) else ""
        if not cleaned:
            raise InvalidQuestion("The question is empty: type a question, for example "
                                  "'What skills does this job need?'")
        if len(cleaned) > self.settings.max_question_chars:
            raise InvalidQuestion(f"The question is {len(cleaned)} characters long; the limit is "
                                  f"{self.settings.max_question_chars}. Shorten it and ask again.")
        return cleaned

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        cleaned = self.validate(question, history)
        corpus = self.corpus  # one version answers the whole question, even if a new one is swapped in meanwhile
        query = self.embedder.embed([cleaned])[0]
        chunk_hits = corpus.chunk_vectors.search(query, self.settings.top_k)
        names, others = self._unknown_words(cleaned, corpus)
        best = chunk_hits[0][1] if chunk_hits else 0.0
        unknown = names or (others if best < STRONG_MATCH else [])
        if unknown or best < self.settings.min_score:
            return self._not_covered(cleaned, corpus, chunk_hits, unknown)
        chosen = self._choose_sentences(corpus, cleaned, query, dict(chunk_hits))
        if not chosen:
            return self._not_covered(cleaned, corpus, chunk_hits, unknown)
        return self._compose(cleaned, corpus, chosen)

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
            if not forms or any(f in corpus.vocabulary or singular(f) in corpus.vocabulary for f in forms):
                continue
            (names if position > 0 and token[:1].isupper() else others).append(token)
        return list(dict.fromkeys(names)), list(dict.fromkeys(others))

    def _choose_sentences(self, corpus: CorpusIndex, query_text: str, query: np.ndarray,
                          chunk_scores: dict[int, float]) -> list[Scored]:
        candidates: set[int] = {sid for cid in chunk_scores for sid in corpus.sentences_by_chunk.get(cid, [])}
        sentence_scores = corpus.sentence_vectors @ query
        top = np.argpartition(-sentence_scores, min(GLOBAL_SENTENCES, len(sentence_scores) - 1))[:GLOBAL_SENTENCES]
        candidates.update(int(i) for i in top)
        floor = min(chunk_scores.values(), default=0.0)
        question_terms = self._weighted_terms(corpus, query_text)
        best: dict[int, float] = {}
        for sid in candidates:
            sentence = corpus.sentences[sid]
            score = (0.5 * float(sentence_scores[sid]) + 0.5 * chunk_scores.get(sentence.chunk_id, floor)
                     + LEXICAL_WEIGHT * self._overlap(corpus, question_terms, sentence))
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
        """The sentence worth quoting for a match: a question in the text (an FAQ) is answered by the next one."""
        if sentence.kind == "heading":
            return None
        if sentence.text.rstrip().endswith("?"):
            following = sentence.sentence_id + 1
            if following < len(corpus.sentences) and corpus.sentences[following].doc_id == sentence.doc_id:
                return Advisor._answer_to(corpus, corpus.sentences[following]) if corpus.sentences[following].kind != "heading" else None
            return None
        if sentence.kind != "row" and len(sentence.text.split()) < MIN_QUOTE_WORDS:
            return None
        return sentence

    @staticmethod
    def _weighted_terms(corpus: CorpusIndex, text: str) -> dict[str, float]:
        terms = {singular(w) for w in content_words(text)}
        return {t: corpus.idf.get(t, 0.0) for t in terms}

    @staticmethod
    def _overlap(corpus: CorpusIndex, question_terms: dict[str, float], sentence: Sentence) -> float:
        """Share of the question's informative words (IDF-weighted) that the sentence or its row header contains."""
        total = sum(question_terms.values())
        if total <= 0:
            return 0.0
        present = {singular(w) for w in words(sentence.text + " " + sentence.context)}
        return sum(weight for term, weight in question_terms.items() if term in present) / total

    def _compose(self, question: str, corpus: CorpusIndex, chosen: list[Scored]) -> Answer:
        citations: list[Citation] = []
        parts: list[str] = []
        for number, item in enumerate(chosen, start=1):
            sentence = item.sentence
            chunk: Chunk = corpus.chunks[sentence.chunk_id]
            citations.append(Citation(id=number, doc_id=sentence.doc_id, title=chunk.title, section=chunk.section,
                                      text=chunk.text, quote=sentence.text, start=sentence.start, end=sentence.end,
                                      score=round(item.score, 4)))
            parts.append(f"{_display(sentence)} [{number}]")
        return Answer(question=question, resolved_question=question, answer=" ".join(parts), found=True,
                      citations=citations)

    def _not_covered(self, question: str, corpus: CorpusIndex, chunk_hits: list[tuple[int, float]],
                     unknown: list[str]) -> Answer:
        titles = sorted({d.title for d in corpus.documents.values()})
        if unknown:
            opening = f"The sources do not mention {', '.join(unknown)}, so I cannot answer that from them."
        else:
            opening = "The sources do not cover that question, so I cannot answer it from them."
        hint = f" They cover: {'; '.join(titles[:8])}."
        nearby = list(dict.fromkeys(corpus.chunks[cid].section for cid, _ in chunk_hits[:3]))
        if nearby and not unknown:
            hint += f" The closest sections are: {'; '.join(nearby)}."
        return Answer(question=question, resolved_question=question, answer=opening + hint, found=False)
