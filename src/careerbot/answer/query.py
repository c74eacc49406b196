"""A question understood once: its kind, what it names (subjects, places, levels), what it measures, and the words
the corpus lacks. Built by `understand`; every later stage (retrieval, evidence, facts, composition) reads these
fields instead of tokenising the question again."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

QueryKind = Literal["figure", "list", "ranking", "comparison", "definition", "duties", "howto", "yesno", "wh",
                    "other"]


FIGURE_WORDS = re.compile(r"\b(?:how (?:much|many)|what (?:share|percent(?:age)?|proportion|fraction|number)|number of|"
                     r"percent(?:age)?|share of|salar(?:y|ies)|pay(?:s|ing)?|paid|wages?|earn(?:s|ings)?|make|"
                     r"income|compensation|openings|positions|growth rate|rate)\b", re.I)

# Words that say what kind of answer is wanted, not what it is about.
OPERATOR_WORDS = frozenset("""
compare compared comparing comparison versus vs difference differ which what who whom whose when where why how
most least highest lowest best worst top largest biggest greatest fewest smallest more less higher lower rank
better worse
ranking list name tell explain describe define definition meaning example examples kind kinds type types
ok okay hi hello hey thanks please yes
""".split())
# Words that ask for a figure (a salary, a count): what is measured, not what it is measured for.
MEASURE_WORDS = frozenset("""
salary salaries pay pays paid paying earn earns earning earnings make makes making wage wages income compensation
money much many number share percent percentage proportion fraction rate average median mean typical openings
opening positions position count figure amount annual annually yearly hourly range total
percentile percentiles hour hours month monthly week weekly per employed employ employs employment
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

    @property
    def asks_figure(self) -> bool:
        return self.kind in ("figure", "ranking", "comparison") or bool(FIGURE_WORDS.search(self.text))

    def describe(self) -> dict[str, Any]:
        """The query as plain data, for `careerbot ask --explain` and /ask's `explain`."""
        return asdict(self)














































