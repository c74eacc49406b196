"""What flows between the answer stages. A question understood once (Query: its kind, what it names, what it
measures, the words the corpus lacks), built by `understand`; every later stage (retrieval, evidence, facts,
composition) reads its fields instead of tokenising the question again. What retrieval found for it (Retrieval),
the sentences chosen (Scored) and the facts matched (FactMatch). And phrase_around, the one reading of a question's
words that several stages share."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np

from careerbot.records import Fact, Sentence
from careerbot.text.terms import STOPWORDS, parts_of_speech

QueryKind = Literal["figure", "list", "ranking", "comparison", "definition", "duties", "howto", "yesno", "wh",
                    "other"]

FIGURE_WORDS = re.compile(r"\b(?:how (?:much|many|common|prevalent|widespread|likely)|"
                          r"how (?:fast|quickly)(?=[^?]*\b(?:grow|expand|increas|ris[ei]))|"  # a rate of growth
                          r"what (?:share|percent(?:age)?|proportion|fraction|portion|ratio|number)|number of|"
                          r"percent(?:age)?|per cent|share of|portion of|salar(?:y|ies)|pay(?:s|ing)?|paid|wages?|"
                          r"earn(?:s|ings|ers?)?|makes?|"
                          r"income|comp(?:ensation)?|openings|positions|growth rate|rate|percentile|median)\b", re.I)

# "which US city ...", "which states ...": a question asking which places (English).
WHICH_PLACE = re.compile(r"\bwhich\s+(?:[\w.]+\s+)?(?:city|cities|state|states|location|locations|place|places|"
                         r"metro|region|regions)\b", re.I)

# A time unit after "make" or "paid" still asks a figure ("make a year", "paid per hour").
_PER_TIME = re.compile(r"^\s*(?:(?:a|an|per|each|every)\s+)?(?:year|month|week|day|hour)s?\b", re.I)
_AFTER_VERB = re.compile(r"^\s*([A-Za-z][\w'’-]*)")


def asks_figure(text: str) -> bool:
    """Whether a question asks for a figure: "How much do ML engineers make?", not "How do I make a portfolio?" nor
    "free or paid courses?": "make" and "paid" followed by an object (a determiner, a pronoun, a noun) are not pay,
    unless a time unit follows ("make a year")."""
    for match in FIGURE_WORDS.finditer(text):
        word = match.group(0).lower()
        if word not in ("make", "makes", "paid", "pay"):
            return True
        rest = text[match.end():]
        if _PER_TIME.match(rest):
            return True
        after = _AFTER_VERB.match(rest)
        if after is None:
            return True
        following = after.group(1).lower()
        speech = parts_of_speech(following)
        noun = ("NOUN" in speech and "ADV" not in speech) or (not speech and following != "per")  # "ml courses"
        if not noun and "ADJ" in speech and word == "paid":  # "paid online courses": an adjective, then a noun
            beyond = _AFTER_VERB.match(rest[after.end():])
            noun = beyond is not None and beyond.group(1).lower() not in STOPWORDS \
                and "NOUN" in parts_of_speech(beyond.group(1)) and "ADV" not in parts_of_speech(beyond.group(1))
        takes_object = following in _OBJECTS or (word != "pay" and noun)
        if not takes_object:
            return True
    return False


_OBJECTS = frozenset("a an the my your our their his her its it this that these those me myself yourself sure "
                     "sense use up".split())  # ("make up the career path": what it consists of)

# "What is ...", "what exactly are ...", "who's ...": a question asking what something is (English).
WHAT_IS = r"^(?:what|who)\s*(?:exactly\s+|really\s+|actually\s+|even\s+)?(?:is|are|['’]s)\s+"
QUESTION_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:['’][a-z]+)?")

# Words that say what kind of answer is wanted, not what it is about.
OPERATOR_WORDS = frozenset("""
compare compared comparing comparison versus vs difference differ which what who whom whose when where why how
most least highest lowest best worst top largest biggest greatest fewest smallest more less higher lower rank
better worse
ranking list name tell explain describe define definition meaning example examples kind kinds type types
ok okay hi hello hey thanks please yes
role roles job jobs occupation occupations profession professions career careers
""".split())  # the last line: the kind of thing a career question asks about ("which role pays the most?")
# Words that ask for a figure (a salary, a count): what is measured, not what it is measured for.
MEASURE_WORDS = frozenset("""
salary salaries pay pays paid paying earn earns earning earnings earner earners make makes making wage wages income
compensation comp money much many number share percent percentage proportion fraction portion ratio rate average median
mean typical openings opening positions position count figure amount annual annually yearly hourly range total
percentile percentiles hour hours month monthly week weekly per employed employ employs employment
breakdown distribution split figures numbers stats
""".split())


@dataclass(frozen=True)
class Mention:
    """A span of the question that names something, and what the corpus calls it."""

    text: str
    start: int
    end: int
    role: Literal["subject", "place", "name"]
    known_as: tuple[str, ...] = ()  # the corpus's own spellings (a place: "Boston, MA")


@dataclass(frozen=True)
class Query:
    """What one question asks, read once."""

    original: str  # as typed (after follow-up resolution)
    text: str  # the question itself: greetings and self-introductions dropped, places as the corpus writes them
    search_text: str  # the text searched: acronyms the corpus defines followed by their long form
    kind: QueryKind
    wh: str = ""  # who | when | where
    direction: str = ""  # most | least (rankings)
    top_n: int | None = None
    plural: bool = False  # "which companies ...": more than one is wanted
    statistic: str = ""  # median | average | 90th percentile ...
    levels: tuple[str, ...] = ()
    subjects: tuple[Mention, ...] = ()  # fact subjects and capitalised names the question names
    places: tuple[Mention, ...] = ()  # places the corpus covers
    missing_places: tuple[str, ...] = ()  # real places the corpus has no figure for
    topic: tuple[str, ...] = ()  # content words: what the question is about (not operators, measures, places)
    missing: tuple[str, ...] = ()  # subject words or names the corpus never uses: the question is not covered
    unmatched: tuple[str, ...] = ()  # other words the corpus lacks (verbs, adjectives): only weak evidence cares
    preamble: str = ""
    sources: tuple[str, ...] = ()  # a source the question names ("according to Glassdoor"), as the corpus names it
    parts: tuple[str, ...] = ()  # the questions of a double question ("..., and which ...?"), each on its own
    threshold: tuple[str, float, str] | None = None  # "more than $100,000": (above | below, 100000.0, "$100,000")

    @property
    def asks_figure(self) -> bool:
        return self.kind in ("figure", "ranking") or asks_figure(self.text)  # "the difference between X and Y": words

    def describe(self) -> dict[str, Any]:
        """The query as plain data, for `careerbot ask --explain` and /ask's `explain`."""
        return asdict(self)


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    why: str = ""  # how this sentence came to be chosen (for --explain)
    matched: str = ""  # the text that matched the question, when it handed its match on (a lead-in, a heading)
    refers_to: str = ""  # what a sentence opening with "They" or "In this position" points back to, as written before


class SentenceScores:
    """One question's cosine to the corpus's sentences, without scoring every sentence: the best ones found by the
    sentence index (and those of the passages retrieval found) scored up front, any other computed when first asked
    for, from its stored (memory-mapped) vector. A question's cost depends on what it found, not on the corpus's size.
    """

    def __init__(self, vectors: np.ndarray, query: np.ndarray, scored: dict[int, float]) -> None:
        self._vectors = vectors
        self._query = query
        self._scores = dict(scored)
        self._ranked = sorted(self._scores, key=lambda sid: -self._scores[sid])
        # what later stages worked out from these scores (the facts scored for a question), so that a stage asked
        # again for the same question does not work it out again
        self.memo: dict[tuple[Any, ...], Any] = {}

    def __getitem__(self, sentence_id: int) -> float:
        score = self._scores.get(sentence_id)
        if score is None:
            score = self._scores[sentence_id] = float(self._vectors[sentence_id] @ self._query)
        return score

    def best(self, count: int) -> list[int]:
        """The best-scoring sentences known, best first: the question's nearest sentences in the whole corpus."""
        return self._ranked[:count]

    def max(self) -> float:
        return self._scores[self._ranked[0]] if self._ranked else 0.0


@dataclass(frozen=True)
class Retrieval:
    """What one question found: chunk hits and its sentence scores."""

    question: str
    chunk_scores: dict[int, float]
    sentence_scores: SentenceScores
    best_chunk: float


@dataclass(frozen=True)
class FactMatch:
    fact: Fact
    score: float
    subject_named: bool  # the question names this fact's subject, and the name is specific (not in every text)
    named: tuple[str, ...] = ()  # the subject's words the question names


def phrase_around(text: str, word: str, at: int | None = None) -> str:
    """The run of content words a missing word stands in ("dental hygienist", "professional dog walker"): around its
    first use, or the one typed at `at`."""
    tokens = list(QUESTION_WORD.finditer(text))
    for i, token in enumerate(tokens):
        if token.group(0).lower() != word.lower() or (at is not None and token.start() != at):
            continue
        start = end = i

        def content(t: re.Match[str]) -> bool:
            lowered = t.group(0).lower()
            return not (lowered in STOPWORDS or lowered in OPERATOR_WORDS or lowered in MEASURE_WORDS
                        or lowered in ("become", "cost", "costs", "need", "get", "learn", "earn"))
        while start > 0 and content(tokens[start - 1]) and text[tokens[start - 1].end():tokens[start].start()] == " ":
            start -= 1
        def capital(t: re.Match[str]) -> bool:
            return t.group(0)[:1].isupper()

        while end + 1 < len(tokens) and text[tokens[end].end():tokens[end + 1].start()] == " " and (
                content(tokens[end + 1]) or (  # a title's "of" between capitals: "Director of Machine Learning"
                    tokens[end + 1].group(0) == "of" and end + 2 < len(tokens) and capital(tokens[end])
                    and capital(tokens[end + 2]) and text[tokens[end + 1].end():tokens[end + 2].start()] == " ")):
            end += 1

        def only_verb(t: re.Match[str]) -> bool:  # "involve" in "what does data modeling involve"
            return parts_of_speech(t.group(0).lower()) == frozenset({"VERB"})

        def verb_or_adverb(t: re.Match[str]) -> bool:  # "typically" of "what does a life coach typically earn"
            said = parts_of_speech(t.group(0).lower())  # (not a capitalised name's word: "VP of Consulting")
            return bool(said) and said <= {"VERB", "ADV"} and not capital(t)
        while end > i and verb_or_adverb(tokens[end]):
            end -= 1
        while end > i and tokens[end].group(0) == "of":  # (a name's "of" with nothing after it)
            end -= 1
        while start < i and only_verb(tokens[start]):
            start += 1
        return text[tokens[start].start():tokens[end].end()]
    return word
