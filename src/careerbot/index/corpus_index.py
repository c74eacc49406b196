"""The loaded index version every question is answered from: CorpusIndex, the one read model of the answer stage
(built by index/load.py), and its spelling look-ups.

It names the types of its parts (the vector and BM25 indexes, the manifest, the gazetteer) for type checkers only:
the answer stage reads a CorpusIndex without loading the code that builds or searches those parts."""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from careerbot.records import Chunk, Document, Fact, Sentence
from careerbot.text.places import place_of
from careerbot.text.terms import STOPWORDS, in_dictionary, name_key

if TYPE_CHECKING:
    from careerbot.index.lexical import LexicalIndex
    from careerbot.index.store import Manifest
    from careerbot.index.vectors import SentenceIndex, VectorIndex
    from careerbot.text.places import Gazetteer


SHORT_SLIP = 6  # a word this short is mistyped by one letter at most


@dataclass(frozen=True, kw_only=True)
class CorpusIndex:
    """Everything a question is answered from; loaded whole from one version and never changed afterwards."""

    version: str
    manifest: Manifest
    documents: dict[str, Document]
    chunks: list[Chunk]
    sentences: list[Sentence]
    chunk_vectors: VectorIndex
    sentence_vectors: np.ndarray
    facts: list[Fact]
    acronyms: dict[str, str]  # "ml" -> "machine learning", as the corpus defines them
    sentences_by_chunk: dict[int, list[int]]
    idf: dict[str, float]  # over sentences, of singular word forms: the vocabulary
    facts_by_sentence: dict[int, list[int]]
    facts_by_word: dict[str, list[int]]  # subject word -> facts whose subject has it (of its shortest subjects)
    facts_by_name: dict[frozenset[str], list[int]]  # the words of a subject's name -> its facts
    facts_by_table: dict[tuple[str, int], list[int]]
    facts_by_measure: dict[tuple[str, str, str | None], list[int]]  # (column, kind, unit) -> figures under it
    chunk_matrix: np.ndarray  # the chunk vectors, for scoring chunks that lexical search found
    lexical: LexicalIndex  # BM25 over the chunks, built at load
    subject_names: dict[str, str]  # name_key -> fact subject name, for follow-ups
    vocabulary: frozenset[str]  # every word form of the corpus: as written, singular and lemma
    gazetteer: Gazetteer  # the places the facts name, by every name they go by
    source_names: dict[str, str]  # a source's name (lower case) -> as written
    spelling: Spelling  # typos and clipped words
    median_idf: float  # words rarer than this are names and specific terms, not the corpus's common words
    sentences_by_word: dict[str, list[int]]  # rare word -> sentences that use it
    max_idf: float  # the rarest word's: what a word the corpus never uses weighs
    subjects_by_initials: dict[str, set[str]]  # "mle" -> {"Machine Learning Engineer"}
    other_names: dict[str, str]  # name_key of a name a document says its subject is also called -> its title
    titles: tuple[str, ...]  # the documents' titles, sorted
    compounds: dict[str, str]  # a hyphenated word by its letters run together ("ecommerce") -> as written
    sentence_index: SentenceIndex | None  # nearest sentences to a question (None: a version written without one)
    name_pairs: frozenset[tuple[str, str]] = frozenset()  # two words that follow one another in a subject's name
    pages: dict[str, str] = field(default_factory=dict)  # doc_id -> title, of documents about one named subject
    shared: frozenset[str] = frozenset()  # sentences many documents say word for word (a template's, not theirs)
    shared_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a name several pages list -> titles
    short_forms: dict[str, str] = field(default_factory=dict)  # "auto" -> "automotive", as names are listed both ways

    @cached_property
    def _title_keys(self) -> frozenset[str]:
        return frozenset(name_key(re.findall(r"[A-Za-z][\w'-]*", title)) for title in self.titles)

    @cached_property
    def name_keys(self) -> tuple[tuple[str, ...], ...]:
        """The words of every subject's name, title and other name (singular, lower case), in a fixed order: the
        places `names_by_word` gives."""
        return tuple(tuple(key.split()) for key in {*self.subject_names, *self.other_names, *self._title_keys})

    @cached_property
    def chunks_by_doc(self) -> dict[str, tuple[int, ...]]:
        """Each document's chunks, by their place in `chunks`."""
        by_doc: dict[str, list[int]] = {}
        for position, chunk in enumerate(self.chunks):
            by_doc.setdefault(chunk.doc_id, []).append(position)
        return {doc_id: tuple(positions) for doc_id, positions in by_doc.items()}

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of a subject's name, a title, or another name a document gives its subject: singular, lower
        case."""
        return frozenset(word for key in self.name_keys for word in key)

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every word of a document's title: singular, lower case."""
        return frozenset(word for key in self._title_keys for word in key.split())

    @cached_property
    def names_apart(self) -> frozenset[tuple[str, str]]:
        """Each two words that follow one another in one of those names."""
        return frozenset(pair for key in self.name_keys for pair in zip(key, key[1:], strict=False))

    @cached_property
    def names_by_word(self) -> dict[str, frozenset[int]]:
        """Each word of those names (a hyphenated one by its parts too: "speech" of "Speech-Language") -> the
        names that hold it, by their place in `name_keys`."""
        holding: dict[str, set[int]] = {}
        for position, key in enumerate(self.name_keys):
            for word in key:
                for part in {word, *word.split("-")}:
                    holding.setdefault(part, set()).add(position)
        return {word: frozenset(positions) for word, positions in holding.items()}

    @cached_property
    def paid_heads(self) -> frozenset[str]:
        """The last word of the name of each subject paid a sum ("engineer" of "Data Engineer", "nurse"): the kinds
        of worker the figures are about (no place's row, nor a span of years in brackets)."""
        keys = (name_key(re.findall(r"[A-Za-z][\w'-]*", re.sub(r"\([^)]*\)", "", fact.subject)))
                for fact in self.facts if fact.parsed.kind == "money" and place_of(fact.subject) is None)
        return frozenset(key.split()[-1] for key in keys if len(key.split()) >= 2)

    @property
    def rare_idf(self) -> float:
        """Words rarer than this (in under 3 sentences, or under 1 in 2,000 of a large corpus) name something
        specific: a question about one that the evidence never uses is about something else."""
        count = max(len(self.sentences), 1)
        return math.log(1 + count / max(3.0, count / 2000))

    def clipped_words(self, short: str) -> list[str]:
        """Every word of the corpus a clipped form may stand for ("mgr": manager, ...), the likeliest first."""
        return self.spelling.clipped_all(short)

    def closest_word(self, word: str) -> str | None:
        """The corpus word a misspelt one most likely means (enginer -> engineer), or None."""
        return self.spelling.closest(word)

    def clipped_word(self, short: str) -> str | None:
        """The corpus's most common word that a clipped form opens and runs through (eng -> engineer,
        lvl -> level, mgmt -> management), or None."""
        return self.spelling.clipped(short)


def slip(typed: str, meant: str) -> int:
    """How likely a slip of the keyboard turned `meant` into `typed`: a letter left out or two swapped (0) before a
    wrong letter (1) before an extra one (2): "wich" is "which" before "with"; an extra letter that repeats the
    one before it is a key struck twice (0)."""
    if len(meant) == len(typed) + 1 or (len(meant) == len(typed) and sorted(meant) == sorted(typed)):
        return 0
    if len(typed) == len(meant) + 1 and any(typed[i] == typed[i - 1] and typed[:i] + typed[i + 1:] == meant
                                            for i in range(1, len(typed))):
        return 0  # a key struck twice: "carreer" is "career" before "carrier"
    return 1 if len(meant) == len(typed) else 2


SOUNDS_CUTOFF = 70  # how like a word's letters one spelt as it sounds may be ("fisician", "physician": 70.6)


def sounds_alike(word: str, other: str) -> bool:
    """Whether two English words sound the same by their Metaphone keys ("farmacist", "pharmacist")."""
    import jellyfish

    return jellyfish.metaphone(word) == jellyfish.metaphone(other)


def confusable(word: str, other: str) -> bool:
    """Two English words told apart only by letters near their end ("principle" for "principal", "stationery"
    for "stationary"): the one the corpus uses was meant."""
    shared = len(os.path.commonprefix([word, other]))
    return len(word) >= 7 and len(other) == len(word) and shared >= max(6, len(word) - 3)


class Spelling:
    """Look-ups of misspelt and clipped words against one version's vocabulary, remembered per word."""

    def __init__(self, vocabulary: frozenset[str], idf: dict[str, float]) -> None:
        self._words = tuple(sorted(w for w in vocabulary if len(w) >= 4 and w.isalpha()))
        self._short = tuple(sorted({w for w in self._words if len(w) <= 5}
                                   | {w for w in STOPWORDS if 3 <= len(w) <= 5}))
        self._idf = idf
        self._closest: dict[str, str | None] = {}
        self._clipped: dict[str, list[str]] = {}

    def closest(self, word: str) -> str | None:
        if word not in self._closest:
            from rapidfuzz import fuzz, process
            from rapidfuzz.distance import OSA

            if len(word) == 4:
                # A four-letter slip is one swapped, wrong, missing or extra letter ("waht", "lern"), against the
                # corpus's words and the language's function words; the most common such word wins.
                near = [w for w in self._short if OSA.distance(word, w) == 1]
                self._closest[word] = min(near, key=lambda w: (slip(word, w), self._idf.get(w, 0.0))) \
                    if near else None
            else:
                # 80: one wrong, missing or extra letter in a word of five or more ("salery", "enginer"), not
                # another word ("unicorn" is 71 from "uniform"); of several, two letters swapped or one left out
                # before a wrong letter ("kears" is "keras", not "years"), then the most common.
                # A slip keeps the first letter, or swaps the first two: "farrier" is not "carrier" mistyped. A
                # word spelt as it sounds may not ("flebotomist": phlebotomist, by their Metaphone keys).
                close = [w for w, _, _ in process.extract(word, self._words, scorer=fuzz.ratio, score_cutoff=80,
                                                          limit=None)
                         if (w[0] == word[0] or (w[:2] == word[1::-1] and len(word) > 1) or sounds_alike(word, w))
                         and (len(word) > SHORT_SLIP or OSA.distance(word, w) <= 1 or sounds_alike(word, w))]
                # (a short word two letters off is another word: "pctile" is not "pile" but percentile clipped)
                close = close or [w for w, _, _ in process.extract(word, self._words, scorer=fuzz.ratio,
                                                                   score_cutoff=SOUNDS_CUTOFF, limit=None)
                                  if sounds_alike(word, w) and w[-1] == word[-1]]  # ("fisician": physician; a word
                # spelt as it sounds ends as it does: "cuddler" is no "cutlery")
                best = min(close, key=lambda w: (OSA.distance(word, w), slip(word, w), self._idf.get(w, 0.0))) \
                    if close else None
                # a word the language knows is no slip for a wrong or extra letter ("esports" is not "escorts"),
                # unless the two differ only near their end ("principle", "principal"); a letter left out or two
                # swapped still is ("positons")
                self._closest[word] = None if best is not None and slip(word, best) and in_dictionary(word) \
                    and not confusable(word, best) else best
        return self._closest[word]

    def clipped(self, short: str) -> str | None:
        found = self.clipped_all(short)
        return found[0] if found else None

    def clipped_all(self, short: str) -> list[str]:
        """Every word a clipped form opens and runs through, the likeliest first."""
        if short not in self._clipped:
            pattern = re.compile(short[0] + "".join(f"[a-z]*{re.escape(c)}" for c in short[1:]))
            found = [w for w in self._words if w[0] == short[0] and len(w) > len(short) and pattern.match(w)
                     and (w.startswith(short) or len(short) >= 3)]
            # four letters or more: the word's opening letters before letters picked through it ("lang":
            # language, not learning); fewer ("wat") are too few to tell
            self._clipped[short] = sorted(found, key=lambda w: (len(short) >= 4 and not w.startswith(short),
                                                                self._idf.get(w, 99.0)))
        return self._clipped[short]


