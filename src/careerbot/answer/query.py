"""A question understood once: its kind, what it names (subjects, places, levels), what it measures, and the words
the corpus lacks. Built by `understand`; every later stage (retrieval, evidence, facts, composition) reads these
fields instead of tokenising the question again."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from careerbot.text.places import is_known_place
from careerbot.index.store import CorpusIndex
from careerbot.text.terms import STOPWORDS, levels, name_key, parts_of_speech, singular, word_forms

QueryKind = Literal["figure", "list", "ranking", "comparison", "definition", "duties", "howto", "yesno", "wh",
                    "other"]

_GREETING = re.compile(r"^\s*(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|"
                       r"dear \w+|thanks|thank you|ok(?:ay)?|so|well|um+|yo)\b[\s,!.:;-]*", re.I)
# "I'm Priya, a physics teacher:" / "I am a nurse." / "My name is Sam and": who is asking, not what is asked.
_INTRO = re.compile(r"^\s*(?:i\s*['’]?\s*m|i am|my name\s*['’]?\s*s|my name is|this is|i work as|i\s*['’]?ve been|"
                    r"i have been|i currently|currently i)\b[^.!?:;]*?(?:[.!?:;]+|,\s*(?=(?:and\s+|so\s+|but\s+)?"
                    r"(?:i\b|can|could|should|would|what|how|is|are|do|does|which|who|when|where|why|will|tell)\b)"
                    r"|\s+and\s+(?=i\b))\s*", re.I)
# A first sentence that tells about the asker ("I just finished my CS degree."), before the question itself.
_ABOUT_ME = re.compile(r"^\s*(?:i|my|we|our)\b[^.!?]*[.!]+\s+(?=\S)", re.I)
_SELF_NAME = re.compile(r"\b(?:i\s*['’]?\s*m|i am|my name is|name\s*['’]?s|call me)\s+([A-Z][a-z]+)")
_FILLER = re.compile(r"^\s*(?:(?:can|could|would) you (?:please )?(?:tell me|let me know|explain|say)|please tell me|"
                     r"tell me|i(?:\s*['’]?d| would)? (?:like|want|wanted) to (?:know|ask|understand)|"
                     r"i (?:was|am) wondering|i wonder|do you know|any idea|quick question)\b[\s,:]*"
                     r"(?:(?:if|whether)\b\s*)?", re.I)

_COMPARISON = re.compile(r"\b(?:compare[ds]?|comparison|comparing|vs\.?|versus|difference between|differ|"
                         r"which (?:is|one is|pays) (?:better|higher|more|less)|how does .+ compare)\b|"
                         r"\b(?:more|less|better|worse|higher|lower)\b[^?]*\bthan\b|"
                         r"\b\w+ or (?:an? |the )?\w+\b[^?]*\b(?:more|less|better|higher|lower)\b|"
                         r"\b(?:more|less|better|higher|lower)\b[^?]*,\s*(?:an? |the )?[\w-]+(?: [\w-]+)* or \w+", re.I)
_MOST = r"most|highest|best|top|largest|biggest|greatest|maximum|max|more|higher"
_LEAST = r"least|lowest|worst|fewest|smallest|minimum|min|less|lower"
_RANKING = re.compile(rf"\b(?:which|what|who|where)\b.*\b(?:{_MOST}|{_LEAST})\b|\btop\s+(?:\d+|[a-z]+)\b|\brank",
                      re.I)
_TOP_N = re.compile(r"\btop\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_FIGURE = re.compile(r"\b(?:how (?:much|many)|what (?:share|percent(?:age)?|proportion|fraction|number)|number of|"
                     r"percent(?:age)?|share of|salar(?:y|ies)|pay(?:s|ing)?|paid|wages?|earn(?:s|ings)?|make|"
                     r"income|compensation|openings|positions|growth rate|rate)\b", re.I)
_WH = re.compile(r"^(?:who|when|where|what year|in what year|in which year|since when)\b", re.I)
_DUTIES = re.compile(r"\bwhat (?:does|do|did) (?:an? |the )?[\w\s-]+? do\b|\bresponsibilit|\bduties\b|\bduty\b|"
                     r"\bday[- ]to[- ]day\b|\b(?:job|role) (?:entail|involve)|\bwhat (?:does|do) .+ (?:work on|handle)"
                     r"|\bwhat is (?:the )?(?:job|role) of\b", re.I)
_LIST = re.compile(r"^(?:what|which|name|list)\b.{0,40}?\b(?:skills|tools|languages|certifications?|frameworks|"
                   r"libraries|technologies|degrees|roles|paths|companies|industries|steps|benefits|challenges|"
                   r"qualifications|jobs|titles|options|misconceptions|tasks|requirements|abilities|careers)\b|"
                   r"^(?:list|name)\b", re.I)
_DEFINITION = re.compile(r"^(?:what|who)\s*(?:is|are|['’]s)\s+(?:an?\s+|the\s+)?\S|\bdefin(?:e|ition)\b|"
                         r"\bmeaning of\b|^(?:tell me about|explain|describe)\b", re.I)
_HOWTO = re.compile(r"^how (?:do|can|could|should|would|to|does one|long|hard|difficult)\b|\bsteps?\b|\bbecome\b|"
                    r"\bget (?:into|started)|\bbreak into|\btransition|\bmove into|\bswitch(?:ing)? (?:to|into)|"
                    r"\bprepare\b|\bland (?:a|an|my)\b", re.I)
_YESNO = re.compile(r"^(?:is|are|was|were|do|does|did|can|could|should|will|would|must|has|have|am)\b", re.I)
_STATISTIC = re.compile(r"\b(median|mean|average|avg|typical|(?:\d{1,2})(?:st|nd|rd|th) percentile)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:['’][a-z]+)?")
_NAME_TOKEN = re.compile(r"[A-Za-z][\w+#&'’.-]*[\w+#]|[A-Za-z]|\b(?:1[89]|20)\d\d\b")

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
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}


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
        return self.kind in ("figure", "ranking", "comparison") or bool(_FIGURE.search(self.text))

    def describe(self) -> dict[str, Any]:
        """The query as plain data, for `careerbot ask --explain` and /ask's `explain`."""
        return asdict(self)


def _strip_preamble(question: str) -> tuple[str, str]:
    """(preamble, question): greetings, self-introductions and "can you tell me" dropped from the front."""
    body = question
    while True:
        before = body
        for pattern in (_GREETING, _INTRO, _ABOUT_ME, _FILLER):
            body = pattern.sub("", body, count=1)
        if body == before:
            break
    if not body.strip() or len(body.split()) < 2:
        return "", question
    preamble = question[: len(question) - len(body)].strip()
    return preamble, body.strip()


def _known(word: str, corpus: CorpusIndex) -> bool:
    """Whether the corpus uses the word in some form (awards ~ awarded), or a close spelling of it (a typo)."""
    if " " in word.strip():
        return all(_known(part, corpus) for part in word.split())
    forms = word_forms(word)
    if forms & corpus.vocabulary:
        return True
    # A misspelling is a word no dictionary has; a real word the corpus lacks ("weather") stays unknown.
    return len(word) >= 5 and not parts_of_speech(word.lower()) and corpus.closest_word(word.lower()) is not None


def places_in(text: str, corpus: CorpusIndex) -> list[Mention]:
    """The places a text names that the corpus covers, with their spans."""
    return _places(text, corpus)[0]


def _places(text: str, corpus: CorpusIndex) -> tuple[list[Mention], list[str]]:
    """Places the question names: those the corpus covers (with its spellings), and real ones it does not."""
    tokens = list(_WORD.finditer(text))
    found: list[Mention] = []
    missing: list[str] = []
    taken: set[int] = set()
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            if taken & set(range(i, i + size)):
                continue
            start, end = tokens[i].start(), tokens[i + size - 1].end()
            phrase = text[start:end]
            if size == 1 and len(phrase) <= 3 and not phrase.isupper() and phrase.lower() not in ("sf", "nyc", "dc"):
                continue  # "in", "me", "or", "la": a state code or a short name counts written in capitals
            places = corpus.gazetteer.lookup(phrase)
            if places:
                found.append(Mention(phrase, start, end, "place", tuple(p.written for p in places)))
                taken.update(range(i, i + size))
            elif ((phrase[:1].isupper() and i > 0) or (text.islower() and not parts_of_speech(phrase.lower()))) \
                    and is_known_place(phrase) and not _known(phrase, corpus):
                missing.append(phrase)
                taken.update(range(i, i + size))
    return sorted(found, key=lambda m: m.start), missing


def _kind(text: str, subjects: int) -> tuple[QueryKind, str]:
    wh_match = _WH.match(text)
    wh = ""
    if wh_match:
        word = wh_match.group(0).lower()
        wh = "when" if "year" in word or word.endswith("when") else word
    if _COMPARISON.search(text):
        return "comparison", wh
    if _RANKING.search(text):
        return "ranking", wh
    if subjects >= 2 and re.search(r"\b(?:and|or)\b", text) and _FIGURE.search(text):
        return "comparison", wh
    if _FIGURE.search(text) and not _DUTIES.search(text):
        return "figure", wh
    if wh:
        return "wh", wh
    if _DUTIES.search(text):
        return "duties", wh
    if _LIST.search(text):
        return "list", wh
    if _HOWTO.search(text):
        return "howto", wh
    if _DEFINITION.search(text):
        return "definition", wh
    if _YESNO.search(text):
        return "yesno", wh
    return "other", wh


def _direction(text: str) -> str:
    least = re.search(rf"\b(?:{_LEAST})\b", text, re.I)
    most = re.search(rf"\b(?:{_MOST})\b", text, re.I)
    if least and (not most or least.start() < most.start()):
        return "least"
    return "most" if most else ""


def _asks_plural(text: str) -> bool:
    """ "Which companies ...", "What cities ...": the noun after the question word is plural."""
    match = re.match(r"^\s*(?:which|what)\s+(\w+)", text, re.I)
    return bool(match) and match.group(1).lower().endswith("s") and singular(match.group(1).lower()) != \
        match.group(1).lower() and match.group(1).lower() not in STOPWORDS


def _top_n(text: str) -> int | None:
    match = _TOP_N.search(text)
    if match is None:
        return None
    value = match.group(1).lower()
    return int(value) if value.isdigit() else _NUMBER_WORDS.get(value)


def _with_places(text: str, places: list[Mention], rows: set[str]) -> str:
    """The question with each place written as the corpus writes it, when that is one spelling (MA -> Boston, MA)."""
    for mention in sorted(places, key=lambda m: m.start, reverse=True):
        # A place that is a table's row ("Seattle, WA") before one a row is only stated in (a company in Redmond).
        spellings = [k for k in mention.known_as if k in rows] or list(mention.known_as)
        cities = sorted({spelling.split(",")[0] for spelling in spellings}, key=lambda c: (len(c), c))
        # One spelling: the corpus's own ("Boston, MA"); several ("New York City, NY", "New York, NY"): the name
        # they share, which matches them all.
        written = spellings[0] if len(spellings) == 1 else cities[0]
        if written.lower() != mention.text.lower():
            text = text[:mention.start] + written + text[mention.end:]
    return text


def _initials(phrase: str) -> str:
    return "".join(word[0] for word in phrase.lower().split() if word not in STOPWORDS)


# Seniority as people abbreviate it (English usage, not any document's words).
LEVEL_ABBREVIATIONS = {"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior"}


def _expand_abbreviations(text: str, corpus: CorpusIndex) -> str:
    """Short forms the corpus does not use, written out as it writes them: an acronym it defines (ML -> machine
    learning) or that a subject's initials make (MLE -> Machine Learning Engineer), and a clipped word whose
    letters open and run through one of its words (eng -> engineer, lvl -> level, mgmt -> management)."""
    subjects_by_initials: dict[str, set[str]] = {}
    for name in corpus.subject_names.values():
        if len(name.split()) >= 2:
            subjects_by_initials.setdefault(_initials(name), set()).add(name)

    def expand(match: re.Match[str]) -> str:
        word = match.group(0)
        bare = re.sub(r"(?<=[a-z])s$|(?<=[A-Z])s$", "", word)
        lowered = bare.lower()
        if lowered in LEVEL_ABBREVIATIONS:  # sr -> senior: searched and matched as the text writes it
            return LEVEL_ABBREVIATIONS[lowered]
        if len(bare) > 5 or word_forms(word.lower()) & corpus.vocabulary or lowered in STOPWORDS:
            return word
        if word.isupper() or (bare.isupper() and word.endswith("s")):
            if lowered in corpus.acronyms:
                return word  # understood where it matters (facts, retrieval): the corpus defines it
            names = subjects_by_initials.get(lowered, set())
            if len(names) == 1:
                return next(iter(names)) + ("s" if word != bare else "")
            if len(lowered) < 3:
                return word
            clipped = corpus.clipped_word(lowered)  # MSFT -> microsoft
            return clipped.capitalize() if clipped else word
        if parts_of_speech(lowered) or len(lowered) < 2:
            return word
        clipped = corpus.clipped_word(lowered)
        return clipped if clipped else word
    return _WORD.sub(expand, text)


def _correct_spelling(text: str, corpus: CorpusIndex) -> str:
    """Words the corpus lacks that are one slip away from one it uses, replaced by it (salery -> salary)."""
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if len(word) < 5 or lowered in STOPWORDS or word_forms(lowered) & corpus.vocabulary:
            return word
        if parts_of_speech(lowered):  # an English word the corpus happens not to use ("released") stays
            return word
        closest = corpus.closest_word(lowered)
        if closest is None or closest in word_forms(lowered):
            return word
        return closest.capitalize() if word[:1].isupper() else closest
    return _WORD.sub(fix, text)


def subject_mentions(text: str, corpus: CorpusIndex, names: dict[str, str]) -> list[Mention]:
    """Spans of the text that name something specific: a fact's subject (Seattle, Google) or a capitalised name
    past the first word that is not an acronym the corpus defines (ML)."""
    tokens = list(_NAME_TOKEN.finditer(text))
    mentions: list[Mention] = []
    taken: set[int] = set()
    for size in (5, 4, 3, 2, 1):
        for i in range(len(tokens) - size + 1):
            if any(j in taken for j in range(i, i + size)):
                continue
            phrase = name_key([t.group(0) for t in tokens[i:i + size]])
            expanded = name_key([corpus.acronyms.get(t.group(0).lower(), t.group(0)) if t.group(0).isupper() else
                                 t.group(0) for t in tokens[i:i + size]])
            phrase = phrase if phrase in names else expanded
            if phrase in names and not (size == 1 and tokens[i].group(0).islower()):
                start, end = tokens[i].start(), tokens[i + size - 1].end()
                mentions.append(Mention(text[start:end], start, end, "subject"))
                taken.update(range(i, i + size))
    for i, token in enumerate(tokens):
        word = token.group(0)
        if word.isdigit():  # a year the facts do not name ("2020") is a subject the sources may lack
            mentions.append(Mention(word, token.start(), token.end(), "name"))
            continue
        if i in taken or i == 0 or not word[:1].isupper() or word.lower() in corpus.acronyms or levels(word):
            continue
        if word.isupper() and len(word) <= 4:
            continue
        mentions.append(Mention(word, token.start(), token.end(), "name"))
    return sorted(mentions, key=lambda m: m.start)


def phrase_around(text: str, word: str) -> str:
    """The run of content words a missing word stands in ("dental hygienist", "professional dog walker")."""
    tokens = list(_WORD.finditer(text))
    for i, token in enumerate(tokens):
        if token.group(0) != word:
            continue
        start = end = i

        def content(t: re.Match[str]) -> bool:
            lowered = t.group(0).lower()
            return not (lowered in STOPWORDS or lowered in OPERATOR_WORDS or lowered in MEASURE_WORDS
                        or lowered in ("become", "cost", "costs", "need", "get", "learn", "earn"))
        while start > 0 and content(tokens[start - 1]) and text[tokens[start - 1].end():tokens[start].start()] == " ":
            start -= 1
        while end + 1 < len(tokens) and content(tokens[end + 1]) and \
                text[tokens[end].end():tokens[end + 1].start()] == " ":
            end += 1
        return text[tokens[start].start():tokens[end].end()]
    return word


_SECOND_QUESTION = re.compile(r"(?:\?\s+|,?\s+and\s+|;\s*)(?=(?:which|what|how|where|who|when|why|is|are|do|does|"
                              r"can|should)\b)", re.I)


def split_questions(text: str) -> tuple[str, ...]:
    """A double question as its parts ("Which MOOC providers offer ML courses, and which course is the best?");
    one part for a single question."""
    pieces = [p.strip(" ,;") for p in _SECOND_QUESTION.split(text) if p.strip(" ,;")]
    if len(pieces) < 2 or any(len(p.split()) < 3 for p in pieces):
        return (text,)
    return tuple(p if p.endswith("?") else p + "?" for p in pieces)


def sources_named(text: str, corpus: CorpusIndex) -> tuple[str, ...]:
    """Sources the question names that the corpus cites or is: "according to PayScale", "on Glassdoor"."""
    named: list[str] = []
    for word in re.findall(r"\b[A-Z][\w&.-]*[A-Za-z]", text):
        key = word.lower()
        if key in corpus.source_names and len(key) > 2:
            named.append(corpus.source_names[key])
    return tuple(dict.fromkeys(named))


# "the top 10 percent", "bottom 25%", "highest-paid 10%": a share of earners is a percentile (English usage).
_SHARE_OF_EARNERS = re.compile(r"\b(?:the\s+)?(top|highest[- ]paid|best[- ]paid|bottom|lowest[- ]paid|worst[- ]paid)\s+"
                               r"(\d{1,2})\s*(?:%|percent\b|per cent\b)", re.I)


def _percentiles(text: str) -> str:
    def percentile(match: re.Match[str]) -> str:
        share = int(match.group(2))
        upper = match.group(1).lower().startswith(("top", "highest", "best"))
        rank = 100 - share if upper else share
        suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        return f"the {rank}{suffix} percentile"
    return _SHARE_OF_EARNERS.sub(percentile, text)


def normalise(text: str, corpus: CorpusIndex) -> str:
    """The words of a question as the corpus spells them: short forms written out, slips of the keyboard mended,
    a share of earners ("top 10 percent") named as the percentile tables give."""
    return _percentiles(_correct_spelling(_expand_abbreviations(text, corpus), corpus))


def with_acronyms(text: str, corpus: CorpusIndex) -> str:
    """The text with each acronym the corpus defines followed by its long form, for search ("ML" finds "machine
    learning" too)."""
    def expand(match: re.Match[str]) -> str:
        word = match.group(0)
        key = re.sub(r"s$", "", word).lower()
        if word[:1].isupper() and key in corpus.acronyms:
            return f"{word} ({corpus.acronyms[key]})"
        return word
    return _WORD.sub(expand, text)


def understand(question: str, corpus: CorpusIndex) -> Query:
    """Read a question (already resolved against the conversation) into a Query."""
    preamble, body = _strip_preamble(question)
    body = re.sub(r"#\s*of\b", "number of", body)
    body = normalise(body, corpus)
    places, missing_places = _places(body, corpus)
    self_names = {m.group(1) for m in _SELF_NAME.finditer(question)}
    subjects: list[Mention] = []
    for mention in subject_mentions(body, corpus, corpus.subject_names):
        if mention.text not in self_names and not any(p.start <= mention.start < p.end for p in places):
            subjects.append(mention)
    kind, wh = _kind(body, len(subjects) + len(places))
    statistic = _STATISTIC.search(body)
    place_words = {w.lower() for p in places for w in _WORD.findall(p.text)}
    place_words |= {w.lower() for name in missing_places for w in name.split()}
    topic: list[str] = []
    missing: list[str] = []
    unmatched: list[str] = []
    for position, match in enumerate(_WORD.finditer(body)):
        word = match.group(0)
        lowered = re.sub(r"['’][a-z]+$", "", word.lower())
        if (lowered in STOPWORDS or lowered in OPERATOR_WORDS or lowered in MEASURE_WORDS or len(lowered) < 2
                or lowered in place_words or levels(word) or word in self_names):
            continue
        topic.append(lowered)
        if lowered in corpus.acronyms or _known(lowered, corpus):
            continue
        is_name = position > 0 and word[:1].isupper()
        speech = parts_of_speech(lowered)
        after_determiner = bool(re.search(r"\b(?:a|an|the|this|that|these|those|my|your|our|their|some|any)\s+$",
                                          body[:match.start()], re.I))
        if is_name or not speech or speech == {"NOUN"} or (after_determiner and "NOUN" in speech):
            missing.append(word)
        else:
            unmatched.append(word)
    missing = [phrase_around(body, word) for word in missing]
    placed = _with_places(body, places, corpus.gazetteer.row_labels)
    return Query(
        original=question, text=placed, search_text=with_acronyms(placed, corpus),
        kind=kind, wh=wh,
        direction=_direction(body) if kind == "ranking" else "", top_n=_top_n(body), plural=_asks_plural(body),
        statistic=statistic.group(1).lower() if statistic else "", levels=tuple(levels(body)),
        subjects=tuple(subjects), places=tuple(places), missing_places=tuple(dict.fromkeys(missing_places)),
        topic=tuple(dict.fromkeys(topic)), missing=tuple(dict.fromkeys(missing)),
        unmatched=tuple(dict.fromkeys(unmatched)), preamble=preamble, sources=sources_named(body, corpus),
        parts=split_questions(body))
