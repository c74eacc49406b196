"""understand(question, corpus) -> Query: the one reading of a question (kind, subjects, places, levels, measure,
missing words) that every later stage uses; and the text helpers follow-ups share with it (normalise, phrase_around)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from careerbot.answer.query import (
    MEASURE_WORDS,
    OPERATOR_WORDS,
    QUESTION_WORD,
    WHAT_IS,
    Mention,
    Query,
    QueryKind,
    asks_figure,
    phrase_around,
)
from careerbot.answer.rewrite import SELF_NAME, normalise, split_questions, strip_preamble, with_acronyms
from careerbot.index.corpus_index import CorpusIndex
from careerbot.text.places import is_country, is_known_place
from careerbot.text.terms import (
    BOUND_PREFIXES,
    LEVEL_PATTERNS,
    MANNER_PHRASES,
    MAX_NAME_WORDS,
    STOPWORDS,
    YEARS_SPAN,
    in_dictionary,
    inverted_name,
    joined_names,
    levels,
    name_before_comma,
    name_key,
    parts_of_speech,
    same_root,
    singular,
    spelled_out,
    subject_words,
    title_alternates,
    word_forms,
)
from careerbot.text.values import FIGURE, figure_value

# "less than two years", "more than $100,000": a bound on an amount, not two things compared (English).
_AMOUNT = (r"(?:an?\s+)?(?:[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|a few|half|a year|"
           r"a month)\b)")
_COMPARISON = re.compile(r"\b(?:compare[ds]?|comparison|comparing|vs\.?|versus|difference between|differ|"
                         r"which (?:is|one is|pays) (?:better|higher|more|less)|how does .+ compare)\b|"
                         rf"\b(?:more|less|better|worse|higher|lower)\b[^?]*\bthan\b(?!\s+{_AMOUNT})|"
                         r"\b\w+ or (?:an? |the )?\w+\b[^?]*\b(?:more|less|better|higher|lower)\b|"
                         r"\b(?:more|less|better|higher|lower)\b[^?]*,\s*(?:an? |the )?[\w-]+(?: [\w-]+)* or \w+|"
                         # "which needs more education: a welder or a machinist?": two named after a colon, alone
                         r"\b(?:more|less|better|higher|lower)\b[^?:]*:\s*(?:an? |the )?[\w-]+(?: [\w-]+){0,3} or "
                         r"(?:an? |the )?[\w-]+(?: [\w-]+){0,3}\s*\??\s*$", re.I)


_MOST = r"most|highest|best|top|largest|biggest|greatest|maximum|max|more|higher"


_LEAST = r"least|lowest|worst|fewest|smallest|minimum|min|less|lower"


SUPERLATIVE = re.compile(rf"\b(?:{_MOST}|{_LEAST})\b", re.I)


_RANKING = re.compile(rf"\b(?:which|what(?:['’]?s)?|who|where)\b.*\b(?:{_MOST}|{_LEAST})\b(?!\s+than\s+{_AMOUNT})|"
                      rf"^(?:the\s+)?(?:{_MOST}|{_LEAST})[- ](?:\w+\s+)?\w+|"  # "highest paying role on ...?"
                      r"\btop\s+(?:\d+|[a-z]+)\b|\brank", re.I)


_TOP_N = re.compile(r"\btop\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


_WH = re.compile(r"^(?:who|when|where|what year|in what year|in which year|since when)\b", re.I)
# "In which city is X hiring?", "what state ...": where, asked by the kind of place (English words)
_WHERE_BY_PLACE = re.compile(r"^(?:in|at|from)?\s*(?:which|what)\s+(?:city|cities|towns?|states?|countr(?:y|ies)|"
                             r"locations?|places?|regions?|areas?)\b(?!\s+of\b)", re.I)  # (not "areas of math")


# The verb of "what does the job involve / entail / consist of" (English): the question's frame, not its topic.
_DUTY_VERB = re.compile(r"\b(?:job|role|position|work)\s+(entails?|involves?|consists?\s+of)\b", re.I)

_DUTY_NOUN = re.compile(r"\b(?:duties|duty|responsibilit(?:y|ies))\b", re.I)  # what a duties question asks for

_DUTIES = re.compile(r"\bwhat (?:does|do|did) (?:an? |the )?[\w\s'’-]+? do\b|"
                     r"\bwhat (?:kinds?|types?|sorts?) of (?:work|things|tasks|stuff) (?:does|do|did|would|will)\s+"
                     r"[\w\s'’-]+?\s+do\b|"
                     r"\bresponsibilit|\bduties\b|\bduty\b|"
                     r"\bday[- ]to[- ]day\b|\b(?:job|role) (?:entail|involve)|\bwhat (?:does|do) .+ (?:work on|handle)"
                     r"|\bwhat is (?:the )?(?:job|role) of\b|\bwhat (?:would|will|do|does|did) "
                     r"(?:i|you|they|we|one|he|she) (?:be )?(?:actually )?(?:do|doing)\b|\ba typical (?:work ?)?day\b"
                     r"|\ball day\b", re.I)


_LIST = re.compile(r"^(?:what|which|name|list)\b.{0,40}?\b(?:skills|tools|languages|certifications?|frameworks|"
                   r"libraries|technologies|degrees|roles|paths|companies|industries|steps|benefits|challenges|"
                   r"qualifications|jobs|titles|options|misconceptions|tasks|requirements|abilities|careers)\b|"
                   r"^(?:list|name)\b", re.I)


# "What are some good ML bootcamps?": examples asked for, not what a bootcamp is (English quantifiers).
_SOME_THINGS = re.compile(r"^\s*(?:what|which)\s+(?:are|were)\s+(?:some|a few|several|a couple of)\b", re.I)


_DEFINITION = re.compile(WHAT_IS + r"(?:an?\s+|the\s+)?\S|\bdefin(?:e|ition)\b|"
                         r"\bmeaning of\b|^(?:tell me about|explain|describe)\b", re.I)


_HOWTO = re.compile(r"^how (?:do|can|could|should|would|to|does one|long|hard|difficult)\b|\bsteps?\b|\bbecome\b|"
                    r"\bget (?:into|started)|\bbreak into|\btransition|\bmove into|\bswitch(?:ing)? (?:to|into)|"
                    r"\bprepare\b|\bland (?:a|an|my)\b", re.I)


_YESNO = re.compile(r"^(?:is|are|was|were|do|does|did|can|could|should|will|would|must|has|have|am)\b", re.I)


STATISTIC = re.compile(r"\b(median|mean|average|avg|typical|(?:\d{1,2})(?:st|nd|rd|th) percentile)\b", re.I)


_NAME_TOKEN = re.compile(r"[A-Za-z][\w+#&'’.-]*[\w+#]|[A-Za-z]|\b(?:1[89]|20)\d\d\b")


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}


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
    tokens = list(QUESTION_WORD.finditer(text))
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


# "Where should I apply?", "When can I start?": advice asked for, not a fact's place or time.
_STEPS_TO = re.compile(r"\b(?:steps?|ways?|tips|path)\b.{0,30}\b(?:to|for)\s+(?:become|becoming|get(?:ting)? into|"
                       r"break(?:ing)? into|land(?:ing)?|transition(?:ing)?|start(?:ing)?|mov(?:e|ing) into)\b", re.I)
_ADVICE = re.compile(r"^(?:where|when|who)\s+(?:should|can|could|would|do|must)\s+(?:i|you|we|one)\b", re.I)


# "what level do most hydrologists say ...": "most" before a plural is how many, not a superlative (English).
_QUANTIFIER_MOST = re.compile(r"\b(?:do|does|did|are|were|have|has|can|could|would|will|should)\s+most\s+"
                              r"(\w+(?:\s+\w+){0,2})", re.I)


# "which degree do most of them hold?": one thing (a singular noun) that most of a group have (English).
_ONE_THING_MOST = re.compile(r"\b(?:which|what)\s+([a-z][\w'-]*)\s+(?:do|does|did)\s+most\s+(?:\w+\s+){1,4}?"
                             r"(?:hold|have|get|earn|need|pursue|complete|choose|pick|use|study|take)\b", re.I)


def _unless_superlative(match: re.Match[str]) -> str:
    following = match.group(1).lower().split()  # "most hydrologists", "most ml engineers", "most of them"
    speech = parts_of_speech(following[0])
    if speech & {"ADJ", "VERB"} and "NOUN" not in speech:  # "are most valued by employers": a superlative
        return match.group(0)
    if following[0] == "of" or any(singular(w) != w and w not in STOPWORDS for w in following):
        return match.group(0).replace("most", "many")
    return match.group(0)


_HOW_MUCH = re.compile(r"\bhow\s+(?:much|many)\b", re.I)


# "Which organization's report says ...?", "what company's survey ...": the owner of a thing, named (English).
_WHOSE = re.compile(r"^\s*(?:which|what)\s+([a-z]+)['’]s\s+(?:[a-z-]+\s+){0,2}?(?:says?|said|shows?|states?|"
                    r"reports?|lists?|finds?|found|claims?|predicts?|projects?|gives?|puts?)\b", re.I)


def _kind(text: str, subjects: int) -> tuple[QueryKind, str]:
    if _ADVICE.match(text):
        return "howto", ""
    wh_match = _WH.match(text)
    wh = ""
    if wh_match:
        word = wh_match.group(0).lower()
        wh = "when" if "year" in word or word.endswith("when") else word
    elif _WHERE_BY_PLACE.match(text):
        wh = "where"
    if _COMPARISON.search(text):
        return "comparison", wh
    # "the most likely pay": how likely, not which ranks highest (English)
    # "Do ML engineers at top companies get bonuses?": companies at the top, asked about, not a top N ranked
    ranked = re.sub(r"\btop(?=\s+[a-z]+s\b)", "leading", text, flags=re.I) \
        if _YESNO.match(text) and not _TOP_N.search(text) else text
    if _RANKING.search(_QUANTIFIER_MOST.sub(_unless_superlative, re.sub(r"\bmost likely\b", "likely", ranked,
                                                                          flags=re.I))):
        return "ranking", wh
    one_thing = _ONE_THING_MOST.search(text)
    if one_thing and singular(one_thing.group(1).lower()) == one_thing.group(1).lower() \
            and "NOUN" in parts_of_speech(one_thing.group(1)):
        return "ranking", wh  # "which degree do most of them hold?": the most common one
    if subjects >= 2 and re.search(r"\b(?:and|or)\b", re.sub(r"\([^)]*\)", "", text)) and asks_figure(text):
        # (not the "and" of a title put after the other name it is asked by: "court stenographer (Court Reporters
        # and Simultaneous Captioners)")
        return "comparison", wh
    if wh in ("who", "where") and not _HOW_MUCH.search(text):  # "Who conducted the survey behind the salary
        # figures?", "Where does the $112,850 figure come from?": a person or a place, whatever measure it names
        return "wh", wh
    if asks_figure(text) and not _DUTIES.search(text):
        return "figure", wh
    whose = _WHOSE.match(text)
    if not wh and whose and "NOUN" in parts_of_speech(whose.group(1).lower()):  # "which organization's report
        return "wh", "who"  # says ...?": who it is (a noun's own thing, not "what it's like")
    if wh:
        return "wh", wh
    if _DUTIES.search(text):
        return "duties", wh
    if _STEPS_TO.search(text):  # "What steps should I take to become ...": how, more than a list of things
        return "howto", wh
    if _LIST.search(text) or _asks_for_things(text) or _SOME_THINGS.match(text) or _USED.match(text) \
            or _things_without_question_word(text):
        return "list", wh
    if _HOWTO.search(text):
        return "howto", wh
    if _DEFINITION.search(text):
        return "definition", wh
    if _YESNO.search(text):
        return "yesno", wh
    return "other", wh


# "Which cloud platforms do ...", "What (kinds of) neural network architectures should ...": things, plural, asked
# for.
_WHICH_THINGS = re.compile(r"^\s*(?:which|what)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?:[\w-]+\s+){0,3}?([\w-]+s)\s+"
                           r"(?:should|do|does|are|is|can|could|would|will|have|has|did|must|might|may|to)\b", re.I)


# "What software do accountants use?", "which equipment would a welder use": what someone uses is things, whatever
# the noun's number (English).
_USED = re.compile(r"^\s*(?:what|which)\s+(?:kinds?\s+of\s+|types?\s+of\s+)?(?:[\w-]+\s+){1,3}?(?:do|does|did|would|"
                   r"will|should|can|could|might)\s+(?:[\w'-]+\s+){1,4}use\b(?!\s+to\b)", re.I)


# "Do data scientists make more than software developers?", "Is a plumber paid less than an electrician?": a yes or
# no on whether the one named first is the higher (English).
_CLAIMED_ORDER = re.compile(r"\b(?:more|less|higher|lower)\b(?:\s+[\w-]+){0,3}?\s+than\b", re.I)
_EITHER_ORDER = re.compile(r"\b(?:more|less|higher|lower)\s+or\s+(?:more|less|higher|lower)\b", re.I)
_STATES = re.compile(r"^\s*(?:do|does|did|is|are|was|were)\b", re.I)  # (not "can ...": what may be, not what is)


def claims_order(text: str) -> bool:
    """Whether a question asks yes or no of an order between the subjects it names ("Do X earn more than Y?"; not
    "do X make more or less than Y?")."""
    return bool(_STATES.match(text)) and bool(_CLAIMED_ORDER.search(text)) and not _EITHER_ORDER.search(text)


# A question's opening word ("what", "how", ...): a question without one may still ask for things (English).
_OPENS_ASKING = re.compile(r"^\s*(?:what|which|who|whom|whose|where|when|why|how)\b", re.I)


_FINITE_AFTER = re.compile(r"^\s+(?:are|is|was|were|have|has|do|does|can|could|should|will|would|must)\b", re.I)


def _things_without_question_word(text: str) -> bool:
    """ "main ML frameworks an MLE should know?", "key skills for data scientists?": things asked for in a question
    typed without its question word, read as if it opened with "what"."""
    if _OPENS_ASKING.match(text) or _YESNO.match(text) or _DEFINITION.search(text) \
            or re.match(r"\s*about\b", text, re.I):  # ("tell me about ML engineer jobs": its preamble dropped)
        return False
    framed = f"what {text.strip()}"
    listed = _LIST.search(framed)  # (not a statement typed as a question: "Python libraries are important?")
    return listed is not None and not _FINITE_AFTER.match(framed[listed.end():])


def _asks_for_things(text: str) -> bool:
    match = _WHICH_THINGS.match(text)
    if match is None:
        return False
    noun = match.group(1).lower()
    speech = parts_of_speech(singular(noun))  # a word the dictionary lacks ("bootcamps") is taken as a noun
    return singular(noun) != noun and ("NOUN" in speech or not speech)


def _direction(text: str) -> str:
    least = re.search(rf"\b(?:{_LEAST})\b", text, re.I)
    most = re.search(rf"\b(?:{_MOST})\b", text, re.I)
    if least and (not most or least.start() < most.start()):
        return "least"
    return "most" if most else ""


def _asks_plural(text: str) -> bool:
    """ "Which companies ...", "What cities ...", "top skills ...": the noun after the question word, or after
    "top"/"best"/"main", is plural."""
    said = [re.match(r"^\s*(?:which|what)\s+(\w+)", text, re.I),
            re.search(r"\b(?:top|best|main|most important)\s+(\w+)", text, re.I)]  # "top skills required for ..."
    nouns = [match.group(1).lower() for match in said if match is not None]
    return any(noun.endswith("s") and singular(noun) != noun and noun not in STOPWORDS for noun in nouns)


def _top_n(text: str) -> int | None:
    match = _TOP_N.search(text)
    if match is None:
        return None
    value = match.group(1).lower()
    return int(value) if value.isdigit() else NUMBER_WORDS.get(value)


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


_POSSESSIVE = re.compile(r"['’]s?$")


def subject_mentions(text: str, corpus: CorpusIndex, names: dict[str, str]) -> list[Mention]:
    """Spans of the text that name something specific: a fact's subject (Seattle, Google) or a capitalised name
    past the first word that is not an acronym the corpus defines (ML)."""
    tokens = list(_NAME_TOKEN.finditer(text))
    mentions: list[Mention] = []
    taken: set[int] = set()
    for glossed in _GLOSS.finditer(text):  # "LPN (Licensed Practical and Licensed Vocational Nurses)": the subject
        # an other name was followed by is one name, however many words, commas and "and"s it has
        if glossed.group(1) in title_set(corpus.titles):
            start, end = glossed.span(1)
            mentions.append(Mention(glossed.group(1), start, end, "subject"))
            taken.update(i for i, t in enumerate(tokens) if start <= t.start() < end)
    for size in (5, 4, 3, 2, 1):
        for i in range(len(tokens) - size + 1):
            if any(j in taken for j in range(i, i + size)):
                continue
            said = [_POSSESSIVE.sub("", t.group(0)) for t in tokens[i:i + size]]  # "engineer's salary"
            phrase = name_key(said)
            expanded = name_key([spelled_out(t, corpus.acronyms) for t in said])
            short = size == 1 and expanded != phrase and expanded in corpus.other_names  # "LPNs": a page's other
            phrase = phrase if phrase in names else expanded  # name, typed as its short form
            # one word in lower case names a subject only when a document is about it ("bartender"), not when
            # it is a row of a table ("technology")
            if (phrase in names or short) and not (size == 1 and tokens[i].group(0).islower()
                                        and phrase not in titled_names(corpus)):
                start, end = tokens[i].start(), tokens[i + size - 1].end()
                mentions.append(Mention(text[start:end], start, end, "subject"))
                taken.update(range(i, i + size))
    for i, token in enumerate(tokens):
        word = token.group(0)
        if i in taken:
            continue
        if word.isdigit():  # a year the facts do not name ("2020") is a subject the sources may lack
            mentions.append(Mention(word, token.start(), token.end(), "name"))
            continue
        # (not a question word after a colon, nor "I'm", "I've": the asker)
        if i == 0 or re.search(r"[.?!]\s*$", text[:token.start()]) or not word[:1].isupper() \
                or (text[:token.start()].rstrip().endswith(":") and word.lower() in STOPWORDS) \
                or re.sub(r"['’][a-z]+$", "", word.lower()) == "i" \
                or word.lower() in corpus.acronyms or levels(word) \
                or (word[:-1].isupper() and word.endswith("s") and word[:-1].lower() in corpus.acronyms):  # "LPNs"
            continue
        if word.isupper() and len(word) <= 4:
            continue
        mentions.append(Mention(word, token.start(), token.end(), "name"))
    return sorted(mentions, key=lambda m: m.start)


_GLOSS = re.compile(r"\(([^()]+)\)")


@lru_cache(maxsize=4)
def title_set(titles: tuple[str, ...]) -> frozenset[str]:
    """The documents' titles as a set, built once per corpus."""
    return frozenset(titles)


def tables_of(corpus: CorpusIndex, name: str) -> set[tuple[str, int]]:
    """The tables (document, table) with a row the name names whole."""
    return {(corpus.facts[p].doc_id, corpus.facts[p].table)
            for p in corpus.facts_by_name.get(frozenset(subject_words(name)), []) if corpus.facts[p].table >= 0}


def _with_row_mates(text: str, corpus: CorpusIndex, subjects: list[Mention]) -> list[Mention]:
    """The subjects with words in lower case that are rows of one table with another subject named ("how does
    python compare to R", "python or java"): each names a subject beside the other, though one lower-case word
    alone names one only when a document is about it."""
    taken = [(m.start, m.end) for m in subjects]
    loose = [t for t in _NAME_TOKEN.finditer(text) if t.group(0).islower() and len(t.group(0)) > 1
             and t.group(0) not in STOPWORDS and name_key([t.group(0)]) in corpus.subject_names
             and not any(start <= t.start() < end for start, end in taken)]
    if not loose:
        return subjects
    tables = {m.text: tables_of(corpus, m.text) for m in subjects}
    tables.update({t.group(0): tables_of(corpus, t.group(0)) for t in loose})
    mates = [Mention(t.group(0), t.start(), t.end(), "subject") for t in loose
             if any(tables[t.group(0)] & shared for name, shared in tables.items() if name != t.group(0))]
    return sorted(subjects + mates, key=lambda m: m.start) if mates else subjects


def titled_names(corpus: CorpusIndex) -> frozenset[str]:
    """The names the documents are about, as looked up ("Architects, Except Landscape and Naval" -> "architect"),
    a title written last name first as said too ("Opticians, Dispensing" -> "dispensing optician")."""
    return _titled(corpus.titles)


@lru_cache(maxsize=4)
def _titled(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name_key(name.split()) for title in titles if name_before_comma(title)
                     for name in (name_before_comma(title), *joined_names(name_before_comma(title)),
                                  inverted_name(title) or "") if name)


MIN_OTHER_NAME = 5  # letters of a one-word other name ("Chiropodist"); shorter ones are too often other words


_JOINS_NAMES = re.compile(r"\b(?:and|or|vs\.?|versus)\b", re.I)


def _with_other_names(text: str, corpus: CorpusIndex) -> str:
    """The text with a name a document says its subject is also called followed by that subject ("What is a
    chiropodist (Podiatrists)?"), unless the subject is named already."""
    if not corpus.other_names:
        return text
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for run in _typed_runs(text):
        said, before = run.said, run.before
        if taken & set(range(*run.span)):
            continue
        title = corpus.other_names.get(name_key(said))
        if title is None or title.lower() in text.lower():
            continue
        if before and before.group(0).lower() not in STOPWORDS and not _JOINS_NAMES.fullmatch(before.group(0)):
            continue  # the end of a longer name ("registered nurse", "automotive service technicians")
        if len(said) == 1 and not _defined_initials(said[0], corpus) and (len(said[0]) < MIN_OTHER_NAME
                          or corpus.idf.get(singular(said[0].lower()), corpus.max_idf) < corpus.median_idf) \
                and not (name_key(said) in {name_key(n.split()) for n in title_alternates(title)}
                         and not _JOINS_NAMES.search(text)):
            continue  # one common word ("nurse") names too much to stand for one occupation (a name its title
            # lists, "pipefitters" of "Plumbers, Pipefitters, and Steamfitters", is that occupation's, when the
            # question names no other beside it: "umpires and referees" are one title's two names)
        found.append((run.end, title))
        taken.update(range(*run.span))
    for end, title in sorted(found, reverse=True):
        text = f"{text[:end]} ({title}){text[end:]}"
    return text


def shared_name(text: str, corpus: CorpusIndex) -> tuple[int, str, tuple[str, ...]] | None:
    """A name a few pages list, none with more right to it ("arborist"), typed in the text: where it ends, as typed,
    and the pages' titles; None for none (or one of those pages named already)."""
    for run in _typed_runs(text):
        said, before = run.said, run.before
        titles = corpus.shared_names.get(name_key(said))
        if not titles or any(title.lower() in text.lower() for title in titles):
            continue
        if before and before.group(0).lower() not in STOPWORDS and not levels(before.group(0)):
            continue  # the end of a longer name (a level before it is not: "senior arborists")
        if len(said) == 1 and (len(said[0]) < MIN_OTHER_NAME
                               or corpus.idf.get(singular(said[0].lower()), corpus.max_idf) < corpus.rare_idf):
            continue  # one common word names too much (one each of those pages lists is rarer than that)
        return run.end, text[run.start:run.end], titles
    return None


class _Run(NamedTuple):
    """A run of words typed (possessives dropped): its tokens' span, its words, where it starts and ends in the text,
    and the word typed before it (None at the start)."""

    span: tuple[int, int]
    said: list[str]
    start: int
    end: int
    before: re.Match[str] | None


def _typed_runs(text: str) -> Iterator[_Run]:
    """Every run of up to MAX_NAME_WORDS words of a text, longest first, for looking names up by what was typed."""
    tokens = list(_NAME_TOKEN.finditer(text))
    for size in range(MAX_NAME_WORDS, 0, -1):
        for i in range(len(tokens) - size + 1):
            yield _Run((i, i + size), [_POSSESSIVE.sub("", t.group(0)) for t in tokens[i:i + size]],
                       tokens[i].start(), tokens[i + size - 1].end(), tokens[i - 1] if i > 0 else None)


def _defined_initials(typed: str, corpus: CorpusIndex) -> bool:
    """An acronym typed in capitals ("CNMs") that the corpus defines ("Certified Nurse Midwife (CNM)"), as the other
    name of a page: it names that occupation however short it is."""
    bare = re.sub(r"(?<=[A-Z])s$", "", typed)
    return len(bare) >= 2 and bare.isupper() and bare.lower() in corpus.acronyms


def _other_name_words(text: str, titles: Collection[str]) -> list[tuple[int, int]]:
    """The spans of the words an other name was written in, before the subject it was followed by ("court
    stenographer" in "a court stenographer (Court Reporters and ...)"): the subject is named once, by its title
    (`titles`: the documents' titles, which other names stand for)."""
    spans: list[tuple[int, int]] = []
    for paren in re.finditer(r" \(([^()]+)\)", text):
        if paren.group(1) not in titles:
            continue
        before = text[:paren.start()]
        # (from the last word that opens a name, or the comma or "and" before it: "out of medical dosimetrist,
        # genetic counselor and mri tech (...)" renamed "mri tech" alone)
        start = max((m.end() for m in re.finditer(r"\b(?:a|an|the|of|for|do|does|to|as|is|are|and|or|vs\.?|versus)"
                                                  r"\s+|,\s*", before, re.I)), default=0)
        spans.append((start, paren.start()))
    return spans


# Words before a source's name that say a figure comes from it ("according to", "on", "per") (English).
_FROM_SOURCE = r"\b(?:according to|per|from|on|by|via|at|in)\s+"
# A source named as a source, however it is cased: "according to glassdoor", "what does payscale say" (English).
_SOURCE_CUED = re.compile(_FROM_SOURCE + r"([\w&.-]*[A-Za-z])|"
                          r"\b([\w&.-]*[A-Za-z])\s+(?:says?|said|reports?|reported|shows?|lists?)\b", re.I)


def _as_source(text: str, mention: Mention) -> bool:
    """Whether a source's name is said as where a figure comes from ("according to Glassdoor", "Glassdoor's pay",
    "Glassdoor says") rather than as what is asked about ("Who founded Glassdoor?")."""
    if re.search(_FROM_SOURCE + r"(?:the\s+)?$", text[:mention.start], re.I):
        return True
    following = re.match(r"(['’]s?)?\s*([A-Za-z]+)?", text[mention.end:])
    return bool(following and (following.group(1) or (following.group(2)
                                                       and following.group(2).lower() not in STOPWORDS)))


def sources_named(text: str, corpus: CorpusIndex) -> tuple[str, ...]:
    """Sources the question names that the corpus cites or is: "according to PayScale", "on Glassdoor"."""
    named: list[str] = []
    cued = [m.group(1) or m.group(2) for m in _SOURCE_CUED.finditer(text)]  # "according to glassdoor", lower case
    # "which glassdoor career step": a source's name typed in lower case, a word English does not know
    cued += [w for w in re.findall(r"\b[a-z]{4,}\b", text)
             if (w in corpus.source_names or w[:-1] in corpus.source_names) and not in_dictionary(w)]
    for word in re.findall(r"\b[A-Z][\w&.-]*[A-Za-z]", text) + cued:
        key = word.lower()
        if key not in corpus.source_names and key.endswith("s"):  # "glassdoors career path": Glassdoor's
            key = key[:-1]
        if key in corpus.source_names and len(key) > 2:
            named.append(corpus.source_names[key])
    return tuple(dict.fromkeys(named))


# "there", "here", "in my city": the place the asker named in their introduction ("I'm moving to Boston. What do
# ML engineers earn there?"). "there" only at the end of a clause, not "is there".
_DEICTIC = re.compile(r"\b(?:over\s+)?(?:there|here)\b(?=\s*(?:[?.!,;]|$))|\b(?:in|around) my (?:city|area|town|state|"
                      r"region|country)\b|\bnear me\b|\bwhere i (?:live|am|work)\b|\blocally\b", re.I)


# "My cousin works as a wellhead pumper. What is that?": the job someone else has or wants, named before a question
# that only points at it (English wording).
_ROLE_NAMED = re.compile(r"\b(?:works?|working|worked|job|career|employed)\s+as\s+(?:an?\s+)?([^.,!?;]+)|"
                         r"\b(?:to be|to become|becoming)\s+(?:an?\s+)?([^.,!?;]+)|"
                         # "I could move into a data science manager role someday": the role wanted
                         r"\b(?:move|moving|moved|transition(?:ing)?|switch(?:ing)?|promoted|step(?:ping)?|grow(?:ing)?)"
                         r"\s+(?:up\s+)?(?:in)?to\s+(?:an?\s+|the\s+)?([^.,!?;]+?)"
                         r"(?=\s+(?:role|position|job|track|someday|one day|eventually|soon|later)\b|[.,!?;]|$)", re.I)
_POINTING = re.compile(r"^(.*?)\b(that|this|it|they|them)\b(.*)$", re.I)
_OF_THE_ASKER = re.compile(r"\b(?:i|me|my)\b", re.I)
# "I want to become ...", "I'm hoping to be ...", "becoming ...": a role wanted, not one had ("I used to be ...").
_WANTED = re.compile(r"\b(?:become|becoming|(?:want|wanted|plan|planning|hope|hoping|like|going|aim|aiming|"
                     r"trying|try)\s+to\s+be)\b", re.I)
# "I keep hearing about deep learning in job ads. What is it?": the thing the setting speaks of (English wording).
_THING_NAMED = re.compile(r"\b(?:about|regarding|heard of)\s+(?:an?\s+|the\s+)?([^.,!?;]+?)"
                          r"(?=\s+(?:in|on|at|from|for|with|lately|recently|a lot|everywhere|all)\b|[.,!?;]|$)", re.I)


def _carry_role(preamble: str, body: str, corpus: CorpusIndex) -> str:
    """The question with the role its setting names in place of the pronoun pointing at it, when the question
    names nothing else and the setting is about someone else (the asker's own job is only their background)."""
    role = _ROLE_NAMED.search(preamble)
    thing = _THING_NAMED.search(preamble) if role is None else None
    if thing is not None:  # a thing heard or read about: only a pronoun points at it
        named = " ".join(thing.group(1).split()[:MAX_NAME_WORDS])
    elif role is None or (re.match(r"^\W*(?:i\b|i['’]m\b|my (?:job|work|career)\b)", preamble, re.I)
                          and role.group(2) is None and role.group(3) is None):
        return body
    else:
        named = " ".join((role.group(1) or role.group(2) or role.group(3)).split()[:MAX_NAME_WORDS])
    said = [re.sub(r"['’][a-z]+$", "", w.lower()) for w in QUESTION_WORD.findall(body)]  # "what's": what
    words_of = [w for w in said if w not in STOPWORDS and w not in OPERATOR_WORDS and w not in MEASURE_WORDS]
    pointing = _POINTING.match(body)
    if pointing is None and thing is None and not words_of and asks_figure(body):
        # "I want to be a social media influencer. What's the median salary?": the figure of the role wanted
        return f"{body.rstrip('?.! ')} ({named})?"
    if pointing is None and role is not None and role.group(2) and _WANTED.search(preamble) and len(words_of) <= 2 \
            and _OF_THE_ASKER.search(body) and not _ROLE_NAMED.search(body) \
            and subject_mentions(named, corpus, corpus.subject_names):
        # "I want to become a dental hygienist. What education do I need?": what the asker needs for the role (one
        # the sources name)
        article = "an" if named[:1].lower() in "aeiou" else "a"
        return f"{body.rstrip('?.! ')} to become {article} {named}?"
    if pointing is None or len(words_of) > 2:
        return body
    article = "" if thing is not None or pointing.group(2).lower() in ("they", "them") else "a "
    return f"{pointing.group(1)}{article}{named}{pointing.group(3)}"


# "those two cities", "both places": the places named before (English words)
_BOTH_PLACES = re.compile(r"\b(?:(?:those|these|the|both)\s+(?:two\s+|2\s+)?(?:cities|places|locations|areas|towns|"
                          r"metros)|both\s+of\s+them)\b", re.I)


def _carry_place(preamble: str, body: str, corpus: CorpusIndex) -> str:
    """The question with the place of the asker's introduction in it, when the question points at it ("there")
    or asks for a figure and names no place of its own (pay depends on the place)."""
    if not preamble:
        return body
    found, missing = _places(preamble, corpus)
    if not found and not missing:
        return body
    own, own_missing = _places(body, corpus)
    if own or own_missing:
        return body
    named = sorted([(m.start, m.text) for m in found] + [(preamble.find(name), name) for name in missing])
    both = _BOTH_PLACES.search(body)
    if both and len({name for _, name in named}) >= 2:  # "one in San Francisco and one in London. How do they
        # compare between those two cities?": the places the introduction named, all of them
        said = " and ".join(dict.fromkeys(name for _, name in named))
        return f"{body[:both.start()]}{said}{body[both.end():]}"
    place = named[0][1]
    pointer = _DEICTIC.search(body)
    if pointer:
        return f"{body[:pointer.start()]}in {place}{body[pointer.end():]}"
    if asks_figure(body):
        return f"{body.rstrip('?.! ')} in {place}?"
    return body


_THRESHOLD = re.compile(r"\b(more than|over|above|at least|greater than|higher than|exceeds?|"
                        r"less than|under|below|lower than|at most)\s+(?:an? |the )?"
                        r"(\S+(?:\s(?:k|thousand|million)\b)?)",
                        re.I)


def _threshold(text: str) -> tuple[str, float, str] | None:
    """ "Do RNs earn more than $100,000?": the figure a yes/no question measures against, and on which side."""
    for match in _THRESHOLD.finditer(text):
        figure = FIGURE.match(match.group(2).rstrip("?.!,"))
        if figure is None:
            continue
        parsed = figure_value(figure)
        if parsed.low is None:
            continue
        side = "below" if match.group(1).lower() in ("less than", "under", "below", "lower than", "at most") \
            else "above"
        return side, parsed.low, figure.group(0)
    return None


# The asker's own things ("my odds", "our small team"): words about them, not about what is asked.
_OWN = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+)?$", re.I)

# Where the question itself starts after a clause setting the scene: "Once I have a few years under my belt, what
# ...", "If I take an entry-level job, what would I be doing?", "Besides Python, which languages ...?"
_SCENE_THEN_QUESTION = re.compile(r"^(?:once|if|when|after|before|since|as|while|because|given|now that|assuming|"
                                  r"with|besides|other than|apart from|aside from|in addition to|beyond|except|"
                                  r"excluding)\b[^?]*?,\s*(?=(?:what|which|how|who|where|when|why|is|are|do|does|can|"
                                  r"could|should|would|will)\b)", re.I)


def _question_clause(text: str) -> int:
    """Where the question's own clause starts: 0, or after a scene-setting clause before it."""
    scene = _SCENE_THEN_QUESTION.match(text)
    return scene.end() if scene else 0


# "switch over to", "move into", "switch from SWE to MLE", "change careers": a change of career, which documents call a
# transition (English usage; the dense model does not pair them).
_CAREER_CHANGE = re.compile(r"\b(?:switch(?:ing)?|mov(?:e|ing)|pivot(?:ing)?|chang(?:e|ing)|break(?:ing)?)\s+"
                            r"(?:from\s+[^?.,;]{1,40}?\s+)?(?:over\s+)?(?:in)?to\b|"
                            r"\bgo(?:ing)?\s+from\s+[^?.,;]{1,40}?\s+to\b|"
                            r"\bchang(?:e|ing) careers?\b|\bcareer (?:change|switch)\b",
                            re.I)


def _career_change(text: str) -> str:
    """The searched text with "transition" after a career change said another way."""
    if _CAREER_CHANGE.search(text) and not re.search(r"\btransition", text, re.I):
        return f"{text.rstrip()} transition"
    return text


# "I've been an ML engineer for about 6 years", "with 4 years of experience", "3 yrs exp": the asker's experience
_EXPERIENCE = re.compile(r"\b(?:for|with|have|had|got|over|nearly|almost|about|around)\s+(?:about\s+|around\s+|"
                         r"nearly\s+|almost\s+|over\s+)?(\d{1,2})\+?\s*(?:years?|yrs?)\b|"
                         r"\b(\d{1,2})\+?\s*(?:years?|yrs?)(?:\s+of)?\s+(?:experience|exp)\b", re.I)


def _level_of_experience(years: int, corpus: CorpusIndex, span: tuple[int, int] | None = None) -> str:
    """The level whose span of years (as the corpus's rows state it: "Senior-Level (5+ years of experience)") holds
    `years`: the one stating the very span typed around them (`span`: "5+ years" is the senior span, though the
    mid-level one ends at 5), else the narrowest; "" when none does."""
    holding: list[tuple[bool, int, str]] = []
    for name in corpus.subject_names.values():
        named = levels(name)
        stated = YEARS_SPAN.search(name)
        if len(named) != 1 or stated is None:
            continue
        low = int(stated.group(1))
        high = int(stated.group(2)) if stated.group(2) else 99
        if low <= years <= high:
            holding.append(((low, high) != span, high - low, named[0]))
    return min(holding)[2] if holding else ""


def _carry_experience(question: str, body: str, corpus: CorpusIndex) -> str:
    """The question with the level the asker's years of experience put them at ("6 years" -> senior), when it
    names no level of its own and the corpus states levels by their years."""
    said = _EXPERIENCE.search(question)
    if said is None or levels(body):
        return body
    typed = next((m for m in YEARS_SPAN.finditer(question) if m.start() < said.end() and said.start() < m.end()),
                 None)
    span = (int(typed.group(1)), int(typed.group(2)) if typed.group(2) else 99) if typed else None
    level = _level_of_experience(int(said.group(1) or said.group(2)), corpus, span)
    return f"{body.rstrip('?.! ')} ({level})?" if level else body


_SCOPE = re.compile(r"\b(?:in|across|throughout|within|around|for)\s+((?:the\s+)?[\w.]+(?:\s+[\w.]+){0,2})", re.I)


def _country_words(body: str) -> set[str]:
    """The words of a country named as the scope of a question ("in the us", "across the United States"): where
    the figures hold, not a subject the sources must name."""
    said: set[str] = set()
    for match in _SCOPE.finditer(body):
        tokens = match.group(1).split()
        bare = tokens[1:] if tokens[0].lower() == "the" else tokens
        for size in range(len(tokens), 0, -1):
            named = next((run[:size] for run in (tokens, bare)
                          if size <= len(run) and is_country(" ".join(run[:size]))), None)
            if named:
                said.update(t.lower().strip(".") for t in named if t.lower() != "the")
                break
    return said


# "the top earning dietitians", "the lowest paid cooks": the top or bottom of one subject's pay (English wording)
# "... highest paid role / job / position": the one thing ranked, not a subject's earners (English).
_RANKS_ONES = re.compile(r"\s+(?:roles?|jobs?|positions?|titles?|occupations?|careers?|professions?|steps?|levels?)\b",
                         re.I)
_TOP_EARNERS = re.compile(r"\b(?:the\s+)?(top|highest|best|lowest|bottom|worst)[- ](?:earning|earners|paid)\b", re.I)


# "for a registered nurse?": the last word of a phrase a determiner opens, a word or two before it, names the thing
# (English wording)
_PHRASE_OPENED = re.compile(r"\b(?:a|an|the|this|that|these|those|my|your|our|their|some|any)\s+(?:[\w-]+\s+){1,2}$",
                            re.I)
_PHRASE_ENDS = re.compile(r"^\s*(?:$|[?.!,;:]|(?:in|at|for|of|with|on|and|or|vs)\b)", re.I)


def _ends_noun_phrase(body: str, match: re.Match[str]) -> bool:
    return bool(_PHRASE_OPENED.search(body[:match.start()]) and _PHRASE_ENDS.match(body[match.end():]))


def _part_around(body: str, position: int) -> str:
    """The question, of a double question's parts, that the text at a position is in ("how long is law school?" of
    "What's the 25th percentile wage for lawyers, and how long is law school?")."""
    start = 0
    for part in split_questions(body):
        found = body.find(part.rstrip("?"), start)
        if found < 0:
            return body
        if found <= position < found + len(part):
            return part
        start = found + len(part.rstrip("?"))
    return body


def _kind_unnamed(body: str, match: re.Match[str], corpus: CorpusIndex, subjects: Sequence[Mention]) -> bool:
    """Whether a noun the corpus uses names, with the word after it, a kind of worker the figures are about that no
    name of the sources holds both words of: "data engineer" where the names are "Machine Learning Engineer" and
    "Data Scientist" (not "ML engineer", "registered nurse", nor a subject named whole: "Google engineers")."""
    after = re.match(r" ([A-Za-z][\w'-]*)\b", body[match.end():])
    if after is None or any(m.start <= match.start() < m.end for m in subjects):
        return False
    word, head = match.group(0).lower(), singular(after.group(1).lower())
    if head not in corpus.paid_heads or "NOUN" not in parts_of_speech(word) or "ADJ" in parts_of_speech(word) \
            or name_key([word]) in corpus.subject_names:
        return False
    said = {singular(word)}
    if corpus.acronyms.get(word):  # "ai engineer": artificial intelligence engineer
        said.add(singular(corpus.acronyms[word].split()[-1].lower()))
    if not any(last in corpus.names_by_word for last in said):
        return False  # a word no name holds qualifies the worker ("pro athletes"), it names no other kind of one
    # the words of the phrase before it too ("amusement park attendant": "Amusement and Recreation Attendants")
    for before in reversed(re.findall(r"[\w'-]+|[^\w\s]", body[:match.start()])[-2:]):
        if before.lower() in STOPWORDS or before.lower() in MEASURE_WORDS or not before[0].isalpha():
            break
        said.add(singular(before.lower()))
    heads = corpus.names_by_word.get(head, frozenset())  # a name holding both ("elevator installer": "Elevator
    if any(corpus.names_by_word.get(last, frozenset()) & heads for last in said):  # and Escalator Installers")
        return False
    # a name holding the head and another form of the word ("cremation operator": Crematory Operators)
    held = {w for position in heads for w in corpus.name_keys[position]}
    return not any(same_root(word, w) for w in held)


def understand(question: str, corpus: CorpusIndex) -> Query:
    """Read a question (already resolved against the conversation) into a Query."""
    preamble, body = strip_preamble(question)
    body = _carry_role(preamble, body, corpus)
    body = _carry_place(preamble, body, corpus)
    body = _carry_experience(question, body, corpus)
    body = re.sub(r"#\s*of\b", "number of", body)
    before_names = normalise(body, corpus)
    body = _with_other_names(before_names, corpus)
    places, missing_places = _places(body, corpus)
    self_names = {m.group(1) for m in SELF_NAME.finditer(question)}
    subjects: list[Mention] = []
    renamed = _other_name_words(body, corpus.titles) if body != before_names else []
    for mention in subject_mentions(body, corpus, corpus.subject_names):
        if any(start <= mention.start < end for start, end in renamed):
            continue  # "court" of "court stenographer (Court Reporters ...)": the title names the subject
        if mention.text not in self_names and not any(p.start <= mention.start < p.end for p in places):
            subjects.append(mention)
    subjects = _with_row_mates(body, corpus, subjects)
    sources = sources_named(body, corpus)  # "According to Glassdoor, ...": where from, not a subject to compare
    subjects = [m for m in subjects if not (m.text.lower() in {source.lower() for source in sources}
                                            and _as_source(body, m))]
    # "and which big data tools?": a follow-up's opening conjunction says nothing of its kind
    # the "and" of one subject's name ("museum technicians and conservators") joins no two things compared
    masked = body
    for mention in subjects:
        named = re.sub(r"\b(?:and|or)\b", lambda joint: "_" * len(joint.group(0)), masked[mention.start:mention.end])
        masked = masked[:mention.start] + named + masked[mention.end:]
    # nor does a title put in brackets after the other name it was asked by ("a bike mechanic (Bicycle Repairers)")
    clause = _question_clause(body)
    asked = masked[clause:]  # (the same length as the body: the titles are read from the body)
    for gloss in reversed(list(re.finditer(r"\s*\(([^()]+)\)", body[clause:]))):
        if gloss.group(1) in corpus.titles:
            asked = asked[:gloss.start()] + asked[gloss.end():]
    kind, wh = _kind(re.sub(r"^(?:(?:and|but|also|so|then|ok(?:ay)?|well)\b[\s,]*)+", "", asked, flags=re.I),
                     len(subjects) + len(places))
    statistic = STATISTIC.search(body)
    if kind == "ranking" and len(subjects) == 1 and statistic and "percentile" in statistic.group(0).lower() \
            and not re.match(r"^\W*which\b", body, re.I):
        kind = "figure"  # "what do the lowest paid physical therapists make, the bottom 10%?": that percentile of
        # the one subject named, not a ranking of subjects
    earners = _TOP_EARNERS.search(body)
    if earners and _RANKS_ONES.match(body[earners.end():]):
        earners = None  # "the highest paid role on the career ladder": a ranking of roles, not one role's top pay
    if kind in ("ranking", "figure") and len(subjects) == 1 and earners \
            and not re.match(r"^\W*(?:which|who)\b", body, re.I):
        # "what do the top earning dietitians make?", "how much do the lowest paid janitors make?": the top (or
        # bottom) of one subject's pay, its highest (lowest) percentile the tables give, not a ranking of subjects
        rank = "90th" if earners.group(1).lower() in ("top", "highest", "best") else "10th"
        body = f"{body[:earners.start()]}the {rank} percentile{body[earners.end():]}"
        kind = "figure"
        statistic = STATISTIC.search(body)
    threshold = _threshold(body) if _YESNO.match(body) else None
    if threshold is not None:  # "Do RNs earn more than $100,000?": a yes or no against a figure, not a comparison
        kind = "yesno"
    place_words = {w.lower() for p in places for w in QUESTION_WORD.findall(p.text)}
    place_words |= {w.lower() for name in missing_places for w in name.split()}
    place_words |= _country_words(body)
    place_words |= {w.lower() for pattern, _ in LEVEL_PATTERNS for m in pattern.finditer(body)  # "entry-level"
                    for w in QUESTION_WORD.findall(m.group(0))}
    topic: list[str] = []
    missing: list[str] = []
    unmatched: list[str] = []
    unnamed_kinds: list[str] = []
    asked_from = _question_clause(body)
    manner = [m.span() for m in MANNER_PHRASES.finditer(body)]
    if kind == "duties":  # "what does the architect role involve?": "involve" asks what the role does, of no topic;
        # "what are the duties of ...": the duties are what is asked, whatever words the sources use for them
        manner += [m.span(1) for m in _DUTY_VERB.finditer(body)] + [m.span() for m in _DUTY_NOUN.finditer(body)]
    for position, match in enumerate(QUESTION_WORD.finditer(body)):
        word = match.group(0)
        lowered = re.sub(r"['’][a-z]+$", "", word.lower())
        if word[:-1].isupper() and word.endswith("s") and lowered[:-1] in corpus.acronyms:
            lowered = lowered[:-1]  # "LPNs": the acronym the corpus defines
        if (lowered in STOPWORDS or lowered in OPERATOR_WORDS or lowered in MEASURE_WORDS or len(lowered) < 2
                or body[match.start() - 1:match.start()].isdigit()  # "th" of "90th": part of a number
                or lowered in place_words or levels(word) or word in self_names
                or any(start <= match.start() < end for start, end in manner)  # "on a day-to-day basis"
                or (lowered in BOUND_PREFIXES and body[match.end():match.end() + 1] == "-")):  # "self-study"
            continue
        topic.append(lowered)
        if lowered in corpus.acronyms or _known(lowered, corpus):
            if match.start() >= asked_from and asks_figure(_part_around(body, match.start())) \
                    and _kind_unnamed(body, match, corpus, subjects):  # "a data engineer": a kind of engineer no
                # name of the sources is (named where it was typed)
                unnamed_kinds.append(phrase_around(body, word, match.start()))
            continue
        if match.start() < asked_from or _OWN.search(body[:match.start()]):
            unmatched.append(word)  # the asker's setting ("once I have a few years under my belt, ..."), not the
            continue  # thing asked about: it cannot make the question one the sources do not cover
        is_name = position > 0 and word[:1].isupper()
        speech = parts_of_speech(lowered)
        after_determiner = bool(re.search(r"\b(?:a|an|the|this|that|these|those|my|your|our|their|some|any)\s+$",
                                          body[:match.start()], re.I)) or _ends_noun_phrase(body, match)
        # a word the sources never use right before a subject they name says which kind of it ("moon farmers")
        # (opening the noun phrase: after a function word, "what do moon farmers earn", not a verb after a name,
        # "does Glassdoor say machine learning engineers ...")
        before_word = re.findall(r"[\w'’]+", body[:match.start()])
        modifies = any(m.role == "subject" and body[match.end():m.start] == " " for m in subjects) \
            and (not before_word or before_word[-1].lower() in STOPWORDS)
        # "the main responsibilities", "the key skills": an adjective before the noun it qualifies says which of
        # them, not a thing of its own
        qualified = re.match(r"\s+([A-Za-z][\w'-]*)", body[match.end():])
        qualifies = "ADJ" in speech and not _ends_noun_phrase(body, match) and qualified is not None \
            and singular(qualified.group(1).lower()) not in corpus.name_words  # (a "chemical engineer" is a kind)
        if is_name or not speech or speech == {"NOUN"} or (after_determiner and "NOUN" in speech and not qualifies) \
                or (modifies and speech & {"NOUN", "ADJ"}):
            missing.append(word)
        else:
            unmatched.append(word)
    missing = [phrase_around(body, word) for word in missing] + unnamed_kinds
    if _career_change(body) != body:  # "switch over to ...": what the documents call a transition
        topic.append("transition")
    placed = _with_places(body, places, corpus.gazetteer.row_labels)
    return Query(
        original=question, text=placed, search_text=_career_change(with_acronyms(placed, corpus)),
        kind=kind, wh=wh,
        direction=_direction(body) if kind in ("ranking", "yesno", "comparison") else "", top_n=_top_n(body),
        plural=_asks_plural(body),
        statistic=statistic.group(1).lower() if statistic else "", levels=tuple(levels(body)),
        subjects=tuple(subjects), places=tuple(places), missing_places=tuple(dict.fromkeys(missing_places)),
        topic=tuple(dict.fromkeys(topic)), missing=tuple(dict.fromkeys(missing)),
        unmatched=tuple(dict.fromkeys(unmatched)), preamble=preamble, sources=sources,
        parts=split_questions(body), threshold=threshold)
